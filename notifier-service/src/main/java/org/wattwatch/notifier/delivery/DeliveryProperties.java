package org.wattwatch.notifier.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The retry budget of one notification. The defaults (10 attempts, 5 s doubling up to 10 min) ride
 * out about half an hour of a provider being down before the notification is dead-lettered.
 *
 * @param attempts       tries in all, the first included (default 10)
 * @param initialBackoff wait before the first retry (default 5s)
 * @param multiplier     each wait is this many times the last (default 2)
 * @param maxBackoff     longest wait (default 10m)
 * @param deadline       how long one channel call may take before it counts as failed and is retried
 *                       (default 30s): a provider that accepts a connection and never answers must not
 *                       hold up the other channels
 */
@Validated
@ConfigurationProperties("wattwatch.notifier.delivery")
public record DeliveryProperties(
        @Min(1) @DefaultValue("10") int attempts,
        @NotNull @DefaultValue("5s") Duration initialBackoff,
        @DefaultValue("2.0") double multiplier,
        @NotNull @DefaultValue("10m") Duration maxBackoff,
        @NotNull @DefaultValue("30s") Duration deadline) {

    public DeliveryProperties {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("wattwatch.notifier.delivery.deadline must be positive, was " + deadline);
        }
    }
}
