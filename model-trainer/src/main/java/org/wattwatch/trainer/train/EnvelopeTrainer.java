package org.wattwatch.trainer.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;

import org.wattwatch.detection.Replay;
import org.wattwatch.envelope.Calibration;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.LevelScale;
import org.wattwatch.envelope.ModelManifest;
import org.wattwatch.envelope.ModelPackage;
import org.wattwatch.event.score.ExpectedRange;
import org.wattwatch.trainer.gbm.QuantileGbm;
import org.wattwatch.trainer.history.Window;
import org.wattwatch.trainer.scales.ScaleTrainer;

/**
 * Learns a model package from a history: two quantile GBMs for the hourly envelope, widened to the
 * plan's shares, then either level scales that keep the alert budget or, without scales, the envelope
 * itself widened until the training history replayed through the detector keeps it.
 */
public final class EnvelopeTrainer {

    /** Weeks a history must span before the model may learn what a day of the week adds. */
    static final int WEEKS_FOR_DAY_OF_WEEK = 8;

    private final TrainingPlan plan;
    private final HistoryReplay replay;
    private final PrintStream log;
    private final Clock clock;

    public EnvelopeTrainer(TrainingPlan plan, HistoryReplay replay, PrintStream log, Clock clock) {
        this.plan = plan;
        this.replay = replay;
        this.log = log;
        this.clock = clock;
    }

    /** A trained package: what its manifest says, and its two MOJOs. */
    public record Trained(ModelManifest manifest, byte[] lowMojo, byte[] highMojo) {

        public void write(OutputStream out) throws IOException {
            ModelPackage.write(out, manifest, lowMojo, highMojo);
        }

