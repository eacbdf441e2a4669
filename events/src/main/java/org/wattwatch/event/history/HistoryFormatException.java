package org.wattwatch.event.history;

/** A history file that cannot be used as it is; the message names the file and line. */
public class HistoryFormatException extends RuntimeException {

    public HistoryFormatException(String message) {
        super(message);
    }
}
