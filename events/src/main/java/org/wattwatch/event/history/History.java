package org.wattwatch.event.history;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A consumption history as read: the usable rows (gaps included, marked), the interval length, and
 * every line left out with the reason.
 *
 * @param resolution  the interval length: the most common spacing of the rows
 * @param missingRows intervals absent from the file altogether (rows spaced wider than the resolution)
 */
public record History(String name, List<HistoryRow> rows, Duration resolution, List<HistoryProblem> problems,
        long missingRows) {

    public long gapRows() {
        return rows.stream().filter(HistoryRow::isGap).count() + missingRows;
    }

    public Map<HistoryProblem.Kind, Long> problemCounts() {
        return problems.stream().collect(Collectors.groupingBy(HistoryProblem::kind,
                () -> new EnumMap<>(HistoryProblem.Kind.class), Collectors.counting()));
    }

    /** For callers that must not go on with a history that had bad lines. */
    public History requireClean() {
        if (!problems.isEmpty()) {
            throw new HistoryFormatException(name + ": " + problems.size() + " unusable line(s) " + problemCounts()
                    + ", first: " + problems.subList(0, Math.min(5, problems.size())));
        }
        return this;
    }

    /** A few lines for a person: counts by kind and the first problems with their line numbers. */
    public String report() {
        StringBuilder text = new StringBuilder(name + ": " + rows.size() + " intervals of " + resolution.toMinutes()
                + " min, " + gapRows() + " without data");
        if (!problems.isEmpty()) {
            text.append("; ").append(problems.size()).append(" line(s) left out ").append(problemCounts());
            problems.stream().limit(10).forEach(p -> text.append("\n  ").append(p));
            if (problems.size() > 10) {
                text.append("\n  ... and ").append(problems.size() - 10).append(" more");
            }
        }
        return text.toString();
    }
}
