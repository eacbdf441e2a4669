package org.wattwatch.event.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a consumption history: {@code timestamp,wh} (energy per interval) or {@code timestamp,w}
 * (mean power per interval), timestamps ISO-8601 local times marking each interval's start, an empty
 * value for a gap. A line that cannot be used (unparsable, negative or absurd value, a timestamp
 * repeated or out of order, a local time the home's clock skipped or repeated at a DST change, a row
 * off the file's spacing) is left out and reported with its line number, never silently used.
 */
public final class HistoryCsv {

    /** More than any home draws (100 kW); a value above is a unit or parsing mistake. */
    private static final double MAX_WATTS = 100_000;

    private HistoryCsv() {
    }

    public static History read(Path file, ZoneId zone) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.getFileName().toString(), zone);
        }
    }

    private record Line(int number, LocalDateTime start, double value) {
    }

    public static History read(BufferedReader in, String name, ZoneId zone) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new HistoryFormatException(name + ": empty file");
        }
        String columns = header.trim().toLowerCase();
        boolean watts = columns.equals("timestamp,w");
        if (!watts && !columns.equals("timestamp,wh")) {
            throw new HistoryFormatException(name + ": line 1: expected header 'timestamp,wh' or 'timestamp,w', was '"
                    + header + "'");
        }
        List<HistoryProblem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        int number = 1;
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            number++;
            if (!text.isBlank()) {
                Line line = parse(text, number, problems);
                if (line != null && inOrder(line, lines, problems) && onTheClock(line, zone, problems)) {
                    lines.add(line);
                }
            }
        }
        if (lines.isEmpty()) {
            throw new HistoryFormatException(name + ": no usable data rows" + (problems.isEmpty() ? "" :
                    "; first problems: " + problems.subList(0, Math.min(5, problems.size()))));
        }
        Duration resolution = resolution(lines);
        List<HistoryRow> rows = new ArrayList<>(lines.size());
        long missing = 0;
        LocalDateTime previous = null;
        for (Line line : lines) {
            if (previous != null) {
                long spacing = Duration.between(previous, line.start()).toSeconds();
                if (spacing % resolution.toSeconds() != 0) {
                    problems.add(new HistoryProblem(line.number(), HistoryProblem.Kind.IRREGULAR, "starts "
                            + spacing + " s after the previous row, not a multiple of the file's " + resolution.toMinutes()
                            + " min intervals"));
                    continue;
                }
                missing += spacing / resolution.toSeconds() - 1;
            }
            previous = line.start();
            double wh = watts && !Double.isNaN(line.value()) ? line.value() * resolution.toSeconds() / 3600.0
                    : line.value();
            if (!Double.isNaN(wh) && wh * 3600.0 / resolution.toSeconds() > MAX_WATTS) {
                problems.add(new HistoryProblem(line.number(), HistoryProblem.Kind.ABSURD,
                        BigDecimal.valueOf(line.value()).stripTrailingZeros().toPlainString()
                                + (watts ? " W" : " Wh in " + resolution.toMinutes() + " min")
                                + " is more than a home can draw (" + (int) (MAX_WATTS / 1000) + " kW)"));
                continue;
            }
            rows.add(new HistoryRow(line.start(), resolution, wh, line.number()));
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new History(name, List.copyOf(rows), resolution, List.copyOf(problems), missing);
    }

    private static Line parse(String text, int number, List<HistoryProblem> problems) {
        String[] cells = text.split(",", -1);
        if (cells.length != 2) {
            problems.add(new HistoryProblem(number, HistoryProblem.Kind.UNPARSABLE,
                    "expected 2 columns, got " + cells.length));
            return null;
        }
        LocalDateTime start;
        try {
            start = LocalDateTime.parse(cells[0].trim());
        } catch (DateTimeParseException e) {
            problems.add(new HistoryProblem(number, HistoryProblem.Kind.UNPARSABLE,
                    "not an ISO-8601 local time: '" + cells[0].trim() + "'"));
            return null;
        }
        String value = cells[1].trim();
        if (value.isEmpty()) {
            return new Line(number, start, Double.NaN);
        }
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            problems.add(new HistoryProblem(number, HistoryProblem.Kind.UNPARSABLE, "not a number: '" + value + "'"));
            return null;
        }
        if (!Double.isFinite(parsed) || parsed < 0) {
            problems.add(new HistoryProblem(number, HistoryProblem.Kind.NEGATIVE,
                    "must be a finite, non-negative number, was " + value));
            return null;
        }
        return new Line(number, start, parsed);
    }

    private static boolean inOrder(Line line, List<Line> accepted, List<HistoryProblem> problems) {
        if (accepted.isEmpty()) {
            return true;
        }
        Line previous = accepted.get(accepted.size() - 1);
        if (line.start().isAfter(previous.start())) {
            return true;
        }
        boolean repeat = line.start().equals(previous.start());
        problems.add(new HistoryProblem(line.number(), repeat ? HistoryProblem.Kind.DUPLICATE
                : HistoryProblem.Kind.OUT_OF_ORDER, "timestamp " + line.start() + (repeat ? " repeats line "
                : " is before line ") + previous.number()));
        return false;
    }

    /** A local time the home's clock never showed (spring forward) cannot be a real interval start. */
    private static boolean onTheClock(Line line, ZoneId zone, List<HistoryProblem> problems) {
        if (zone.getRules().getValidOffsets(line.start()).isEmpty()) {
            problems.add(new HistoryProblem(line.number(), HistoryProblem.Kind.DST, line.start()
                    + " does not exist in " + zone + " (clocks went forward)"));
            return false;
        }
        return true;
    }

    private static Duration resolution(List<Line> lines) {
        if (lines.size() == 1) {
            return Duration.ofHours(1);
        }
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            counts.merge(Duration.between(lines.get(i - 1).start(), lines.get(i).start()).toSeconds(), 1, Integer::sum);
        }
        return Duration.ofSeconds(counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
    }
}
