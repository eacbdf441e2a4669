package org.wattwatch.envelope;

import java.util.Arrays;

import org.wattwatch.event.score.ExpectedRange;

/**
 * Turns central quantile models into an envelope with the wanted share of windows outside it.
 *
 * <p>Gradient boosting learns extreme quantiles badly: at the 99.9th percentile almost every
 * window lies on one side of the first guess, every gradient is the same, and no tree finds a
 * split. So the MOJOs model central quantiles (e.g. 10% and 90%), which carry the shape over hour,
 * day and month, and the envelope extends them by a multiple of their spread, the multiple chosen
 * on the training windows so that exactly the wanted share lies beyond.
 */
public final class Calibration {

    private Calibration() {
    }

    public static ExpectedRange widen(double low, double high, double lowExtension, double highExtension) {
        double spread = high - low;
        return new ExpectedRange(Math.max(0, low - lowExtension * spread), high + highExtension * spread);
    }

    /**
     * The smallest extension beyond {@code high} that leaves at most {@code share} of the windows
     * above the envelope.
     *
     * @param excess per window, how far above its modelled high it is in units of its spread
     *               ({@code (wh - high) / (high - low)}), any sign
     */
    public static double extension(double[] excess, double share) {
        double[] sorted = excess.clone();
        Arrays.sort(sorted);
        int allowedAbove = (int) Math.floor(share * sorted.length);
        int index = sorted.length - 1 - allowedAbove;
        return index < 0 ? 0 : Math.max(0, sorted[index]);
    }
}
