package org.wattwatch.trainer.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.wattwatch.event.history.History;
import org.wattwatch.event.history.HistoryCsv;
import org.wattwatch.event.history.HistoryFormatException;
import org.wattwatch.event.json.EventFormatException;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;

/**
 * Opens a history: a CSV ({@code timestamp,wh} or {@code timestamp,w}), or a dump of the
 * {@code power.readings} topic as JSON lines (one reading per line, e.g. from
 * {@code kafka-console-consumer}), turned into the same {@code timestamp,wh} form on the home's clock.
 */
public final class HistoryFiles {

    private HistoryFiles() {
    }

    public static History read(Path file, ZoneId zone) throws IOException {
        if (!file.getFileName().toString().endsWith(".jsonl")) {
            return HistoryCsv.read(file, zone);
        }
        List<MeterReading> readings = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                readings.add(EventJson.readValid(lines.get(i).getBytes(StandardCharsets.UTF_8), MeterReading.class,
                        MeterReading::violations));
            } catch (EventFormatException | org.wattwatch.event.validation.InvalidEventException e) {
                bad.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!bad.isEmpty()) {
            throw new HistoryFormatException(file.getFileName() + ": " + bad.size() + " unreadable reading(s), first: "
                    + bad.subList(0, Math.min(5, bad.size())));
        }
        return of(readings, file.getFileName().toString(), zone);
    }

    /** Readings (in order, one interval length) as a history on the home's clock, as a CSV of them would be. */
    public static History of(List<MeterReading> readings, String name, ZoneId zone) throws IOException {
        List<String> csv = new ArrayList<>(List.of("timestamp,wh"));
        for (MeterReading r : readings) {
            csv.add(LocalDateTime.ofInstant(r.intervalStart(), zone) + "," + r.wh());
        }
        return HistoryCsv.read(new java.io.BufferedReader(new java.io.StringReader(String.join("\n", csv))), name, zone);
    }
}
