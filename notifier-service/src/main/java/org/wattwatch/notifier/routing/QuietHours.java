package org.wattwatch.notifier.routing;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * A daily window on the home's clock, such as {@code 23:00-07:00}; it may wrap past midnight.
 * Start inclusive, end exclusive.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static QuietHours parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("quiet hours must look like 23:00-07:00, was '" + text + "'");
        }
        try {
            return new QuietHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("quiet hours must look like 23:00-07:00, was '" + text + "'", e);
        }
    }

    public boolean contains(LocalTime time) {
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
