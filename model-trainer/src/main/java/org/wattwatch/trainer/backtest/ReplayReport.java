package org.wattwatch.trainer.backtest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;

import org.wattwatch.detection.Replay;

/** A replay written for the owner: the per-reading CSV, the alerts CSV and a summary. */
public final class ReplayReport {

    private ReplayReport() {
    }

    /** {@code timestamp,wh,expected_low_wh,expected_high_wh,score,alert}; alert = in an alert after the reading. */
    public static void writeReadings(Path file, Replay.Result result) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("timestamp,wh,expected_low_wh,expected_high_wh,score,alert\n");
            for (Replay.Row r : result.rows()) {
                out.write(String.format(Locale.ROOT, "%s,%.3f,%.1f,%.1f,%.4f,%b%n", r.start(), r.wh(),
                        r.expectedLowWh(), r.expectedHighWh(), r.score(), r.inAlert()));
            }
        }
    }

    /** {@code raised_at,resolved_at,peak_score,excess_wh}; resolved_at is empty for an alert still open. */
    public static void writeAlerts(Path file, Replay.Result result) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("raised_at,resolved_at,peak_score,excess_wh\n");
            for (Replay.Alert a : result.alerts()) {
                out.write(String.format(Locale.ROOT, "%s,%s,%.4f,%.1f%n", a.raisedAt(),
                        a.resolvedAt() == null ? "" : a.resolvedAt(), a.peakScore(), a.excessWh()));
            }
        }
    }

    public static String text(Replay.Result result) {
        StringBuilder out = new StringBuilder();
        long inAlert = result.rows().stream().filter(Replay.Row::inAlert).count();
        out.append(String.format(Locale.ROOT, "%d readings, %d alerts (%.2f a month), in an alert after %.2f%% of "
                + "readings%n", result.rows().size(), result.alerts().size(), result.alertsPerMonthAverage(),
                100.0 * inAlert / Math.max(1, result.rows().size())));
        out.append("month     alerts\n");
        result.alertsPerMonth().forEach((month, n) -> out.append(String.format(Locale.ROOT, "%s  %6d%n", month, n)));
        if (!result.alerts().isEmpty()) {
            out.append("strongest alerts:\n  raised             resolved           peak score  excess Wh\n");
            result.alerts().stream().sorted(Comparator.comparingDouble(Replay.Alert::peakScore).reversed()).limit(10)
                    .forEach(a -> out.append(String.format(Locale.ROOT, "  %-18s %-18s %10.2f %10.0f%n", a.raisedAt(),
                            a.resolvedAt() == null ? "(open)" : a.resolvedAt(), a.peakScore(), a.excessWh())));
        }
        return out.toString();
    }
}
