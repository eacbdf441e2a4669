package org.wattwatch.event.learning;

import java.time.Instant;
import java.util.List;

import org.wattwatch.event.validation.Checks;
import org.wattwatch.event.validation.Violation;

/**
 * What the owner said of an alert, kept on {@code power.alerts.feedback} (compacted, keyed by alert id: the
 * owner's latest word counts). A retrain learns from it: an expected period is usage the model must make
 * room for, a real problem's period is left out of what it learns.
 *
 * @param alertId the alert
 * @param meterId its meter
 * @param label   what the owner said
 * @param from    when the alert's unusual usage began
 * @param to      when it ended, or the end of its latest event while it was still open
 * @param at      when the owner said it
 */
public record AlertFeedback(int schemaVersion, String alertId, String meterId, Label label, Instant from, Instant to,
        Instant at) {

    public static final int SCHEMA_VERSION = 1;

    public enum Label {
        /** Usage the household meant (guests, the sauna on Sundays): normal for this home. */
        EXPECTED,
        /** Something was wrong (a heater left on): not what normal looks like. */
        PROBLEM
    }

    public List<Violation> violations() {
        return new Checks()
                .schemaVersion(schemaVersion, SCHEMA_VERSION)
                .notBlank("alertId", alertId)
                .meterId("meterId", meterId)
                .notNull("label", label)
                .notNull("from", from)
                .notNull("to", to)
                .before("from", from, "to", to)
                .notNull("at", at)
                .result();
    }

    /** Whether the alert's period overlaps {@code [start, end)}. */
    public boolean overlaps(Instant start, Instant end) {
        return start.isBefore(to) && end.isAfter(from);
    }
}
