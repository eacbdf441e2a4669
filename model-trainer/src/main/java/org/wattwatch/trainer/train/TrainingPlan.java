package org.wattwatch.trainer.train;

import java.time.Duration;
import java.util.List;

import org.wattwatch.trainer.gbm.GbmSettings;

/**
 * What one training is asked to do.
 *
 * @param windowMinutes the detection window the envelope is for
 * @param lowShare      share of training windows below the envelope's low edge
 * @param highShare     share of training windows at or below its high edge
 * @param gbm           the two quantile GBMs' settings
 * @param threshold     the score counted as an alert when the training history is replayed
 * @param alertBudget   at most this many alerts a month on that replay
 * @param scaleLengths  the window lengths at which level scales are learned (none: the envelope carries the budget)
 * @param windowMeasure how the detector measures a window: {@code level} for readings shorter than it, else
 *                      {@code energy}
 */
public record TrainingPlan(int windowMinutes, double lowShare, double highShare, GbmSettings gbm, double threshold,
        double alertBudget, List<Duration> scaleLengths, String windowMeasure) {

    /** What {@code train} plans with unless told otherwise, as its options' defaults say it (text). */
    public static final String DEFAULT_WINDOW_MINUTES = "60";
    public static final String DEFAULT_SHARES = "0.005,0.995";
    public static final String DEFAULT_THRESHOLD = "1.0";
    public static final String DEFAULT_ALERT_BUDGET = "2";
    public static final String DEFAULT_MIN_DAYS = "14";

    /**
     * The level scales a history of readings of {@code resolution} can teach: those of 10, 30, 60 and 120
     * minutes that are whole multiples of it; none for hourly or coarser readings, whose per-reading envelope
     * follows the seasons (docs/detection.md).
     */
    public static final List<Duration> AUTO_SCALES = List.of(Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofMinutes(60), Duration.ofMinutes(120));

    public static List<Duration> autoScales(Duration resolution) {
        if (resolution.compareTo(Duration.ofMinutes(60)) >= 0) {
            return List.of();
        }
        return AUTO_SCALES.stream().filter(s -> s.toSeconds() % resolution.toSeconds() == 0).toList();
    }

    public Duration window() {
        return Duration.ofMinutes(windowMinutes);
    }
}
