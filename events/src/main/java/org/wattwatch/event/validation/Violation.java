package org.wattwatch.event.validation;

/** One broken rule of an event or request, naming the field so a person can fix the sender. */
public record Violation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
