package org.wattwatch.devtools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The Java side of {@code ./wattwatch}: tools for running WattWatch on a developer's machine. */
@Command(name = "wattwatch", mixinStandardHelpOptions = true,
        subcommands = {LocalBroker.class, SendReading.class},
        description = "WattWatch developer tools.")
public class DevTools {

    public static void main(String[] args) {
        System.exit(new CommandLine(new DevTools()).execute(args));
    }
}
