package org.wattwatch.trainer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.wattwatch.detection.DetectorSettings;
import org.wattwatch.event.history.History;
import org.wattwatch.trainer.history.HistoryFiles;
import org.wattwatch.trainer.history.Window;
import org.wattwatch.trainer.history.Windows;

import picocli.CommandLine.Option;

/** The history a command reads, and which part of it. */
class HistoryOptions {

    @Option(names = "--from", description = "first day used, e.g. 2007-01-01")
    LocalDate from;

    @Option(names = "--to", description = "last day used, e.g. 2008-12-31")
    LocalDate to;

    @Option(names = "--zone", defaultValue = "${WATTWATCH_ZONE:-UTC}",
            description = "the home's time zone the timestamps are in (default $WATTWATCH_ZONE or UTC)")
    ZoneId zone;

    record Loaded(List<Window> windows, Duration resolution, long rows, long gapRows, long rejected,
            List<History> histories) {
    }

    Loaded load(List<Path> files, Duration window, PrintStream out) throws IOException {
        List<Window> windows = new ArrayList<>();
        List<History> histories = new ArrayList<>();
        Duration resolution = null;
        long rows = 0;
        long gaps = 0;
        long rejected = 0;
        for (Path file : files) {
            History history = HistoryFiles.read(file, zone);
            out.println(history.report());
            windows.addAll(Windows.of(history, window, from, to, DetectorSettings.DEFAULT_DIP_ALLOWANCE));
            histories.add(history);
            resolution = resolution == null || history.resolution().compareTo(resolution) < 0
                    ? history.resolution() : resolution;
            rows += history.rows().size();
            gaps += history.gapRows();
            rejected += history.problems().size();
        }
        windows.sort(Comparator.comparing(Window::start));
        return new Loaded(windows, resolution, rows, gaps, rejected, histories);
    }
}
