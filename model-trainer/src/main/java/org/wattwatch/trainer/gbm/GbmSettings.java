package org.wattwatch.trainer.gbm;

import java.util.Map;

/**
 * How the quantile envelope is learned.
 *
 * @param lowQuantile  the quantile the lower model learns (default 0.1; see {@code Calibration} for why not an
 *                     extreme one)
 * @param highQuantile the quantile the upper model learns (default 0.9)
 * @param trees        boosting rounds (default 300)
 * @param maxDepth     tree depth; 5 lets hour, day and month interact (default 5)
 * @param minRows      fewest windows in a leaf: pools similar hours, days and months so one odd
 *                     evening cannot set a cell's envelope (default 60)
 * @param learnRate    shrinkage per tree (default 0.1)
 * @param seed         for repeatable models
 */
public record GbmSettings(double lowQuantile, double highQuantile, int trees, int maxDepth, double minRows,
        double learnRate, long seed) {

    public Map<String, Object> asMap() {
        return Map.of("distribution", "quantile", "trees", trees, "maxDepth", maxDepth, "minRows", minRows,
                "learnRate", learnRate, "seed", seed);
    }
}
