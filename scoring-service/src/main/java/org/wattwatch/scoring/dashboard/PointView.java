package org.wattwatch.scoring.dashboard;

/**
 * A point as the page draws it: times in epoch seconds (the chart's x axis), average watts.
 *
 * @param above beyond the expected range: drawn highlighted
 */
record PointView(long start, long end, double watts, double lowWatts, double highWatts, double wh, double score,
        boolean above) {

    static PointView of(UsagePoint p) {
        return new PointView(p.start().getEpochSecond(), p.end().getEpochSecond(), round(p.watts()),
                round(p.expectedLowWatts()), round(p.expectedHighWatts()), round(p.wh()), round(p.score()), p.above());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
