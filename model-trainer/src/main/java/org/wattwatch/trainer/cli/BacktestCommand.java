package org.wattwatch.trainer.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.detection.DetectorSettings;
import org.wattwatch.detection.Replay;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.Models;
import org.wattwatch.envelope.PackagedEnvelope;
import org.wattwatch.event.history.History;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.trainer.backtest.ReplayReport;
import org.wattwatch.trainer.history.HistoryFiles;
import org.wattwatch.trainer.history.Readings;
import org.wattwatch.trainer.retrain.CandidateCheck;
import org.wattwatch.trainer.train.TrainingPlan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Replay a history reading by reading through the scoring service's detector and report "
                + "the alerts an owner would have had.")
class BacktestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "a model package (.zip) or an hourly envelope (.csv)")
    Path model;

    @Option(names = "--history", required = true, description = "history CSV or readings dump (.jsonl)")
    Path history;

    @Option(names = "--out", required = true, description = "where to write each reading's verdict (CSV)")
    Path out;

    @Option(names = "--alerts", description = "where to write the alerts (CSV; default: --out with -alerts before .csv)")
    Path alerts;

    @Mixin
    HistoryOptions options;

    @Option(names = "--threshold", defaultValue = TrainingPlan.DEFAULT_THRESHOLD, description = "score above which a window raises an alert, "
            + "as wattwatch.scoring.threshold (default ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--window-minutes", description = "detection window, as wattwatch.scoring.window (default: the "
            + "model's window, 15 for an hourly envelope)")
    Integer windowMinutes;

    @Option(names = "--retrain-every", description = "retrain along the way, as a deployment would: from --from, "
            + "every this many days (e.g. 30d) a model trained on the trailing --train-days takes over from the one "
            + "in use (the first takes over from --model)")
    String retrainEvery;

    @Option(names = "--train-days", defaultValue = "365", description = "with --retrain-every: the days of history "
            + "each retrain learns from (default ${DEFAULT-VALUE})")
    int trainDays;

    @Option(names = "--retrain-rule", defaultValue = "always", description = "with --retrain-every: always (each "
            + "retrained model takes over), checked (it takes over only if it keeps --alert-budget-per-month on the "
            + "--recent-days before it and raises at least the injected loads the model in use raises, as "
            + "./wattwatch retrain decides) or held-out (the same, judged on a model trained without those days; "
            + "docs/detection.md; default ${DEFAULT-VALUE})")
    String retrainRule;

    @Option(names = "--recent-days", defaultValue = CandidateCheck.DEFAULT_RECENT_DAYS, description = "with --retrain-rule checked: the days before "
            + "each retrain both models are replayed on (default ${DEFAULT-VALUE})")
    int recentDays;

    @Option(names = "--alert-budget-per-month", defaultValue = TrainingPlan.DEFAULT_ALERT_BUDGET, description = "with --retrain-rule checked: alerts "
            + "a month a candidate may raise on those days (default ${DEFAULT-VALUE})")
    double checkBudget;

    @Option(names = "--train-option", description = "with --retrain-every: an option for each train, e.g. "
            + "--train-option=--alert-budget=2 (repeatable)")
    List<String> trainOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        EnvelopeModel envelope = Models.read(model);
        Duration window = Duration.ofMinutes(windowMinutes != null ? windowMinutes
                : envelope instanceof PackagedEnvelope p ? p.manifest().windowMinutes()
                : DetectorSettings.DEFAULT_WINDOW.toMinutes());
        AnomalyDetector detector = new AnomalyDetector(options.zone, DetectorSettings.of(threshold, window));
        History h = HistoryFiles.read(history, options.zone);
        System.out.println(h.report());
        List<MeterReading> readings = Readings.of(h, options.zone, options.from, options.to);
        Replay.Result result = retrainEvery == null ? Replay.run(detector, envelope, readings)
                : Replay.run(detector, retrained(readings, Readings.of(h, options.zone, null, options.to), window),
                        readings);
        Path alertsFile = alerts != null ? alerts : alertsNextTo(out);
        ReplayReport.writeReadings(out, result);
        ReplayReport.writeAlerts(alertsFile, result);
        System.out.println("model " + envelope.version() + ", " + window.toMinutes() + "-minute window, threshold "
                + threshold + (retrainEvery == null ? "" : ", retrained every " + retrainEvery + " on "
                + trainDays + " days"));
        System.out.print(ReplayReport.text(result));
        System.out.println("wrote " + out + " and " + alertsFile);
        return 0;
    }

    /** The models a deployment retraining every so often would have used, each trained up front. */
    /** @param all the whole history, for the recent days a retrain is judged on */
    private Function<MeterReading, EnvelopeModel> retrained(List<MeterReading> readings, List<MeterReading> all,
            Duration window) throws Exception {
        if (options.from == null || readings.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "--retrain-every needs --from, the first day replayed, and history before it to train on");
        }
        String every = retrainEvery.trim().toLowerCase(Locale.ROOT);
        if (!every.matches("[1-9][0-9]*d")) {
            throw new ParameterException(spec.commandLine(),
                    "--retrain-every must be a number of days such as 30d, was " + retrainEvery);
        }
        int days = Integer.parseInt(every.substring(0, every.length() - 1));
        if (!List.of("always", "checked", "held-out").contains(retrainRule)) {
            throw new ParameterException(spec.commandLine(), "--retrain-rule must be always, checked or held-out, was "
                    + retrainRule);
        }
        LocalDate last = local(readings.get(readings.size() - 1)).toLocalDate();
        TreeMap<LocalDate, EnvelopeModel> bySince = new TreeMap<>();
        EnvelopeModel inUse = Models.read(model);
        bySince.put(LocalDate.MIN, inUse); // until a retrained model takes over
        int promoted = 0;
        int checks = 0;
        for (LocalDate since = options.from; !since.isAfter(last); since = since.plusDays(days)) {
            EnvelopeModel candidate = train(since, window);
            if (!retrainRule.equals("always")) {
                LocalDate recentFrom = since.minusDays(recentDays);
                LocalDate until = since;
                List<MeterReading> recent = all.stream().filter(r -> !local(r).toLocalDate().isBefore(recentFrom)
                        && local(r).toLocalDate().isBefore(until)).toList();
                // held-out: the way of training is judged on days the judged model did not learn from
                EnvelopeModel judged = retrainRule.equals("held-out") ? train(recentFrom, window) : candidate;
                CandidateCheck.Result check = CandidateCheck.check(inUse, judged, recent, options.zone,
                        Integer.parseInt(CandidateCheck.DEFAULT_PROBES),
                        Double.parseDouble(CandidateCheck.DEFAULT_PROBE_WATTS), checkBudget, since.toEpochDay());
                checks++;
                System.out.println("  " + check.reason()); // "promoted: ..." or "kept out: ..." and why
                if (!check.promoted()) {
                    continue;
                }
                promoted++;
            }
            inUse = candidate;
            bySince.put(since, candidate);
        }
        if (!retrainRule.equals("always")) {
            System.out.println("retrain rule: " + promoted + " of " + checks + " candidates took over");
        }
        return reading -> bySince.floorEntry(local(reading).toLocalDate()).getValue();
    }

    /** One retrain, by the train command itself, on the days before {@code since}. */
    private EnvelopeModel train(LocalDate since, Duration window) throws Exception {
        Path file = Files.createTempFile("wattwatch-retrain", ".zip");
        try {
            List<String> args = new ArrayList<>(List.of("train", "--history", history.toString(),
                    "--from", since.minusDays(trainDays).toString(), "--to", since.minusDays(1).toString(),
                    "--out", file.toString(), "--window-minutes", String.valueOf(window.toMinutes()),
                    "--zone", options.zone.getId()));
            args.addAll(trainOptions);
            PrintStream console = System.out;
            int exit;
            try {
                System.setOut(new PrintStream(OutputStream.nullOutputStream()));
                exit = TrainerCli.run(args.toArray(String[]::new));
            } finally {
                System.setOut(console);
            }
            if (exit != 0) {
                throw new IllegalStateException("retraining for " + since + " failed: " + String.join(" ", args));
            }
            EnvelopeModel trained = Models.read(file);
            System.out.println("from " + since + ": model " + trained.version() + ", trained on "
                    + since.minusDays(trainDays) + " .. " + since.minusDays(1));
            return trained;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private LocalDateTime local(MeterReading reading) {
        return LocalDateTime.ofInstant(reading.intervalStart(), options.zone);
    }

    static Path alertsNextTo(Path out) {
        String name = out.getFileName().toString();
        String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(base + "-alerts.csv");
    }
}
