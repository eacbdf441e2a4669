package org.wattwatch.envelope;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.wattwatch.event.score.ExpectedRange;

/**
 * The usual range of the level a window of one length holds, per hour of day: for the detector to
 * judge sustained loads at several lengths. A load that holds a level for ten minutes is common in
 * a home (a shower, a washing machine heating its water); the same level held for two hours is not.
 * So a heater too small to stand out at ten minutes in a busy hour stands out at an hour or two.
 *
 * @param windowMinutes the window's length
 * @param lowWh         per hour of day (24), the usual low of the level as energy over the window
 * @param highWh        per hour of day (24), the usual high, calibrated to the alert budget
 */
public record LevelScale(int windowMinutes, List<Double> lowWh, List<Double> highWh) {

    public LevelScale {
        if (windowMinutes <= 0) {
            throw new ModelFormatException("a level scale needs a positive window, was " + windowMinutes);
        }
        if (lowWh == null || highWh == null || lowWh.size() != 24 || highWh.size() != 24) {
            throw new ModelFormatException("a level scale of " + windowMinutes + " min needs 24 hourly lowWh and highWh");
        }
        for (int h = 0; h < 24; h++) {
            double low = lowWh.get(h);
            double high = highWh.get(h);
            if (!(low >= 0) || !(high >= low) || !Double.isFinite(high)) {
                throw new ModelFormatException("level scale " + windowMinutes + " min, hour " + h
                        + ": need 0 <= lowWh <= highWh, was " + low + ", " + high);
            }
        }
        lowWh = List.copyOf(lowWh);
        highWh = List.copyOf(highWh);
    }

    public Duration window() {
        return Duration.ofMinutes(windowMinutes);
    }

    /** The usual range for the window starting at a local time, blended between neighbouring hours. */
    public ExpectedRange expected(LocalDateTime localStart) {
        return HourBlend.expected(localStart, window(),
                hour -> new ExpectedRange(lowWh.get(hour.getHour()), highWh.get(hour.getHour())), 1.0);
    }
}
