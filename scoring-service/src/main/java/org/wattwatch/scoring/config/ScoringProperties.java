package org.wattwatch.scoring.config;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Scoring settings.
 *
 * @param zone      the home's time zone; hour-of-day and day-of-week of a reading come from it
 *                  (default {@code UTC}: set it to the home's zone, e.g. {@code Europe/Paris})
 * @param threshold a reading whose score is above this is an anomaly (default 1.0, the seed's rule:
 *                  beyond the highest usage history shows for that time)
 * @param model     location of the model to start with: a Spring resource such as
 *                  {@code file:/models/envelope.csv} or a trained package {@code file:/models/home.zip};
 *                  default the bundled seed envelope
 * @param window    detection window (default 15m): readings shorter than this are judged by the energy of
 *                  the trailing window against the model's envelope for that length
 * @param spikeAllowance the largest readings adding up to this much time are left out of each window
 *                  (default 3m): a two-minute kettle is no anomaly, a heater that keeps going is
 */
@Validated
@ConfigurationProperties("wattwatch.scoring")
public record ScoringProperties(
        @NotNull @DefaultValue("UTC") ZoneId zone,
        @Positive @DefaultValue("1.0") double threshold,
        @NotBlank @DefaultValue("classpath:models/seed-envelope.csv") String model,
        @NotNull @DefaultValue("15m") Duration window,
        @NotNull @DefaultValue("3m") Duration spikeAllowance) {

    public ScoringProperties {
        if (window.isNegative() || window.isZero() || spikeAllowance.isNegative()
                || spikeAllowance.compareTo(window) >= 0) {
            throw new IllegalArgumentException("wattwatch.scoring.window must be positive and "
                    + "wattwatch.scoring.spike-allowance shorter than it, were " + window + " and " + spikeAllowance);
        }
    }

    /** Defaults for the window, as in production. */
    public static ScoringProperties of(ZoneId zone, double threshold, String model) {
        return new ScoringProperties(zone, threshold, model, Duration.ofMinutes(15), Duration.ofMinutes(3));
    }
}
