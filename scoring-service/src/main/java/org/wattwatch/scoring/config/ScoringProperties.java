package org.wattwatch.scoring.config;

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
 *                  {@code file:/models/envelope.csv}; default the bundled seed envelope
 */
@Validated
@ConfigurationProperties("wattwatch.scoring")
public record ScoringProperties(
        @NotNull @DefaultValue("UTC") ZoneId zone,
        @Positive @DefaultValue("1.0") double threshold,
        @NotBlank @DefaultValue("classpath:models/seed-envelope.csv") String model) {
}
