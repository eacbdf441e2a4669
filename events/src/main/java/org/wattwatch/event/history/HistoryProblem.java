package org.wattwatch.event.history;

/** One line of a history that was left out, and why. */
public record HistoryProblem(int line, Kind kind, String message) {

    public enum Kind { UNPARSABLE, NEGATIVE, ABSURD, DUPLICATE, OUT_OF_ORDER, DST, IRREGULAR }

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
