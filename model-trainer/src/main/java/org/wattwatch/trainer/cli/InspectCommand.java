package org.wattwatch.trainer.cli;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.Models;
import org.wattwatch.envelope.PackagedEnvelope;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.score.ExpectedRange;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a model's metadata and its usual range for each hour of a typical week.")
class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "a model package (.zip) or an hourly envelope (.csv)")
    Path model;

    @Option(names = "--month", defaultValue = "1", description = "the month of the typical week (default ${DEFAULT-VALUE})")
    int month;

    @Override
    public Integer call() throws Exception {
        EnvelopeModel envelope = Models.read(model);
        Duration window = Duration.ofMinutes(60);
        if (envelope instanceof PackagedEnvelope p) {
            System.out.println(new String(EventJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(p.manifest()), java.nio.charset.StandardCharsets.UTF_8));
            window = Duration.ofMinutes(p.manifest().windowMinutes());
        } else {
            System.out.println("hourly envelope " + envelope.version());
        }
        System.out.printf(Locale.ROOT, "usual Wh per %d-minute window, low-high, a week in month %d:%n",
                window.toMinutes(), month);
        StringBuilder header = new StringBuilder("hour");
        LocalDate monday = LocalDate.of(2026, month, 1).with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        for (int d = 0; d < 7; d++) {
            header.append(String.format(Locale.ROOT, "  %11s", monday.plusDays(d).getDayOfWeek()
                    .getDisplayName(TextStyle.SHORT, Locale.ENGLISH)));
        }
        System.out.println(header);
        for (int h = 0; h < 24; h++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%02d  ", h));
            for (int d = 0; d < 7; d++) {
                ExpectedRange r = envelope.expected(LocalDateTime.of(monday.plusDays(d), java.time.LocalTime.of(h, 0)),
                        window);
                line.append(String.format(Locale.ROOT, "  %5.0f-%-5.0f", r.lowWh(), r.highWh()));
            }
            System.out.println(line);
        }
        return 0;
    }
}
