package org.wattwatch.envelope;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@code model.json} in a model package: what the model is, what it learned from and how it did.
 *
 * @param formatVersion  {@link #FORMAT_VERSION}; readers refuse others
 * @param kind           {@code gbm-quantile-envelope}
 * @param version        content hash of the MOJOs and settings; the model's name everywhere
 * @param windowMinutes  the envelope is for energy per window of this many minutes
 * @param features       the features, in {@link EnvelopeFeatures} order
 * @param lowQuantile    the lower envelope's quantile: this share of the training windows lies below it
 * @param highQuantile   the upper envelope's quantile: this share of the training windows lies below it
 * @param fitQuantiles   the quantiles the two MOJOs model (e.g. 0.1 and 0.9): central enough for the trees
 *                       to find structure in, unlike extreme ones
 * @param lowExtension   the lower envelope is {@code low - lowExtension * (high - low)} of the MOJOs' outputs
 * @param highExtension  the upper envelope is {@code high + highExtension * (high - low)}; both calibrated on
 *                       the training windows to the two quantiles above
 * @param baseLowWh      per hour of day (24), what the low MOJO's output is added to
 * @param baseHighWh     per hour of day (24), what the high MOJO's output is added to
 * @param threshold      score above which the backtest counted an alert
 * @param training       the history it learned from
 * @param backtest       how many alerts it would have raised on that history
 * @param alertBudget    at most this many alerts a month in the replay of the training history through the
 *                       detector: the high extension was raised until it held (null for older packages)
 * @param windowMeasure  what the envelope is of: {@code level} (the power a window of shorter readings held,
 *                       as energy over the window, the detector's measure) or {@code energy} (one reading per
 *                       window); null for older packages, which learned window energy
 * @param scales         window lengths at which the detector judges the level usage held, with their usual
 *                       ranges ({@link LevelScale}); null or empty: the detector judges the envelope's window
 */
public record ModelManifest(
        int formatVersion,
        String kind,
        String version,
        Instant createdAt,
        int windowMinutes,
        List<String> features,
        double lowQuantile,
        double highQuantile,
        List<Double> fitQuantiles,
        double lowExtension,
        double highExtension,
        List<Double> baseLowWh,
        List<Double> baseHighWh,
        double threshold,
        Training training,
        BacktestSummary backtest,
        Double alertBudget,
        String windowMeasure,
        List<LevelScale> scales) {

    public static final int FORMAT_VERSION = 1;
    public static final String KIND = "gbm-quantile-envelope";

    /**
     * @param rows     windows trained on
     * @param gapRows  history intervals without data
     * @param rejected history lines reported as unusable and left out
     */
    public record Training(List<String> files, LocalDateTime from, LocalDateTime to, long rows, long gapRows,
            long rejected, String zone, Map<String, Object> gbm) {
    }

    /** @param alertsPerMonth by "yyyy-MM" */
    public record BacktestSummary(long windows, long alerts, Map<String, Long> alertsPerMonth,
            long longestAlertWindows) {
    }
}
