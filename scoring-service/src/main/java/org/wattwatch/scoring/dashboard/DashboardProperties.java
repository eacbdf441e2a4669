package org.wattwatch.scoring.dashboard;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dashboard at {@code /}.
 *
 * @param history     how far back the dashboard keeps scored readings in memory (default 7d, at most 31d).
 *                    Readings shorter than a minute are kept as per-minute sums, so a meter costs about
 *                    0.9 MB per week whatever its reading interval (measured: {@code ./wattwatch bench --footprint})
 * @param maxMeters   meters kept at most (default 50); readings of further meters are counted in
 *                    {@code wattwatch.dashboard.readings.dropped} and not shown
 * @param notifierUrl the notifier's base URL, for the alert list and the snooze button (default
 *                    {@code http://localhost:8082}); the page calls it through this service, so one
 *                    origin serves everything
 * @param notifierTimeout how long a call to the notifier may take before the page says it is
 *                    unreachable (default 3s)
 */
@Validated
@ConfigurationProperties("wattwatch.dashboard")
public record DashboardProperties(
        @NotNull @DefaultValue("7d") Duration history,
        @Positive @Max(10_000) @DefaultValue("50") int maxMeters,
        @NotNull @DefaultValue("http://localhost:8082") URI notifierUrl,
        @NotNull @DefaultValue("3s") Duration notifierTimeout) {

    public DashboardProperties {
        if (history.compareTo(Duration.ofHours(1)) < 0 || history.compareTo(Duration.ofDays(31)) > 0) {
            throw new IllegalArgumentException("wattwatch.dashboard.history must be between 1h and 31d, was " + history);
        }
        if (notifierTimeout.isNegative() || notifierTimeout.isZero()) {
            throw new IllegalArgumentException("wattwatch.dashboard.notifier-timeout must be positive, was "
                    + notifierTimeout);
        }
    }
}
