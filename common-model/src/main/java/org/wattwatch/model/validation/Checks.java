package org.wattwatch.model.validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations field by field, so a sender learns every problem of an event at once
 * instead of fixing them one round-trip at a time.
 */
public final class Checks {

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

    public Checks finiteNonNegative(String field, double value) {
        if (!Double.isFinite(value)) {
            add(field, "must be a finite number, was " + value);
        } else if (value < 0) {
            add(field, "must not be negative, was " + value);
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
