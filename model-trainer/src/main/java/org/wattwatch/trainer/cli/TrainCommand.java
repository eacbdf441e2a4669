package org.wattwatch.trainer.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.wattwatch.envelope.EnvelopeCsv;
import org.wattwatch.trainer.train.EnvelopeTrainer;
import org.wattwatch.trainer.train.HistoryReplay;
import org.wattwatch.trainer.train.TrainingPlan;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.ModelManifest;
import org.wattwatch.envelope.Models;
import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.detection.DetectorSettings;
import org.wattwatch.trainer.backtest.ReplayReport;
import org.wattwatch.trainer.history.Readings;
import org.wattwatch.trainer.backtest.MinMaxEnvelope;
import org.wattwatch.trainer.gbm.GbmSettings;
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

    @Option(names = "--window-minutes", defaultValue = TrainingPlan.DEFAULT_WINDOW_MINUTES, description = "detection window (default ${DEFAULT-VALUE})")
    int windowMinutes;

    @Option(names = "--method", defaultValue = "gbm", description = "gbm (H2O quantile envelope, default) or minmax "
            + "(the 2018 demo's per-hour min/max, for comparison)")
    String method;

    @Option(names = "--quantiles", defaultValue = TrainingPlan.DEFAULT_SHARES, split = ",",
            description = "share of training windows below the envelope's low and high edge (default ${DEFAULT-VALUE})")
    double[] quantiles;

    @Option(names = "--fit-quantiles", defaultValue = GbmSettings.DEFAULT_FIT_QUANTILES, split = ",",
            description = "quantiles the two GBMs learn, then widened to --quantiles (default ${DEFAULT-VALUE})")
    double[] fitQuantiles;

    @Option(names = "--trees", defaultValue = GbmSettings.DEFAULT_TREES, description = "boosting rounds (default ${DEFAULT-VALUE})")
    int trees;

    @Option(names = "--max-depth", defaultValue = GbmSettings.DEFAULT_MAX_DEPTH, description = "tree depth (default ${DEFAULT-VALUE})")
    int maxDepth;

    @Option(names = "--min-rows", defaultValue = GbmSettings.DEFAULT_MIN_ROWS, description = "fewest windows per leaf (default ${DEFAULT-VALUE})")
    double minRows;

    @Option(names = "--learn-rate", defaultValue = GbmSettings.DEFAULT_LEARN_RATE, description = "shrinkage per tree (default ${DEFAULT-VALUE})")
    double learnRate;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threshold", defaultValue = TrainingPlan.DEFAULT_THRESHOLD, description = "score counted as an alert in the "
            + "training backtest (default ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--alert-budget", defaultValue = TrainingPlan.DEFAULT_ALERT_BUDGET, description = "at most this many alerts a month when the "
            + "training history is replayed through the detector; the envelope is widened until it holds "
            + "(default ${DEFAULT-VALUE})")
    double alertBudget;

    @Option(names = "--min-days", defaultValue = TrainingPlan.DEFAULT_MIN_DAYS, description = "refuse to learn from fewer days (default ${DEFAULT-VALUE})")
    int minDays;


    @Option(names = "--scales", defaultValue = "auto", description = "window lengths (minutes, e.g. 10,30,60,120) at "
            + "which the detector judges the level usage held, each with its own usual range; auto: 10,30,60,120 "
            + "for a history whose interval divides 10 minutes, none for coarser ones; none: judge each reading or "
            + "the envelope's window only (default ${DEFAULT-VALUE})")
    String scaleOption;

    private List<Duration> scales(Duration resolution) {
        if (scaleOption.equals("none")) {
            return List.of();
        }
        if (scaleOption.equals("auto")) {
            return TrainingPlan.AUTO_SCALES.get(0).toSeconds() % resolution.toSeconds() == 0 ? TrainingPlan.AUTO_SCALES
                    : List.of();
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
        String windowMeasure = data.resolution().compareTo(window) < 0 ? "level" : "energy";
        List<Duration> scaleLengths = scales(data.resolution()); // a bad --scales fails before any training
        long days = data.windows().stream().map(w -> w.start().toLocalDate()).distinct().count();
        if (days < minDays) {
            throw new ParameterException(spec.commandLine(), "only " + days + " day(s) of usable history"
                    + (options.from != null || options.to != null ? " between --from and --to" : "")
                    + "; at least " + minDays + " are needed to learn what is normal");
        }
        List<Window> windows = data.windows();
        log.printf(Locale.ROOT, "learning from %d windows of %d min over %d days, %s to %s%n", windows.size(),
                windowMinutes, days, windows.get(0).start(), windows.get(windows.size() - 1).start());
        HistoryReplay replay = new HistoryReplay(
                new AnomalyDetector(options.zone, DetectorSettings.of(threshold, window)),
                data.histories().stream().map(h -> Readings.of(h, options.zone, options.from, options.to)).toList());
        EnvelopeModel model;
        if (method.equals("minmax")) {
            model = writeMinMax(windows);
        } else if (method.equals("gbm")) {
            GbmSettings gbm = new GbmSettings(fitQuantiles[0], fitQuantiles[1], trees, maxDepth, minRows, learnRate,
                    seed);
            TrainingPlan plan = new TrainingPlan(windowMinutes, quantiles[0], quantiles[1], gbm, threshold,
                    alertBudget, scaleLengths, windowMeasure);
            ModelManifest.Training training = new ModelManifest.Training(history.stream().map(Path::toString).toList(),
                    windows.get(0).start(), windows.get(windows.size() - 1).start(), windows.size(), data.gapRows(),
                    data.rejected(), options.zone.getId(), gbm.asMap());
            EnvelopeTrainer.Trained trained;
            try {
                trained = new EnvelopeTrainer(plan, replay, log, Clock.systemUTC()).train(windows, training);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            try (OutputStream file = Files.newOutputStream(out)) {
                trained.write(file);
            }
            model = Models.read(out);
        } else {
            throw new ParameterException(spec.commandLine(), "--method must be gbm or minmax, was " + method);
        }
        log.println("the training history replayed through the detector:");
        log.print(ReplayReport.text(replay.run(model)));
        log.println("wrote " + out + " (model " + model.version() + ")");
        return 0;
    }

    private EnvelopeModel writeMinMax(List<Window> windows) throws Exception {
        if (windowMinutes != 60) {
            throw new ParameterException(spec.commandLine(), "--method minmax learns hourly envelopes: use --window-minutes 60");
        }
        try (Writer csv = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            EnvelopeCsv.write(MinMaxEnvelope.learn(windows, "minmax"), csv);
        }
        return Models.read(out);
    }
}
