package org.wattwatch.event.score;

import java.util.List;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.validation.Checks;
import org.wattwatch.event.validation.Violation;

/**
 * A reading with what the model expected for its time and how far it is from that.
 *
 * @param expectedLowWh  low edge of the expected range for this reading's interval
 * @param expectedHighWh high edge of the expected range for this reading's interval
 * @param score          {@link ExpectedRange#score(double)}; above the threshold means unusual
 * @param anomaly        whether the score crossed the scoring service's threshold
 * @param modelVersion   the model that scored it
 * @param totalWh        the meter's energy counted by the scoring service so far, this reading included: each
 *                       stretch of time once (a reading that begins before the meter's latest one ended, as a
 *                       replay's do, adds nothing), kept exactly across restarts. Added later: 0 in records
 *                       without it, which is also what a meter's first readings of nothing give
 */
public record ScoredReading(
        int schemaVersion,
        MeterReading reading,
        double expectedLowWh,
        double expectedHighWh,
        double score,
        boolean anomaly,
        String modelVersion,
        @JacksonInject(value = TOTAL_WH_DEFAULT, useInput = OptBoolean.TRUE) double totalWh) {

    public static final int SCHEMA_VERSION = 1;
    /** The value {@link org.wattwatch.event.json.EventJson} injects for a record that has no {@code totalWh}. */
    public static final String TOTAL_WH_DEFAULT = "wattwatch.scored.totalWh";

    /** A reading scored on its own, outside a meter's count. */
    public ScoredReading(int schemaVersion, MeterReading reading, double expectedLowWh, double expectedHighWh,
            double score, boolean anomaly, String modelVersion) {
        this(schemaVersion, reading, expectedLowWh, expectedHighWh, score, anomaly, modelVersion, 0);
    }

    public ScoredReading withTotalWh(double total) {
        return new ScoredReading(schemaVersion, reading, expectedLowWh, expectedHighWh, score, anomaly, modelVersion,
                total);
    }

    public List<Violation> violations() {
        Checks checks = new Checks().schemaVersion(schemaVersion, SCHEMA_VERSION).notNull("reading", reading);
        if (reading != null) {
            checks.nested("reading", reading.violations());
        }
        return checks
                .finite("expectedLowWh", expectedLowWh)
                .finite("expectedHighWh", expectedHighWh)
                .finite("score", score)
                .notBlank("modelVersion", modelVersion)
                .finiteNonNegative("totalWh", totalWh)
                .result();
    }
}
