package org.wattwatch.agent.config;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sensor agent settings.
 *
 * @param agentId          names this agent on every reading (default {@code agent-1})
 * @param meterId          the meter this agent watches, also the Kafka key (default {@code main})
 * @param zone             the home's time zone; interval boundaries align to its wall clock (default UTC)
 * @param interval         length of one reading (default 60 s); boundaries are multiples of it
 * @param impulsesPerKwh   the meter's constant, printed on it (default 1000: one blink per Wh)
 * @param simulator        the simulated household used when there is no meter to watch
 */
@Validated
@ConfigurationProperties("wattwatch.agent")
public record AgentProperties(
        @NotBlank @DefaultValue("agent-1") String agentId,
        @NotBlank @DefaultValue("main") String meterId,
        @NotNull @DefaultValue("UTC") ZoneId zone,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("60s") Duration interval,
        @Positive @DefaultValue("1000") int impulsesPerKwh,
        @Valid @NotNull @DefaultValue Simulator simulator) {

    /**
     * @param heaterWatts extra constant load, e.g. 2000 for "a heater left on" (default 0)
     * @param seed        random seed for reproducible runs; 0 picks one at random (default 0)
     */
    public record Simulator(
            @DefaultValue("0") @jakarta.validation.constraints.PositiveOrZero double heaterWatts,
            @DefaultValue("0") long seed) {
    }
}
