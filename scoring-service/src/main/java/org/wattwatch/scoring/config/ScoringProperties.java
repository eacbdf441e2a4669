package org.wattwatch.scoring.config;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.wattwatch.detection.DetectorSettings;

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
 * @param window    detection window (default 15m): readings shorter than this are judged by the level
 *                  usage held over the trailing window, against the model's envelope for that length
 * @param dipAllowance how long usage may dip below its level inside a window without lowering it
 *                  (default 1m): a thermostat pausing a heater for a minute does not end its alert
 * @param silence   a meter that sends no reading for this long on the wall clock is told as silent
 *                  (default 15m): a Pi off the network or without power must not go unnoticed
 * @param dark      a meter whose readings stay at zero this long while its model expects usage is told as
 *                  dark (default 2h): a sensor that came off the meter's LED must not go unnoticed
 * @param aheadTolerance how far past the wall clock a reading may end (default 5m, for clocks a little
 *                  apart); one ending later goes to the dead-letter topic and leaves the meter's window
 *                  untouched: a Pi clock glitch must not make every later reading of the meter late
 * @param maxMeters how many meters this instance keeps state and gauges for (default 10000); a reading of
 *                  a meter beyond it goes to the dead-letter topic with the reason, counted, so no stream of
 *                  made-up meter ids can exhaust the memory
 * @param spoolNearlyFull a reading that comes with its agent's spool at least this full (share, default 0.8, the
 *                  agent's own warn-ratio) is told as a spool nearly full: the agent will soon drop readings
 */
@Validated
@ConfigurationProperties("wattwatch.scoring")
public record ScoringProperties(
        @NotNull @DefaultValue("UTC") ZoneId zone,
        @Positive @DefaultValue("1.0") double threshold,
        @NotBlank @DefaultValue("classpath:models/seed-envelope.csv") String model,
        @NotNull @DefaultValue("15m") Duration window,
        @NotNull @DefaultValue("1m") Duration dipAllowance,
        @NotNull @DefaultValue("15m") Duration silence,
        @NotNull @DefaultValue("2h") Duration dark,
        @NotNull @DefaultValue("5m") Duration aheadTolerance,
        @Positive @DefaultValue("10000") int maxMeters,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.8") double spoolNearlyFull) {

    public ScoringProperties {
        if (window.isNegative() || window.isZero() || dipAllowance.isNegative()
                || dipAllowance.multipliedBy(2).compareTo(window) >= 0) {
            throw new IllegalArgumentException("wattwatch.scoring.window must be positive and "
                    + "wattwatch.scoring.dip-allowance shorter than half of it, were " + window + " and " + dipAllowance);
        }
        if (silence.compareTo(Duration.ofMinutes(2)) < 0) {
            throw new IllegalArgumentException("wattwatch.scoring.silence must be at least 2m (meters are checked "
                    + "every minute), was " + silence);
        }
        if (dark.compareTo(window) < 0) {
            throw new IllegalArgumentException("wattwatch.scoring.dark must be at least the window ("
                    + window + "), was " + dark);
        }
        if (aheadTolerance.isNegative()) {
            throw new IllegalArgumentException("wattwatch.scoring.ahead-tolerance must not be negative, was "
                    + aheadTolerance);
        }
    }

    /** The detector's settings: the service and a backtest judge alike. */
    public DetectorSettings detector() {
        return new DetectorSettings(threshold, window, dipAllowance);
    }

    /** Defaults for the window, as in production. */
    public static ScoringProperties of(ZoneId zone, double threshold, String model) {
        return new ScoringProperties(zone, threshold, model, DetectorSettings.DEFAULT_WINDOW,
                DetectorSettings.DEFAULT_DIP_ALLOWANCE, Duration.ofMinutes(15), Duration.ofHours(2),
                Duration.ofMinutes(5), 10_000, 0.8);
    }

    /** The same settings with another meter limit. */
    public ScoringProperties withMaxMeters(int meters) {
        return new ScoringProperties(zone, threshold, model, window, dipAllowance, silence, dark, aheadTolerance,
                meters, spoolNearlyFull);
    }
}
