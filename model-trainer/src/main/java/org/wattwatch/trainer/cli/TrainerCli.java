package org.wattwatch.trainer.cli;

import org.wattwatch.trainer.retrain.RetrainCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./wattwatch train | backtest | inspect | retrain}. */
@Command(name = "wattwatch", mixinStandardHelpOptions = true,
        subcommands = {TrainCommand.class, BacktestCommand.class, InspectCommand.class, RetrainCommand.class},
        description = "Learn what normal usage looks like, and check a model against history.")
public class TrainerCli {

    public static void main(String[] args) {
        int exit = run(args);
        // H2O keeps non-daemon threads; the work is done
        System.exit(exit);
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new TrainerCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }
}
