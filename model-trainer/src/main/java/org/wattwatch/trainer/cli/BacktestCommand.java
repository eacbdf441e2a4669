package org.wattwatch.trainer.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.Models;
import org.wattwatch.envelope.PackagedEnvelope;
import org.wattwatch.trainer.backtest.Backtest;
import org.wattwatch.trainer.backtest.ScoredWindow;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Score every window of a history with a model and count the alerts it would have raised.")
class BacktestCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "a model package (.zip) or an hourly envelope (.csv)")
    Path model;

    @Option(names = "--history", required = true, description = "history CSV or readings dump (.jsonl)")
    Path history;

    @Option(names = "--out", required = true, description = "where to write the scores (CSV)")
    Path out;

    @Mixin
    HistoryOptions options;

    @Option(names = "--threshold", defaultValue = "1.0", description = "score above which a window alerts (default ${DEFAULT-VALUE})")
    double threshold;

    @Override
    public Integer call() throws Exception {
        EnvelopeModel envelope = Models.read(model);
        Duration window = Duration.ofMinutes(envelope instanceof PackagedEnvelope p ? p.manifest().windowMinutes() : 60);
        HistoryOptions.Loaded data = options.load(List.of(history), window, System.out);
        List<ScoredWindow> scored = Backtest.score(envelope, data.windows(), window, threshold);
        Backtest.writeCsv(out, scored);
        System.out.println("model " + envelope.version() + ", " + window.toMinutes() + "-minute windows, threshold "
                + threshold);
        System.out.print(Backtest.text(Backtest.summarize(scored, data.resolution())));
        System.out.println("wrote " + out);
        return 0;
    }
}
