package org.wattwatch.trainer.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.detection.DetectorSettings;
import org.wattwatch.detection.Replay;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.Models;
import org.wattwatch.envelope.PackagedEnvelope;
import org.wattwatch.model.history.History;
import org.wattwatch.trainer.backtest.ReplayReport;
import org.wattwatch.trainer.history.HistoryFiles;
import org.wattwatch.trainer.history.Readings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Replay a history reading by reading through the scoring service's detector and report "
                + "the alerts an owner would have had.")
class BacktestCommand implements Callable<Integer> {

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

    @Option(names = "--threshold", defaultValue = "1.0", description = "score above which a window raises an alert, "
            + "as wattwatch.scoring.threshold (default ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--window-minutes", description = "detection window, as wattwatch.scoring.window (default: the "
            + "model's window, 15 for an hourly envelope)")
    Integer windowMinutes;

    @Override
    public Integer call() throws Exception {
        EnvelopeModel envelope = Models.read(model);
        Duration window = Duration.ofMinutes(windowMinutes != null ? windowMinutes
                : envelope instanceof PackagedEnvelope p ? p.manifest().windowMinutes()
                : DetectorSettings.DEFAULT_WINDOW.toMinutes());
        AnomalyDetector detector = new AnomalyDetector(options.zone, DetectorSettings.of(threshold, window));
        History h = HistoryFiles.read(history, options.zone);
        System.out.println(h.report());
        Replay.Result result = Replay.run(detector, envelope, Readings.of(h, options.zone, options.from, options.to));
        Path alertsFile = alerts != null ? alerts : alertsNextTo(out);
        ReplayReport.writeReadings(out, result);
        ReplayReport.writeAlerts(alertsFile, result);
        System.out.println("model " + envelope.version() + ", " + window.toMinutes() + "-minute window, threshold "
                + threshold);
        System.out.print(ReplayReport.text(result));
        System.out.println("wrote " + out + " and " + alertsFile);
        return 0;
    }

    static Path alertsNextTo(Path out) {
        String name = out.getFileName().toString();
        String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(base + "-alerts.csv");
    }
}
