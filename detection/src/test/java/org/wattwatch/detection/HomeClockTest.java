package org.wattwatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class HomeClockTest {

    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void givesTheZonesLocalTimeAcrossEveryTransitionForwardAndBack() {
        for (String zone : new String[] {"Europe/Paris", "America/Sao_Paulo", "Australia/Lord_Howe", "Asia/Kolkata",
            "UTC"}) {
            ZoneId id = ZoneId.of(zone);
            HomeClock clock = new HomeClock(id);
            // every 7.5 minutes for two years, then backwards, then jumping about: what a replay or a
            // late reading asks
            for (Instant t = FROM; t.isBefore(FROM.plus(Duration.ofDays(730))); t = t.plusSeconds(450)) {
                assertThat(clock.local(t)).as(zone + " " + t).isEqualTo(LocalDateTime.ofInstant(t, id));
            }
            for (Instant t = FROM.plus(Duration.ofDays(730)); t.isAfter(FROM); t = t.minusSeconds(3599)) {
                assertThat(clock.local(t)).as(zone + " " + t).isEqualTo(LocalDateTime.ofInstant(t, id));
            }
            for (long s = 0; s < 4000; s++) {
                Instant t = FROM.plusSeconds((s * 7919 * 3600) % (730L * 86400)).plusNanos(s * 1_000_003 % 1_000_000_000);
                assertThat(clock.local(t)).as(zone + " " + t).isEqualTo(LocalDateTime.ofInstant(t, id));
            }
        }
    }

    @Test
    void anInstantExactlyAtATransitionHasTheNewOffset() {
        HomeClock clock = new HomeClock(ZoneId.of("Europe/Paris"));
        Instant springForward = Instant.parse("2026-03-29T01:00:00Z");
        assertThat(clock.local(springForward.minusNanos(1))).isEqualTo(LocalDateTime.parse("2026-03-29T01:59:59.999999999"));
        assertThat(clock.local(springForward)).isEqualTo(LocalDateTime.parse("2026-03-29T03:00:00"));
        Instant fallBack = Instant.parse("2026-10-25T01:00:00Z");
        assertThat(clock.local(fallBack.minusSeconds(1))).isEqualTo(LocalDateTime.parse("2026-10-25T02:59:59"));
        assertThat(clock.local(fallBack)).isEqualTo(LocalDateTime.parse("2026-10-25T02:00:00"));
        // a fresh clock whose first instant is the transition itself, then either side of it
        HomeClock fresh = new HomeClock(ZoneId.of("Europe/Paris"));
        assertThat(fresh.local(springForward)).isEqualTo(LocalDateTime.parse("2026-03-29T03:00:00"));
        assertThat(fresh.local(springForward.minusSeconds(1))).isEqualTo(LocalDateTime.parse("2026-03-29T01:59:59"));
        assertThat(fresh.local(springForward)).isEqualTo(LocalDateTime.parse("2026-03-29T03:00:00"));
        assertThat(fresh.local(springForward.plusNanos(1))).isEqualTo(LocalDateTime.parse("2026-03-29T03:00:00.000000001"));
    }
}
