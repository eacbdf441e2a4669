package org.wattwatch.event.score;

import java.util.List;

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
 */
public record ScoredReading(
        int schemaVersion,
        MeterReading reading,
        double expectedLowWh,
        double expectedHighWh,
        double score,
        boolean anomaly,
        String modelVersion) {

    public static final int SCHEMA_VERSION = 1;

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
                .result();
    }
}
