package org.wattwatch.agent.source;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The history's time during a replay: moved forward by the replay as it plays each blink, read by
 * the counting and the interval cutting, so readings carry the history's timestamps.
 */
public final class ReplayClock extends Clock {

    private volatile Instant now;

    public ReplayClock(Instant start) {
        this.now = start;
    }

    /** Moves time forward (never back: the counting relies on it). */
    public synchronized void advanceTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the replay clock is read as instants");
    }
}
