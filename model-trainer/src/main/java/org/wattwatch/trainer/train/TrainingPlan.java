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

    public Duration window() {
        return Duration.ofMinutes(windowMinutes);
    }
}
