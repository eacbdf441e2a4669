package org.wattwatch.agent.pulse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.wattwatch.agent.config.AgentProperties.Meter;

/**
 * Counts one meter's blinks into reading intervals.
 *
 * <p>Debounce: a blink counts only once the line has held the blink's level for the debounce time.
 * A shorter excursion, a bounce on either edge or a glitch of light, is rejected and counted as
 * such. The blink is dated by the moment it began, so it lands in the interval it happened in.
 *
 * <p>Nothing is lost across boundaries: a blink dated in an interval already cut (clock stepped back,
 * or a late event) is added to the first interval still open.
 */
public final class PulseCounter {

    private final Meter meter;
    private final Clock clock;
    private final long intervalMillis;
    private final long debounceNanos;

    private final Map<Long, Long> pulsesByInterval = new TreeMap<>();
    private boolean active;
    private Instant candidate;
    private long lastCutIndex;
    private long totalPulses;
    private long rejects;
    private Instant lastPulse;
    private double watts;

    public PulseCounter(Meter meter, Duration interval, Clock clock) {
        this.meter = meter;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.debounceNanos = meter.debounce().toNanos();
        this.lastCutIndex = indexOf(clock.instant()) - 1;
    }

    public Meter meter() {
        return meter;
    }

    /** The line changed level, now. */
    public void level(boolean high) {
        transition(high, clock.instant());
    }

    synchronized void transition(boolean high, Instant at) {
        boolean entersBlink = high == (meter.edge() == org.wattwatch.agent.config.AgentProperties.Edge.RISING);
        if (entersBlink == active) {
            return; // the same level again: nothing changed
        }
        active = entersBlink;
        if (entersBlink) {
            candidate = at;
        } else if (candidate != null) {
            if (held(candidate, at)) {
                count(candidate);
            } else {
                rejects++;
            }
            candidate = null;
        }
    }

    /** A blink still lit after the debounce time counts now, without waiting for it to end. */
    synchronized void settle(Instant now) {
        if (candidate != null && held(candidate, now)) {
            count(candidate);
            candidate = null;
        }
    }

    private boolean held(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() >= debounceNanos;
    }

    private void count(Instant at) {
        long index = Math.max(indexOf(at), lastCutIndex + 1);
        pulsesByInterval.merge(index, 1L, Long::sum);
        totalPulses++;
        if (lastPulse != null && at.isAfter(lastPulse)) {
            double seconds = Duration.between(lastPulse, at).toNanos() / 1e9;
            watts = meter.whPerPulse() * 3600 / seconds;
        }
        lastPulse = at;
    }

    /**
     * Closes every interval that ended by {@code now} and returns their pulse counts, zero-pulse
     * intervals included, oldest first.
     */
    public synchronized Map<Long, Long> cut(Instant now) {
        settle(now);
        long open = indexOf(now);
        Map<Long, Long> closed = new TreeMap<>();
        for (long i = lastCutIndex + 1; i < open; i++) {
            Long pulses = pulsesByInterval.remove(i);
            closed.put(i, pulses == null ? 0L : pulses);
        }
        lastCutIndex = Math.max(lastCutIndex, open - 1);
        return closed;
    }

    /** Closes the open interval early (agent stopping): its pulses so far, so none is lost. */
    public synchronized long cutOpen(Instant now) {
        settle(now);
        long open = indexOf(now);
        cut(now);
        Long pulses = pulsesByInterval.remove(open);
        lastCutIndex = open;
        return pulses == null ? 0 : pulses;
    }

    /**
     * The clock stepped (after {@link #cutOpen} at the old time): intervals are counted again from
     * {@code now}, and the time between is left a gap rather than cut into empty readings.
     */
    public synchronized void resumeAt(Instant now) {
        lastCutIndex = indexOf(now) - 1;
    }

    public long indexOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), intervalMillis);
    }

    public Instant startOf(long index) {
        return Instant.ofEpochMilli(index * intervalMillis);
    }

    public synchronized long totalPulses() {
        return totalPulses;
    }

    public synchronized long rejects() {
        return rejects;
    }

    public synchronized Instant lastPulse() {
        return lastPulse;
    }

    /** Power from the spacing of the last two blinks: the live reading between intervals. */
    public synchronized double watts() {
        return watts;
    }
}
