package org.wattwatch.scoring.api;

import java.time.LocalDateTime;
import java.util.List;

import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.validation.Checks;
import org.wattwatch.event.validation.Violation;

/**
 * An ad-hoc reading to score.
 *
 * @param timestamp start of the interval on the home's wall clock, e.g. {@code 2026-01-05T04:00:00}
 * @param wh        energy used in the interval, in watt-hours
 * @param minutes   the interval's length (default 60, the seed's hourly readings)
 * @param meter     score with this meter's model (its own, else the default); default: the default model
 */
public record ScoreRequest(LocalDateTime timestamp, Double wh, Integer minutes, String meter) {

    static final int DEFAULT_MINUTES = 60;
    private static final int MAX_MINUTES = (int) MeterReading.LONGEST.toMinutes();

    int minutesOrDefault() {
        return minutes == null ? DEFAULT_MINUTES : minutes;
    }

    List<Violation> violations() {
        Checks checks = new Checks().notNull("timestamp", timestamp).notNull("wh", wh);
        if (wh != null) {
            checks.finiteNonNegative("wh", wh);
        }
        if (meter != null) {
            checks.meterId("meter", meter);
        }
        if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
            checks.add("minutes", "must be between 1 and " + MAX_MINUTES + ", was " + minutes);
        }
        return checks.result();
    }
}
