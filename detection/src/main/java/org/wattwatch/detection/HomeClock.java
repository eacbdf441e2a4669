package org.wattwatch.detection;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The home's wall clock: an instant's local date-time in the home's zone. Every reading needs it
 * twice, and {@link LocalDateTime#ofInstant} looks the zone's rules up each time (6% of the scoring
 * thread); the offset is kept for the span between two of the zone's transitions.
 */
public final class HomeClock {

    private final ZoneId zone;
    private final ZoneRules rules;
    /** Replaced whole, never changed: threads that share this clock see one span or another. */
    private volatile Span span = new Span(Long.MAX_VALUE, Long.MIN_VALUE, ZoneOffset.UTC);

    public HomeClock(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDateTime local(Instant instant) {
        long seconds = instant.getEpochSecond();
        Span current = span;
        if (seconds < current.from || seconds >= current.until) {
            current = spanOf(instant);
            span = current;
        }
        return LocalDateTime.ofEpochSecond(seconds, instant.getNano(), current.offset);
    }

    /**
     * From the zone's last transition, so meters whose readings interleave a little out of order do
     * not start a new span each time; an instant exactly at a transition is not "after" it for
     * {@link ZoneRules#previousTransition}, so there the span starts at the instant.
     */
    private Span spanOf(Instant instant) {
        ZoneOffset offset = rules.getOffset(instant);
        ZoneOffsetTransition previous = rules.previousTransition(instant);
        ZoneOffsetTransition next = rules.nextTransition(instant);
        long from = previous != null && previous.getOffsetAfter().equals(offset) ? previous.toEpochSecond()
                : instant.getEpochSecond();
        return new Span(from, next == null ? Long.MAX_VALUE : next.toEpochSecond(), offset);
    }

    /** Seconds [from, until) during which the zone's offset stays {@code offset}. */
    private record Span(long from, long until, ZoneOffset offset) {
    }
}
