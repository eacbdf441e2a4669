package org.wattwatch.notifier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;

/** Anomalies as the scoring service emits them, for tests. */
public final class TestAnomalies {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private TestAnomalies() {
    }

    /** An hour at 04:00 local with 1500 Wh against a usual 108..363 Wh (the seed's 4 am). */
    public static Anomaly raised(String meter) {
        return at(meter, AnomalyState.RAISED, LocalDateTime.parse("2026-01-05T04:00"), Duration.ZERO, 1500, 5.4588);
    }

    /**
     * @param since how long the alert has been on at the start of this event's interval
     */
    public static Anomaly at(String meter, AnomalyState state, LocalDateTime raisedLocal, Duration since, double wh,
            double score) {
        Instant raisedAt = raisedLocal.atZone(ZONE).toInstant();
        Instant start = raisedAt.plus(since);
        return new Anomaly(1, Anomaly.alertIdFor(meter, raisedAt), state, meter, start, start.plusSeconds(3600),
                LocalDateTime.ofInstant(start, ZONE), ZONE.getId(), wh, 108, 363, score, "seed-test", raisedAt,
                Math.max(0, wh - 363) + since.toHours() * 1137.0);
    }
}
