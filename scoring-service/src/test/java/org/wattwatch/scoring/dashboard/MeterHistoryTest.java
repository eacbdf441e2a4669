package org.wattwatch.scoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;

class MeterHistoryTest {

    private static final Instant T = Instant.parse("2026-01-05T03:00:00Z");

    private final MeterHistory history = new MeterHistory(Duration.ofDays(7), 1.0);

    private static ScoredReading reading(Instant start, Duration length, double wh, double low, double high) {
        MeterReading r = new MeterReading(1, "main", start, start.plus(length), wh, (long) wh, "pi", 1);
        return new ScoredReading(1, r, low, high, (wh - low) / Math.max(high - low, 1), false, "m");
    }

    @Test
    void readingsShorterThanAMinuteAddUpToOnePointPerMinute() {
        for (int s = 0; s < 120; s++) {
            history.add(reading(T.plusSeconds(s), Duration.ofSeconds(1), 0.5, 0.05, 0.1));
        }
        var points = history.between(T, T.plusSeconds(120));
        assertThat(points).hasSize(2);
        assertThat(points.get(0).wh()).isEqualTo(30.0);
        assertThat(points.get(0).end()).isEqualTo(T.plusSeconds(60));
        assertThat(points.get(0).watts()).isEqualTo(1800.0);
        // 30 Wh against 3-6 Wh for the minute: above, though each second alone was within the 1 Wh floor
        assertThat(points.get(0).above()).isTrue();
    }

    @Test
    void aLateReadingGoesInItsPlaceAndAReplayedOneIsNotDrawnTwice() {
        history.add(reading(T, Duration.ofHours(1), 200, 100, 300));
        history.add(reading(T.plusSeconds(7200), Duration.ofHours(1), 250, 100, 300));
        assertThat(history.add(reading(T.plusSeconds(3600), Duration.ofHours(1), 900, 100, 300))).isNotNull();
        assertThat(history.add(reading(T.plusSeconds(3600), Duration.ofHours(1), 900, 100, 300))).isNull();
        assertThat(history.between(T, T.plusSeconds(3 * 3600))).extracting(UsagePoint::wh)
                .containsExactly(200.0, 900.0, 250.0);
        assertThat(history.between(T, T.plusSeconds(3 * 3600))).extracting(UsagePoint::above)
                .containsExactly(false, true, false);
    }

    @Test
    void keepsOnlyTheConfiguredHistory() {
        MeterHistory day = new MeterHistory(Duration.ofDays(1), 1.0);
        for (int h = 0; h < 30; h++) {
            day.add(reading(T.plusSeconds(3600L * h), Duration.ofHours(1), 200, 100, 300));
        }
        assertThat(day.oldest()).isEqualTo(T.plusSeconds(3600L * 6));
        assertThat(day.latest().start()).isEqualTo(T.plusSeconds(3600L * 29));
    }
}
