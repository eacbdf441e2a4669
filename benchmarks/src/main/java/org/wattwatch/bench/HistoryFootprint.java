package org.wattwatch.bench;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.scoring.config.ScoringProperties;
import org.wattwatch.scoring.dashboard.DashboardProperties;
import org.wattwatch.scoring.dashboard.LiveUpdates;
import org.wattwatch.scoring.dashboard.ScoredHistory;

/**
 * {@code ./wattwatch bench --footprint}: the heap the dashboard's history takes for a week of
 * per-minute readings, per meter, measured as the used heap after full collections before and after
 * filling it (so the figure in docs/dashboard.md is measured, not estimated).
 */
public final class HistoryFootprint {

    private static final int METERS = 20;
    private static final int MINUTES_PER_WEEK = 7 * 24 * 60;

    private HistoryFootprint() {
    }

    public static void main(String[] args) {
        ScoredHistory history = new ScoredHistory(
                new DashboardProperties(Duration.ofDays(7), 50, URI.create("http://localhost:8082"), Duration.ofSeconds(3)),
                ScoringProperties.of(ZoneId.of("UTC"), 1.0, "classpath:models/seed-envelope.csv"), new LiveUpdates(),
                new SimpleMeterRegistry());
        long before = usedAfterGc();
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        for (int minute = 0; minute < MINUTES_PER_WEEK; minute++) {
            Instant s = start.plusSeconds(60L * minute);
            for (int m = 0; m < METERS; m++) {
                MeterReading reading = new MeterReading(1, "meter-" + m, s, s.plusSeconds(60), 5 + minute % 7, 5, "bench",
                        minute);
                history.add(new ScoredReading(1, reading, 2, 9, 0.5, false, "bench"));
            }
        }
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "%d meters x %d per-minute points: %.2f MB per meter and week%n", METERS,
                MINUTES_PER_WEEK, (after - before) / 1e6 / METERS);
        if (history.latest().size() != METERS) {
            throw new IllegalStateException("history kept " + history.latest().size() + " meters");
        }
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
