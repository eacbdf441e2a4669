package org.wattwatch.event.json;

/** Bytes that are not a well-formed event of the expected type; the message says why. */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
