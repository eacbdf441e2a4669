package org.wattwatch.event.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects violations field by field, so a sender learns every problem of an event at once
 * instead of fixing them one round-trip at a time.
 */
public final class Checks {

    /** The meter id rule as a regular expression, for path variables and configuration. */
    public static final String METER_ID_REGEX = "[A-Za-z0-9._-]{1,64}";
    private static final Pattern METER_ID = Pattern.compile(METER_ID_REGEX);
    private static final int SHOWN = 64;

    private final List<Violation> violations = new ArrayList<>();

    public Checks schemaVersion(int actual, int supported) {
        if (actual != supported) {
            add("schemaVersion", "unsupported version " + actual + " (this build reads " + supported + ")");
        }
        return this;
    }

    public Checks notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "must not be blank");
        }
        return this;
    }

    public Checks notNull(String field, Object value) {
        if (value == null) {
            add(field, "must be present");
        }
        return this;
    }

    /**
     * A meter id: what a URL path, a metric tag, a Kafka key and a log line can all carry as it is.
     * Shown back at most {@link #SHOWN} characters long, so a huge value is not echoed.
     */
    public Checks meterId(String field, String value) {
        if (value == null || !METER_ID.matcher(value).matches()) {
            add(field, "must be a meter id (letters, digits, '.', '_', '-'; 1 to 64), was " + printable(value));
        }
        return this;
    }

    /**
     * A value from outside as an error text may show it: quoted, at most {@value #SHOWN} characters,
     * control characters escaped, so it can neither flood nor forge a line.
     */
    public static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value;
        StringBuilder printable = new StringBuilder("'");
        cut.codePoints().forEach(c -> printable.append(Character.isISOControl(c) ? "\\u" + String.format("%04x", c)
                : new String(Character.toChars(c))));
        return printable.append("'").toString();
    }

    public Checks atMost(String startField, Instant start, String endField, Instant end, Duration longest) {
        if (start != null && end != null && Duration.between(start, end).compareTo(longest) > 0) {
            add(endField, "must be at most " + longest + " after " + startField + " (" + start + "), was " + end);
        }
        return this;
    }

    public Checks finiteNonNegative(String field, double value) {
        if (!Double.isFinite(value)) {
            add(field, "must be a finite number, was " + value);
        } else if (value < 0) {
            add(field, "must not be negative, was " + value);
        }
        return this;
    }

    /** A share of something: 0 to 1. */
    public Checks share(String field, double value) {
        if (!Double.isFinite(value) || value < 0 || value > 1) {
            add(field, "must be between 0 and 1, was " + value);
        }
        return this;
    }

    public Checks nonNegative(String field, long value) {
        if (value < 0) {
            add(field, "must not be negative, was " + value);
        }
        return this;
    }

    public Checks finite(String field, double value) {
        if (!Double.isFinite(value)) {
            add(field, "must be a finite number, was " + value);
        }
        return this;
    }

    public Checks before(String startField, Instant start, String endField, Instant end) {
        if (start != null && end != null && !start.isBefore(end)) {
            add(endField, "must be after " + startField + " (" + start + "), was " + end);
        }
        return this;
    }

    public Checks add(String field, String message) {
        violations.add(new Violation(field, message));
        return this;
    }

    public Checks nested(String prefix, List<Violation> inner) {
        inner.forEach(v -> add(prefix + "." + v.field(), v.message()));
        return this;
    }

    public List<Violation> result() {
        return List.copyOf(violations);
    }
}
