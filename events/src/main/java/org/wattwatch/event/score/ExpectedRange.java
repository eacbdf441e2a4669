package org.wattwatch.event.score;

/**
 * The energy a model expects for one interval: usage between {@code lowWh} and {@code highWh}
 * is what history shows for that time.
 */
public record ExpectedRange(double lowWh, double highWh) {

    /**
     * A flat range (high == low) would divide by zero; treating it as one watt-hour wide keeps
     * the score finite and still far above 1.0 for any real excess.
     */
    private static final double MIN_WIDTH_WH = 1.0;

    public ExpectedRange {
        if (!Double.isFinite(lowWh) || !Double.isFinite(highWh) || highWh < lowWh) {
            throw new IllegalArgumentException("expected range needs finite low <= high, was " + lowWh + ".." + highWh);
        }
    }

    /**
     * The 2018 demo's rule: 0 at the low edge, 1 at the high edge, above 1 means more than
     * history shows for this time.
     */
    public double score(double wh) {
        return (wh - lowWh) / Math.max(highWh - lowWh, MIN_WIDTH_WH);
    }

    /** The same range for an interval {@code factor} times as long, e.g. 15/60 for a quarter hour. */
    public ExpectedRange scaled(double factor) {
        return new ExpectedRange(lowWh * factor, highWh * factor);
    }
}
