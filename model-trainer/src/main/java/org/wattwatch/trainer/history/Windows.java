package org.wattwatch.trainer.history;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.wattwatch.detection.WindowLevel;
import org.wattwatch.event.history.History;
import org.wattwatch.event.history.HistoryFormatException;
import org.wattwatch.event.history.HistoryRow;

/**
 * Cuts a history into detection windows: every run of consecutive intervals that spans the window,
 * one window per interval (rolling), so finer data is judged over the window, not per minute. A
 * window touching a gap is left out. A window made of several intervals is valued as the detector
 * judges it, by its {@link WindowLevel} over the window's length; a window of one interval by its energy.
 */
public final class Windows {

    private Windows() {
    }

    /**
     * @param from first day included, or null
     * @param to   last day included, or null
     */
    public static List<Window> of(History history, Duration window, LocalDate from, LocalDate to,
            Duration dipAllowance) {
        Duration resolution = history.resolution();
        if (window.compareTo(resolution) < 0 || window.toSeconds() % resolution.toSeconds() != 0) {
            throw new HistoryFormatException(history.name() + ": its " + resolution.toMinutes() + "-minute intervals "
                    + "cannot make " + window.toMinutes() + "-minute windows (the window must be a multiple)");
        }
        int k = (int) (window.toSeconds() / resolution.toSeconds());
        List<HistoryRow> rows = history.rows();
        List<Window> windows = new ArrayList<>(rows.size());
        double[] wh = new double[k];
        long[] millis = new long[k];
        java.util.Arrays.fill(millis, resolution.toMillis());
        for (int i = 0; i + k <= rows.size(); i++) {
            HistoryRow first = rows.get(i);
            if (from != null && first.start().toLocalDate().isBefore(from)
                    || to != null && first.start().toLocalDate().isAfter(to)) {
                continue;
            }
            HistoryRow last = rows.get(i + k - 1);
            if (!last.start().equals(first.start().plus(resolution.multipliedBy(k - 1)))) {
                continue; // rows missing inside the window
            }
            boolean gap = false;
            for (int j = i; j < i + k && !gap; j++) {
                gap = rows.get(j).isGap();
                wh[j - i] = rows.get(j).wh();
            }
            if (!gap) {
                windows.add(new Window(first.start(), k == 1 ? wh[0]
                        : WindowLevel.of(wh, millis, k, dipAllowance.toMillis()) * window.toMillis()));
            }
        }
        return windows;
    }
}