        public EnvelopeModel model() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            write(bytes);
            return ModelPackage.read(new ByteArrayInputStream(bytes.toByteArray()), "draft");
        }
    }

    /**
     * What the history can teach: a feature is learned only when the history shows each of its values
     * several times. Three weeks of December and early January would otherwise teach "January" from a
     * holiday week, and every January day after it would look unusual.
     */
    static List<String> features(List<Window> windows) {
        long days = Duration.between(windows.get(0).start(), windows.get(windows.size() - 1).start()).toDays() + 1;
        List<String> features = new ArrayList<>(List.of("hour"));
        if (days >= 7L * WEEKS_FOR_DAY_OF_WEEK) {
            features.add("day_of_week");
        }
        if (days >= 365) {
            features.add("month");
        }
        return List.copyOf(features);
    }

    /**
     * @param training where the windows come from, for the manifest
     * @throws IllegalArgumentException when no envelope keeps the training history within the budget
     */
    public Trained train(List<Window> windows, ModelManifest.Training training) throws IOException {
        List<Double> baseLow = hourlyQuantile(windows, plan.gbm().lowQuantile());
        List<Double> baseHigh = hourlyQuantile(windows, plan.gbm().highQuantile());
        List<String> features = features(windows);
        log.println("  features: " + features);
        byte[][] mojos = new QuantileGbm(plan.gbm(), log).train(windows, toArray(baseLow), toArray(baseHigh),
                features);
        Draft draft = new Draft(mojos, baseLow, baseHigh, features, training);
        EnvelopeModel central = draft.with(0, 0, List.of(), null).model();
        double[] above = new double[windows.size()];
        double[] below = new double[windows.size()];
        for (int i = 0; i < above.length; i++) {
            ExpectedRange r = central.expected(windows.get(i).start(), plan.window());
            double spread = Math.max(r.highWh() - r.lowWh(), 1.0);
            above[i] = (windows.get(i).wh() - r.highWh()) / spread;
            below[i] = (r.lowWh() - windows.get(i).wh()) / spread;
        }
        double lowExtension = Calibration.extension(below, plan.lowShare());
        double highExtension = Calibration.extension(above, 1 - plan.highShare());
        List<LevelScale> scales = List.of();
        if (!plan.scaleLengths().isEmpty()) {
            // the detector judges readings up to the shortest scale by the level scales alone: they carry the budget
            scales = new ScaleTrainer(replay.detector(), central, plan.scaleLengths(), log).train(replay.files(),
                    plan.alertBudget());
        } else {
            highExtension = withinBudget(highExtension, lowExtension, draft);
        }
        log.printf(Locale.ROOT, "  calibrated: envelope = low - %.3f x spread .. high + %.3f x spread%n", lowExtension,
                highExtension);
        Replay.Result replayed = replay.run(draft.with(lowExtension, highExtension, scales, null).model());
        return draft.with(lowExtension, highExtension, scales, new ModelManifest.BacktestSummary(replayed.rows().size(),
                replayed.alerts().size(), replayed.alertsPerMonth().entrySet().stream().collect(Collectors.toMap(
                        e -> e.getKey().toString(), Map.Entry::getValue, (a, b) -> a, TreeMap::new)),
                longestAlert(replayed)));
    }

    /** The trained GBMs and what the manifest needs of the history, before calibration decides the rest. */
    private final class Draft {

        private final byte[][] mojos;
        private final List<Double> baseLow;
        private final List<Double> baseHigh;
        private final List<String> features;
        private final ModelManifest.Training training;

        Draft(byte[][] mojos, List<Double> baseLow, List<Double> baseHigh, List<String> features,
                ModelManifest.Training training) {
            this.mojos = mojos;
            this.baseLow = baseLow;
            this.baseHigh = baseHigh;
            this.features = features;
            this.training = training;
        }

        Trained with(double lowExtension, double highExtension, List<LevelScale> scales,
                ModelManifest.BacktestSummary backtest) {
            int minutes = plan.windowMinutes();
            return new Trained(new ModelManifest(ModelManifest.FORMAT_VERSION, ModelManifest.KIND,
                    ModelPackage.versionOf(mojos[0], mojos[1], minutes, lowExtension, highExtension, baseLow, baseHigh,
                            scales),
                    clock.instant(), minutes, features, plan.lowShare(), plan.highShare(),
                    List.of(plan.gbm().lowQuantile(), plan.gbm().highQuantile()), lowExtension, highExtension, baseLow,
                    baseHigh, plan.threshold(), training, backtest, plan.alertBudget(), plan.windowMeasure(),
                    scales.isEmpty() ? null : scales), mojos[0], mojos[1]);
        }
    }

    /**
     * The smallest high extension, no less than the quantile's, whose envelope keeps the replay of
     * the training history within the alert budget. Alerts only fall as the envelope widens, so a
     * doubling search then a bisection find it.
     */
    private double withinBudget(double fromExtension, double lowExtension, Draft draft) {
        DoublePredicate keeps = e -> {
            try {
                return replay.run(draft.with(lowExtension, e, List.of(), null).model()).alertsPerMonthAverage()
                        <= plan.alertBudget();
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        };
        if (keeps.test(fromExtension)) {
            return fromExtension;
        }
        double low = fromExtension;
        double high = Math.max(1, fromExtension * 2);
        while (!keeps.test(high)) {
            low = high;
            high *= 2;
            if (high > 1e4) {
                throw new IllegalArgumentException("no envelope keeps the training history within "
                        + plan.alertBudget() + " alert(s) a month");
            }
        }
        for (int i = 0; i < 14; i++) {
            double middle = (low + high) / 2;
            if (keeps.test(middle)) {
                high = middle;
            } else {
                low = middle;
            }
        }
        log.printf(Locale.ROOT, "  alert budget %.1f a month: high extension raised from %.3f to %.3f%n",
                plan.alertBudget(), fromExtension, high);
        return high;
    }

    /** Most readings in a row that the replay spent in one alert. */
    private static long longestAlert(Replay.Result replayed) {
        long longest = 0;
        long run = 0;
        for (Replay.Row row : replayed.rows()) {
            run = row.inAlert() ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** Per hour of day, the q-quantile of the windows starting in that hour (nearest rank). */
    private static List<Double> hourlyQuantile(List<Window> windows, double q) {
        List<List<Double>> byHour = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            byHour.add(new ArrayList<>());
        }
        windows.forEach(w -> byHour.get(w.start().getHour()).add(w.wh()));
        List<Double> quantiles = new ArrayList<>(24);
        for (List<Double> values : byHour) {
            if (values.isEmpty()) {
                quantiles.add(0.0);
                continue;
            }
            values.sort(null);
            int rank = (int) Math.ceil(q * values.size()) - 1;
            quantiles.add(values.get(Math.max(0, Math.min(values.size() - 1, rank))));
        }
        return List.copyOf(quantiles);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
