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

    /** What {@code train} learns with unless told otherwise, as its options' defaults say it (text). */
    public static final String DEFAULT_FIT_QUANTILES = "0.1,0.9";
    public static final String DEFAULT_TREES = "300";
    public static final String DEFAULT_MAX_DEPTH = "5";
    public static final String DEFAULT_MIN_ROWS = "60";
    public static final String DEFAULT_LEARN_RATE = "0.1";

    /** The settings {@code train} uses by default, for a trainer without its options (a retrain). */
    public static GbmSettings defaults(long seed) {
        String[] q = DEFAULT_FIT_QUANTILES.split(",");
        return new GbmSettings(Double.parseDouble(q[0]), Double.parseDouble(q[1]), Integer.parseInt(DEFAULT_TREES),
                Integer.parseInt(DEFAULT_MAX_DEPTH), Double.parseDouble(DEFAULT_MIN_ROWS),
                Double.parseDouble(DEFAULT_LEARN_RATE), seed);
    }

    public Map<String, Object> asMap() {
        return Map.of("distribution", "quantile", "trees", trees, "maxDepth", maxDepth, "minRows", minRows,
                "learnRate", learnRate, "seed", seed);
    }
}
