package org.wattwatch.trainer.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;

import org.wattwatch.envelope.Calibration;
import org.wattwatch.envelope.EnvelopeFeatures;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.LevelScale;
import org.wattwatch.envelope.HourlyEnvelope;
import org.wattwatch.envelope.ModelManifest;
import org.wattwatch.envelope.ModelPackage;
import org.wattwatch.envelope.Models;
import org.wattwatch.event.score.ExpectedRange;
import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.detection.DetectorSettings;
import org.wattwatch.detection.Replay;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.trainer.backtest.ReplayReport;
import org.wattwatch.trainer.history.Readings;
import org.wattwatch.trainer.scales.ScaleTrainer;
import org.wattwatch.trainer.backtest.MinMaxEnvelope;
import org.wattwatch.trainer.gbm.GbmSettings;
import org.wattwatch.trainer.gbm.QuantileGbm;
import org.wattwatch.trainer.history.Window;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Learn the usual range of energy per window for each hour, day of week and month.")
class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--history", required = true, arity = "1..*", description = "history CSV(s) or readings dump (.jsonl)")
    List<Path> history;

    @Option(names = "--out", required = true, description = "the model package to write (.zip), or with "
            + "--method minmax an hourly envelope (.csv)")
    Path out;

    @Mixin
    HistoryOptions options;

    @Option(names = "--window-minutes", defaultValue = "60", description = "detection window (default ${DEFAULT-VALUE})")
    int windowMinutes;

    @Option(names = "--method", defaultValue = "gbm", description = "gbm (H2O quantile envelope, default) or minmax "
            + "(the 2018 demo's per-hour min/max, for comparison)")
    String method;

    @Option(names = "--quantiles", defaultValue = "0.005,0.995", split = ",",
            description = "share of training windows below the envelope's low and high edge (default ${DEFAULT-VALUE})")
    double[] quantiles;

    @Option(names = "--fit-quantiles", defaultValue = "0.1,0.9", split = ",",
            description = "quantiles the two GBMs learn, then widened to --quantiles (default ${DEFAULT-VALUE})")
    double[] fitQuantiles;

    @Option(names = "--trees", defaultValue = "300", description = "boosting rounds (default ${DEFAULT-VALUE})")
    int trees;

    @Option(names = "--max-depth", defaultValue = "5", description = "tree depth (default ${DEFAULT-VALUE})")
    int maxDepth;

    @Option(names = "--min-rows", defaultValue = "60", description = "fewest windows per leaf (default ${DEFAULT-VALUE})")
    double minRows;

    @Option(names = "--learn-rate", defaultValue = "0.1", description = "shrinkage per tree (default ${DEFAULT-VALUE})")
    double learnRate;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threshold", defaultValue = "1.0", description = "score counted as an alert in the "
            + "training backtest (default ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--alert-budget", defaultValue = "2", description = "at most this many alerts a month when the "
            + "training history is replayed through the detector; the envelope is widened until it holds "
            + "(default ${DEFAULT-VALUE})")
    double alertBudget;

    @Option(names = "--min-days", defaultValue = "14", description = "refuse to learn from fewer days (default ${DEFAULT-VALUE})")
    int minDays;

    private String windowMeasure;
    private List<List<MeterReading>> readings;
    private List<Duration> scaleLengths;
    private List<LevelScale> scales = List.of();

    @Option(names = "--scales", defaultValue = "auto", description = "window lengths (minutes, e.g. 10,30,60,120) at "
            + "which the detector judges the level usage held, each with its own usual range; auto: 10,30,60,120 "
            + "for a history whose interval divides 10 minutes, none for coarser ones; none: judge each reading or "
            + "the envelope's window only (default ${DEFAULT-VALUE})")
    String scaleOption;

    /**
     * The scales auto gives readings of a few minutes at most. An hourly history keeps its per-reading
     * envelope, whose month feature follows the seasons: per-hour ranges pooled over a year do not
     * (docs/detection.md).
     */
    static final List<Duration> AUTO_SCALES = List.of(Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofMinutes(60), Duration.ofMinutes(120));

    private List<Duration> scales(Duration resolution) {
        if (scaleOption.equals("none")) {
            return List.of();
        }
        if (scaleOption.equals("auto")) {
            return AUTO_SCALES.get(0).toSeconds() % resolution.toSeconds() == 0 ? AUTO_SCALES : List.of();
        }
        List<Duration> lengths = new ArrayList<>();
        for (String part : scaleOption.split(",")) {
            Duration d;
            try {
                d = Duration.ofMinutes(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                d = Duration.ZERO;
            }
            if (d.compareTo(resolution) < 0 || d.toSeconds() % resolution.toSeconds() != 0) {
                throw new ParameterException(spec.commandLine(), "--scales: '" + part.trim() + "' is not a whole "
                        + "multiple of the history's " + resolution.toMinutes() + "-minute interval (auto, none, or "
                        + "minutes such as 10,30,60,120)");
            }
            lengths.add(d);
        }
        return lengths;
    }

    private List<String> features = EnvelopeFeatures.NAMES;

    /** Weeks a history must span before the model may learn what a day of the week adds. */
    static final int WEEKS_FOR_DAY_OF_WEEK = 8;

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

    @Override
    public Integer call() throws Exception {
        PrintStream log = spec.commandLine().getOut() == null ? System.out
                : new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (double[] q : new double[][] {quantiles, fitQuantiles}) {
            if (q.length != 2 || !(0 < q[0] && q[0] < q[1] && q[1] < 1)) {
                throw new ParameterException(spec.commandLine(), "--quantiles and --fit-quantiles need two values "
                        + "0 < low < high < 1");
            }
        }
        Duration window = Duration.ofMinutes(windowMinutes);
        HistoryOptions.Loaded data = options.load(history, window, log);
        windowMeasure = data.resolution().compareTo(window) < 0 ? "level" : "energy";
        scaleLengths = scales(data.resolution()); // a bad --scales fails before any training
        long days = data.windows().stream().map(w -> w.start().toLocalDate()).distinct().count();
        if (days < minDays) {
            throw new ParameterException(spec.commandLine(), "only " + days + " day(s) of usable history"
                    + (options.from != null || options.to != null ? " between --from and --to" : "")
                    + "; at least " + minDays + " are needed to learn what is normal");
        }
        List<Window> windows = data.windows();
        log.printf(Locale.ROOT, "learning from %d windows of %d min over %d days, %s to %s%n", windows.size(),
                windowMinutes, days, windows.get(0).start(), windows.get(windows.size() - 1).start());
        EnvelopeModel model;
        if (method.equals("minmax")) {
            model = writeMinMax(windows);
        } else if (method.equals("gbm")) {
            model = writePackage(windows, data, log);
        } else {
            throw new ParameterException(spec.commandLine(), "--method must be gbm or minmax, was " + method);
        }
        log.println("the training history replayed through the detector:");
        log.print(ReplayReport.text(replay(model, data)));
        log.println("wrote " + out + " (model " + model.version() + ")");
        return 0;
    }

    private AnomalyDetector detector() {
        return new AnomalyDetector(options.zone, DetectorSettings.of(threshold, Duration.ofMinutes(windowMinutes)));
    }

    /** Each history file as the readings an agent would have sent, once for every replay. */
    private List<List<MeterReading>> readings(HistoryOptions.Loaded data) {
        if (readings == null) {
            readings = data.histories().stream().map(h -> Readings.of(h, options.zone, options.from, options.to))
                    .toList();
        }
        return readings;
    }

    /** The training history through the scoring service's detector, every file on its own. */
    private Replay.Result replay(EnvelopeModel model, HistoryOptions.Loaded data) {
        AnomalyDetector detector = detector();
        List<Replay.Row> rows = new ArrayList<>();
        List<Replay.Alert> alerts = new ArrayList<>();
        List<Anomaly> events = new ArrayList<>();
        for (List<MeterReading> file : readings(data)) {
            Replay.Result one = Replay.run(detector, model, file);
            rows.addAll(one.rows());
            alerts.addAll(one.alerts());
            events.addAll(one.events());
        }
        return new Replay.Result(rows, alerts, events);
    }

    /**
     * The smallest high extension, no less than the quantile's, whose envelope keeps the replay of
     * the training history within the alert budget. Alerts only fall as the envelope widens, so a
     * doubling search then a bisection find it.
     */
    private double withinBudget(double fromExtension, HistoryOptions.Loaded data, double lowExtension,
            List<Double> baseLow, List<Double> baseHigh, ModelManifest.Training training, byte[][] mojos,
            PrintStream log) throws Exception {
        DoublePredicate keeps = e -> {
            try {
                EnvelopeModel candidate = read(manifest(mojos, lowExtension, e, baseLow, baseHigh, training, null), mojos);
                return replay(candidate, data).alertsPerMonthAverage() <= alertBudget;
            } catch (Exception ex) {
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
                throw new ParameterException(spec.commandLine(), "no envelope keeps the training history within "
                        + alertBudget + " alert(s) a month");
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
        log.printf(Locale.ROOT, "  alert budget %.1f a month: high extension raised from %.3f to %.3f%n", alertBudget,
                fromExtension, high);
        return high;
    }

    private EnvelopeModel writeMinMax(List<Window> windows) throws Exception {
        if (windowMinutes != 60) {
            throw new ParameterException(spec.commandLine(), "--method minmax learns hourly envelopes: use --window-minutes 60");
        }
        HourlyEnvelope envelope = MinMaxEnvelope.learn(windows, "minmax");
        try (Writer csv = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            csv.write("hour,low_wh,high_wh\n");
            for (int h = 0; h < 24; h++) {
                csv.write(String.format(Locale.ROOT, "%d,%.1f,%.1f%n", h, envelope.forHour(h).lowWh(),
                        envelope.forHour(h).highWh()));
            }
        }
        return Models.read(out);
    }

    private EnvelopeModel writePackage(List<Window> windows, HistoryOptions.Loaded data, PrintStream log)
            throws Exception {
        GbmSettings settings = new GbmSettings(fitQuantiles[0], fitQuantiles[1], trees, maxDepth, minRows, learnRate,
                seed);
        List<Double> baseLow = hourlyQuantile(windows, fitQuantiles[0]);
        List<Double> baseHigh = hourlyQuantile(windows, fitQuantiles[1]);
        features = features(windows);
        log.println("  features: " + features);
        byte[][] mojos = new QuantileGbm(settings, log).train(windows, toArray(baseLow), toArray(baseHigh), features);
        ModelManifest.Training training = new ModelManifest.Training(history.stream().map(Path::toString).toList(),
                windows.get(0).start(), windows.get(windows.size() - 1).start(), windows.size(), data.gapRows(),
                data.rejected(), options.zone.getId(), settings.asMap());
        Duration window = Duration.ofMinutes(windowMinutes);
        EnvelopeModel central = read(manifest(mojos, 0, 0, baseLow, baseHigh, training, null), mojos);
        double[] above = new double[windows.size()];
        double[] below = new double[windows.size()];
        for (int i = 0; i < above.length; i++) {
            ExpectedRange r = central.expected(windows.get(i).start(), window);
            double spread = Math.max(r.highWh() - r.lowWh(), 1.0);
            above[i] = (windows.get(i).wh() - r.highWh()) / spread;
            below[i] = (r.lowWh() - windows.get(i).wh()) / spread;
        }
        double lowExtension = Calibration.extension(below, quantiles[0]);
        double highExtension = Calibration.extension(above, 1 - quantiles[1]);
        if (!scaleLengths.isEmpty()) {
            // the detector judges readings up to the shortest scale by the level scales alone: they carry the budget
            scales = new ScaleTrainer(detector(), central, scaleLengths, log).train(readings(data), alertBudget);
        } else {
            highExtension = withinBudget(highExtension, data, lowExtension, baseLow, baseHigh, training, mojos, log);
        }
        log.printf(Locale.ROOT, "  calibrated: envelope = low - %.3f x spread .. high + %.3f x spread%n", lowExtension,
                highExtension);
        EnvelopeModel model = read(manifest(mojos, lowExtension, highExtension, baseLow, baseHigh, training, null),
                mojos);
        Replay.Result replayed = replay(model, data);
        ModelManifest manifest = manifest(mojos, lowExtension, highExtension, baseLow, baseHigh, training,
                new ModelManifest.BacktestSummary(replayed.rows().size(), replayed.alerts().size(),
                        replayed.alertsPerMonth().entrySet().stream().collect(Collectors.toMap(
                                e -> e.getKey().toString(), Map.Entry::getValue, (a, b) -> a, TreeMap::new)),
                        longestAlert(replayed)));
        try (OutputStream file = Files.newOutputStream(out)) {
            ModelPackage.write(file, manifest, mojos[0], mojos[1]);
        }
        return Models.read(out);
    }

    private ModelManifest manifest(byte[][] mojos, double lowExtension, double highExtension, List<Double> baseLow,
            List<Double> baseHigh, ModelManifest.Training training, ModelManifest.BacktestSummary backtest) {
        return new ModelManifest(ModelManifest.FORMAT_VERSION, ModelManifest.KIND,
                ModelPackage.versionOf(mojos[0], mojos[1], windowMinutes, lowExtension, highExtension, baseLow,
                        baseHigh, scales),
                Instant.now(), windowMinutes, features, quantiles[0], quantiles[1],
                List.of(fitQuantiles[0], fitQuantiles[1]), lowExtension, highExtension, baseLow, baseHigh, threshold,
                training, backtest, alertBudget, windowMeasure, scales.isEmpty() ? null : scales);
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
        List<List<Double>> byHour = new java.util.ArrayList<>();
        for (int h = 0; h < 24; h++) {
            byHour.add(new java.util.ArrayList<>());
        }
        windows.forEach(w -> byHour.get(w.start().getHour()).add(w.wh()));
        List<Double> quantiles = new java.util.ArrayList<>(24);
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

    private static EnvelopeModel read(ModelManifest manifest, byte[][] mojos) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelPackage.write(bytes, manifest, mojos[0], mojos[1]);
        return ModelPackage.read(new ByteArrayInputStream(bytes.toByteArray()), "draft");
    }

}
