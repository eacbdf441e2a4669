package org.wattwatch.trainer.backtest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.model.score.ExpectedRange;
import org.wattwatch.trainer.history.Window;

/**
 * What a model would have said about a history, window by window, with the seed's score rule:
 * how many alerts an owner would have had, when, and the worst ones.
 */
public final class Backtest {

    /** Consecutive alerting windows, one episode for the owner. */
    public record Episode(LocalDateTime start, LocalDateTime end, int windows, double maxScore) {
    }

    /**
     * @param alertWindowsPerMonth windows above the threshold, by month
     * @param episodesPerMonth     alert episodes (runs of consecutive alerting windows) by the month they began
     */
    public record Summary(long windows, long alertWindows, long episodes, Map<YearMonth, Long> alertWindowsPerMonth,
            Map<YearMonth, Long> episodesPerMonth, Episode longest, List<ScoredWindow> top) {
    }

    private Backtest() {
    }

    public static List<ScoredWindow> score(EnvelopeModel model, List<Window> windows, Duration window,
            double threshold) {
        List<ScoredWindow> scored = new ArrayList<>(windows.size());
        for (Window w : windows) {
            ExpectedRange expected = model.expected(w.start(), window);
            double score = expected.score(w.wh());
            scored.add(new ScoredWindow(w.start(), w.wh(), expected.lowWh(), expected.highWh(), score,
                    score > threshold));
        }
        return scored;
    }

    /** @param step the spacing of consecutive windows (the history's interval length) */
    public static Summary summarize(List<ScoredWindow> scored, Duration step) {
        Map<YearMonth, Long> perMonth = new TreeMap<>();
        Map<YearMonth, Long> episodesPerMonth = new TreeMap<>();
        List<Episode> episodes = new ArrayList<>();
        ScoredWindow first = null;
        ScoredWindow previous = null;
        double max = 0;
        int count = 0;
        for (ScoredWindow w : scored) {
            perMonth.putIfAbsent(YearMonth.from(w.start()), 0L);
            episodesPerMonth.putIfAbsent(YearMonth.from(w.start()), 0L);
            boolean continues = first != null && previous.start().plus(step).equals(w.start());
            if (first != null && (!w.alert() || !continues)) {
                episodes.add(new Episode(first.start(), previous.start(), count, max));
                first = null;
            }
            if (w.alert()) {
                perMonth.merge(YearMonth.from(w.start()), 1L, Long::sum);
                if (first == null) {
                    first = w;
                    count = 0;
                    max = 0;
                    episodesPerMonth.merge(YearMonth.from(w.start()), 1L, Long::sum);
                }
                count++;
                max = Math.max(max, w.score());
            }
            previous = w;
        }
        if (first != null) {
            episodes.add(new Episode(first.start(), previous.start(), count, max));
        }
        long alerts = scored.stream().filter(ScoredWindow::alert).count();
        Episode longest = episodes.stream().max(Comparator.comparingInt(Episode::windows)).orElse(null);
        List<ScoredWindow> top = scored.stream().filter(ScoredWindow::alert)
                .sorted(Comparator.comparingDouble(ScoredWindow::score).reversed()).limit(10).toList();
        return new Summary(scored.size(), alerts, episodes.size(), perMonth, episodesPerMonth, longest, top);
    }

    public static void writeCsv(Path file, List<ScoredWindow> scored) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("timestamp,wh,expected_low_wh,expected_high_wh,score,alert\n");
            for (ScoredWindow w : scored) {
                out.write(String.format(Locale.ROOT, "%s,%.1f,%.1f,%.1f,%.4f,%b%n", w.start(), w.wh(),
                        w.expectedLowWh(), w.expectedHighWh(), w.score(), w.alert()));
            }
        }
    }

    public static String text(Summary s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d windows, %d above the threshold (%.2f%%), %d alert episodes%n",
                s.windows(), s.alertWindows(), 100.0 * s.alertWindows() / Math.max(1, s.windows()), s.episodes()));
        out.append("month     alert windows  episodes\n");
        s.alertWindowsPerMonth().forEach((month, n) -> out.append(String.format(Locale.ROOT, "%s  %13d  %8d%n", month,
                n, s.episodesPerMonth().get(month))));
        if (s.longest() != null) {
            out.append(String.format(Locale.ROOT, "longest alert: %s to %s (%d windows, max score %.2f)%n",
                    s.longest().start(), s.longest().end(), s.longest().windows(), s.longest().maxScore()));
        }
        if (!s.top().isEmpty()) {
            out.append("top alerts:\n  start                 Wh   usual high   score\n");
            for (ScoredWindow w : s.top()) {
                out.append(String.format(Locale.ROOT, "  %-16s %8.0f %12.0f %7.2f%n", w.start(), w.wh(),
                        w.expectedHighWh(), w.score()));
            }
        }
        return out.toString();
    }
}
