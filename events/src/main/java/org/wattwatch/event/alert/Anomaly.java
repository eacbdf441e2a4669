package org.wattwatch.event.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.validation.Checks;
import org.wattwatch.event.validation.Violation;

/**
 * Unusual usage on one meter, for the notifier.
 *
 * @param alertId        stable id: the same anomaly always gets the same id, so redelivery dedups
 * @param state          lifecycle event this record reports
 * @param meterId        the meter, also the Kafka key
 * @param intervalStart  start of the unusual interval
 * @param intervalEnd    end of the unusual interval
 * @param localStart     {@code intervalStart} on the home's wall clock, as the owner reads it
 * @param zone           the home's time zone id that {@code localStart} is in
 * @param wh             energy used in the (latest) interval
 * @param expectedLowWh  low edge of the usual range for that interval
 * @param expectedHighWh high edge of the usual range for that interval
 * @param score          how far beyond the usual range (1.0 = at the high edge)
 * @param modelVersion   the model that judged it
 * @param raisedAt       when the unusual usage began (start of the interval that raised it)
 * @param excessWh       energy above the usual high edge since {@code raisedAt}, so far
 * @param kind           what the alert is about; absent in events written before it existed, which were
 *                       all {@link AlertKind#USAGE}
 */
public record Anomaly(
        int schemaVersion,
        String alertId,
        AnomalyState state,
        String meterId,
        Instant intervalStart,
        Instant intervalEnd,
        LocalDateTime localStart,
        String zone,
        double wh,
        double expectedLowWh,
        double expectedHighWh,
        double score,
        String modelVersion,
        Instant raisedAt,
        double excessWh,
        @JacksonInject(value = KIND_DEFAULT, useInput = OptBoolean.TRUE) AlertKind kind) {

    public static final int SCHEMA_VERSION = 1;
    /** The value {@link EventJson} injects for an event that has no {@code kind}. */
    public static final String KIND_DEFAULT = "wattwatch.anomaly.kind";

    /** A usage alert, the detector's. */
    public Anomaly(int schemaVersion, String alertId, AnomalyState state, String meterId, Instant intervalStart,
            Instant intervalEnd, LocalDateTime localStart, String zone, double wh, double expectedLowWh,
            double expectedHighWh, double score, String modelVersion, Instant raisedAt, double excessWh) {
        this(schemaVersion, alertId, state, meterId, intervalStart, intervalEnd, localStart, zone, wh, expectedLowWh,
                expectedHighWh, score, modelVersion, raisedAt, excessWh, AlertKind.USAGE);
    }

    /** Same meter and start gives the same id, whichever instance or retry produced it. */
    public static String alertIdFor(String meterId, Instant intervalStart) {
        return UUID.nameUUIDFromBytes((meterId + "|" + intervalStart).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public List<Violation> violations() {
        return new Checks()
                .schemaVersion(schemaVersion, SCHEMA_VERSION)
                .notBlank("alertId", alertId)
                .notNull("state", state)
                .notBlank("meterId", meterId)
                .notNull("intervalStart", intervalStart)
                .notNull("intervalEnd", intervalEnd)
                .before("intervalStart", intervalStart, "intervalEnd", intervalEnd)
                .notNull("localStart", localStart)
                .notBlank("zone", zone)
                .finiteNonNegative("wh", wh)
                .finite("expectedLowWh", expectedLowWh)
                .finite("expectedHighWh", expectedHighWh)
                .finite("score", score)
                .notBlank("modelVersion", modelVersion)
                .notNull("raisedAt", raisedAt)
                .finiteNonNegative("excessWh", excessWh)
                .notNull("kind", kind)
                .result();
    }
}
