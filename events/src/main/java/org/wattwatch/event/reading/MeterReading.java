package org.wattwatch.event.reading;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

import org.wattwatch.event.validation.Checks;
import org.wattwatch.event.validation.Violation;

/**
 * Energy one meter used in one interval, as counted by a sensor agent.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}; readers reject versions they do not know
 * @param meterId       the meter, also the Kafka key
 * @param intervalStart first instant of the interval (inclusive)
 * @param intervalEnd   end of the interval (exclusive)
 * @param wh            energy in watt-hours over the interval
 * @param pulses        LED blinks counted (wh = pulses * 1000 / impulses-per-kWh)
 * @param agentId       the agent that counted them
 * @param sequence      per-meter, per-agent sequence number, increasing, so consumers can reconcile (gapless
 *                      but where the agent lost power)
 * @param spoolUse      share of the agent's spool taken by readings waiting to be sent when this one was cut,
 *                      0 to 1 (added later: 0 for readings without it); near 1, the agent is close to dropping
 *                      its oldest readings
 */
public record MeterReading(
        int schemaVersion,
        String meterId,
        Instant intervalStart,
        Instant intervalEnd,
        double wh,
        long pulses,
        String agentId,
        long sequence,
        @JacksonInject(value = SPOOL_USE_DEFAULT, useInput = OptBoolean.TRUE) double spoolUse) {

    public static final int SCHEMA_VERSION = 1;
    /** The value {@link org.wattwatch.event.json.EventJson} injects for a reading that has no {@code spoolUse}. */
    public static final String SPOOL_USE_DEFAULT = "wattwatch.reading.spoolUse";
    /** The longest interval a reading may span: longer ones are a clock fault, not a reading. */
    public static final Duration LONGEST = Duration.ofDays(7);

    /** A reading from a sender that keeps no spool, or says nothing of it. */
    public MeterReading(int schemaVersion, String meterId, Instant intervalStart, Instant intervalEnd, double wh,
            long pulses, String agentId, long sequence) {
        this(schemaVersion, meterId, intervalStart, intervalEnd, wh, pulses, agentId, sequence, 0);
    }

    public Duration duration() {
        return Duration.between(intervalStart, intervalEnd);
    }

    public List<Violation> violations() {
        return new Checks()
                .schemaVersion(schemaVersion, SCHEMA_VERSION)
                .meterId("meterId", meterId)
                .notNull("intervalStart", intervalStart)
                .notNull("intervalEnd", intervalEnd)
                .before("intervalStart", intervalStart, "intervalEnd", intervalEnd)
                .atMost("intervalStart", intervalStart, "intervalEnd", intervalEnd, LONGEST)
                .finiteNonNegative("wh", wh)
                .nonNegative("pulses", pulses)
                .notBlank("agentId", agentId)
                .nonNegative("sequence", sequence)
                .share("spoolUse", spoolUse)
                .result();
    }
}
