package org.wattwatch.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.wattwatch.event.validation.Checks;

/**
 * Sensor agent settings ({@code wattwatch.agent.*}). Every value is checked at startup; a bad one
 * stops the agent with a message naming the property.
 *
 * @param agentId   names this agent on every reading (default {@code agent-1})
 * @param zone      the home's time zone (default UTC)
 * @param interval  length of one reading (default 60s); must divide 15 minutes, so boundaries fall on
 *                  the home's wall clock in every time zone (all zone offsets are multiples of 15 min)
 * @param source    where pulses come from: {@code gpio} (the meter), {@code simulated} or {@code replay};
 *                  the last two drive Pi4J mock pins, so they exercise the same counting code as GPIO
 * @param gpio      the Pi4J plugin for {@code source=gpio}
 * @param meters    the meters watched (default one: {@code main} on BCM pin 17)
 * @param spool     the durable local spool between counting and Kafka
 * @param simulator the simulated household for {@code source=simulated}
 * @param replay    the history replayed for {@code source=replay}
 */
@Validated
@ConfigurationProperties("wattwatch.agent")
public record AgentProperties(
        @NotBlank @DefaultValue("agent-1") String agentId,
        @NotNull @DefaultValue("UTC") ZoneId zone,
        @NotNull @DefaultValue("60s") Duration interval,
        @NotNull @DefaultValue("simulated") Source source,
        @Valid @NotNull @DefaultValue Gpio gpio,
        @Valid List<Meter> meters,
        @Valid @NotNull @DefaultValue Spool spool,
        @Valid @NotNull @DefaultValue Simulator simulator,
        @Valid @NotNull @DefaultValue Replay replay) {

    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    public AgentProperties {
        meters = meters == null || meters.isEmpty() ? List.of(Meter.withDefaults("main")) : List.copyOf(meters);
        if (interval.isNegative() || interval.compareTo(Duration.ofSeconds(1)) < 0
                || QUARTER_HOUR.toMillis() % interval.toMillis() != 0) {
            throw new IllegalArgumentException("wattwatch.agent.interval must divide 15 minutes (e.g. 10s, 60s, 5m, "
                    + "15m), was " + interval);
        }
        Set<String> ids = new HashSet<>();
        Set<Integer> pins = new HashSet<>();
        for (int i = 0; i < meters.size(); i++) {
            if (!ids.add(meters.get(i).id())) {
                throw new IllegalArgumentException("wattwatch.agent.meters[" + i + "].id: '" + meters.get(i).id()
                        + "' is used twice");
            }
            if (!pins.add(meters.get(i).pin())) {
                throw new IllegalArgumentException("wattwatch.agent.meters[" + i + "].pin: BCM " + meters.get(i).pin()
                        + " is used twice");
            }
        }
    }

    public enum Source { GPIO, SIMULATED, REPLAY }

    /** @param provider {@code gpiod} (default, the kernel's GPIO character device) or {@code linuxfs} (sysfs) */
    public record Gpio(@NotNull @DefaultValue("gpiod") GpioProvider provider) {
    }

    public enum GpioProvider { GPIOD, LINUXFS }

    /** Which level change is one blink. */
    public enum Edge { RISING, FALLING }

    /**
     * One meter.
     *
     * @param id             the meter, also the Kafka key
     * @param pin            BCM GPIO number of its sensor (default 17; 0..27 on a 40-pin Pi)
     * @param impulsesPerKwh the meter's constant, printed on it (default 1000: one blink per Wh)
     * @param edge           the level change that is a blink (default rising)
     * @param debounce       a blink must hold its level this long to count (default 10ms); keep it
     *                       below the meter's LED pulse width (often 30-90 ms)
     * @param pull           the pin's pull resistor: {@code pull_down} (default), {@code pull_up} or {@code off}
     */
    public record Meter(
            @NotBlank @Pattern(regexp = Checks.METER_ID_REGEX,
                    message = "must be a meter id (letters, digits, '.', '_', '-'; 1 to 64)") String id,
            @Min(0) @Max(27) @DefaultValue("17") int pin,
            @Positive @DefaultValue("1000") int impulsesPerKwh,
            @NotNull @DefaultValue("rising") Edge edge,
            @NotNull @DefaultValue("10ms") Duration debounce,
            @NotNull @DefaultValue("pull_down") Pull pull) {

        public static Meter withDefaults(String id) {
            return new Meter(id, 17, 1000, Edge.RISING, Duration.ofMillis(10), Pull.PULL_DOWN);
        }

        public double whPerPulse() {
            return 1000.0 / impulsesPerKwh;
        }
    }

    public enum Pull { PULL_DOWN, PULL_UP, OFF }

    /**
     * @param dir         where readings wait until Kafka has them (default {@code .wattwatch/spool})
     * @param maxReadings bound on waiting readings (default 100000: 69 days of one meter's minutes, a
     *                    few tens of MB); when full, the oldest waiting reading is dropped and counted
     * @param warnRatio   health warns when the spool is this full (default 0.8)
     */
    public record Spool(
            @NotNull @DefaultValue(".wattwatch/spool") Path dir,
            @Positive @DefaultValue("100000") int maxReadings,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.8") double warnRatio) {
    }

    /**
     * @param heaterWatts extra constant load, e.g. 2000 for "a heater left on" (default 0)
     * @param seed        random seed for reproducible runs; 0 picks one at random (default 0)
     */
    public record Simulator(@PositiveOrZero @DefaultValue("0") double heaterWatts, @DefaultValue("0") long seed) {
    }

    /**
     * @param file  a history CSV, {@code timestamp,wh} per interval or {@code timestamp,w}; timestamps are
     *              the home's local time
     * @param speed how many times faster than real time (default 60)
     * @param meter which configured meter it plays into (default the first)
     */
    public record Replay(Path file, @Positive @DefaultValue("60") double speed, String meter) {
    }
}
