package org.wattwatch.model.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a consumption history: {@code timestamp,wh} (energy per interval) or {@code timestamp,w}
 * (mean power per interval), timestamps ISO-8601 local times marking each interval's start, one row
 * per interval, an empty value for a gap. Interval length comes from the spacing of the rows.
 * Anything else (a bad line, a negative or absurd value, a timestamp out of order or repeated) is an
 * error naming the line: a half-read history would teach a model the wrong "normal".
 */
public final class HistoryCsv {

    /** More than any home draws (100 kW); a value above is a unit or parsing mistake. */
    private static final double MAX_WATTS = 100_000;

    private HistoryCsv() {
    }

    public static List<HistoryRow> read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.getFileName().toString());
        }
    }

    public static List<HistoryRow> read(BufferedReader in, String name) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new HistoryFormatException(name + ": empty file");
        }
        String column = header.trim().toLowerCase();
        boolean watts = column.equals("timestamp,w");
        if (!watts && !column.equals("timestamp,wh")) {
            throw new HistoryFormatException(name + ": line 1: expected header 'timestamp,wh' or 'timestamp,w', was '"
                    + header + "'");
        }
        List<LocalDateTime> starts = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int lineNo = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 2) {
                throw new HistoryFormatException(name + ": line " + lineNo + ": expected 2 columns, got " + cells.length);
            }
            LocalDateTime start = parseTime(cells[0].trim(), name, lineNo);
            if (!starts.isEmpty() && !start.isAfter(starts.get(starts.size() - 1))) {
                throw new HistoryFormatException(name + ": line " + lineNo + ": timestamp " + start
                        + (start.equals(starts.get(starts.size() - 1)) ? " repeats line " : " is before line ")
                        + lines.get(lines.size() - 1));
            }
            starts.add(start);
            values.add(parseValue(cells[1].trim(), name, lineNo));
            lines.add(lineNo);
        }
        if (starts.isEmpty()) {
            throw new HistoryFormatException(name + ": no data rows");
        }
        List<HistoryRow> rows = new ArrayList<>(starts.size());
        Duration previous = null;
        for (int i = 0; i < starts.size(); i++) {
            Duration length = i + 1 < starts.size() ? Duration.between(starts.get(i), starts.get(i + 1))
                    : previous != null ? previous : Duration.ofHours(1);
            previous = length;
            double value = values.get(i);
            double wh = watts && !Double.isNaN(value) ? value * length.toSeconds() / 3600.0 : value;
            if (!Double.isNaN(wh) && wh / (length.toSeconds() / 3600.0) > MAX_WATTS) {
                throw new HistoryFormatException(name + ": line " + lines.get(i) + ": "
                        + java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                        + (watts ? " W" : " Wh in " + length.toMinutes() + " min")
                        + " is more than a home can draw (" + (int) (MAX_WATTS / 1000) + " kW)");
            }
            rows.add(new HistoryRow(starts.get(i), length, wh, lines.get(i)));
        }
        return rows;
    }

    private static LocalDateTime parseTime(String text, String name, int lineNo) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new HistoryFormatException(name + ": line " + lineNo + ": not an ISO-8601 local time: '" + text + "'");
        }
    }

    private static double parseValue(String text, String name, int lineNo) {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new HistoryFormatException(name + ": line " + lineNo + ": not a number: '" + text + "'");
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new HistoryFormatException(name + ": line " + lineNo + ": must be a finite, non-negative number, was "
                    + text);
        }
        return value;
    }
}
