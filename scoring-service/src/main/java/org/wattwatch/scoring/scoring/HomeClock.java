package org.wattwatch.scoring.scoring;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The home's wall clock: an instant's local date-time in the home's zone. Every reading needs it
 * twice, and {@link LocalDateTime#ofInstant} looks the zone's rules up each time (6% of the scoring
 * thread); readings move forward, so the offset is kept until the zone's next transition.
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
            ZoneOffsetTransition next = rules.nextTransition(instant);
            current = new Span(seconds, next == null ? Long.MAX_VALUE : next.toEpochSecond(), rules.getOffset(instant));
            span = current;
        }
        return LocalDateTime.ofEpochSecond(seconds, instant.getNano(), current.offset);
    }

    /** Seconds [from, until) during which the zone's offset stays {@code offset}. */
    private record Span(long from, long until, ZoneOffset offset) {
    }
}
