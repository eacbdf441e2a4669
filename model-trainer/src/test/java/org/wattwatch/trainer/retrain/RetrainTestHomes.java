package org.wattwatch.trainer.retrain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import org.wattwatch.envelope.HourlyEnvelope;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ExpectedRange;

/** Hourly histories of a home whose usage follows the time of day, with what a test adds to it. */
final class RetrainTestHomes {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final LocalDateTime FIRST = LocalDateTime.parse("2026-09-01T00:00");

    private RetrainTestHomes() {
    }

    /** Night 250 Wh, day 450, evening (18-22) 900, each hour a little off (seeded). */
    static double usual(int hour, SplittableRandom noise) {
        double base = hour < 6 ? 250 : hour >= 18 && hour < 22 ? 900 : 450;
        return base * (0.85 + 0.3 * noise.nextDouble());
    }

    /**
     * @param extra Wh added to the reading of (day, hour)
     */
    static List<MeterReading> days(int days, BiFunction<Integer, Integer, Double> extra) {
        SplittableRandom noise = new SplittableRandom(7);
        List<MeterReading> readings = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (int h = 0; h < 24; h++) {
                Instant start = FIRST.plusDays(d).plusHours(h).atZone(ZONE).toInstant();
                double wh = usual(h, noise) + extra.apply(d, h);
                readings.add(new MeterReading(1, "home", start, start.plusSeconds(3600), wh, (long) wh, "history",
                        readings.size()));
            }
        }
        return readings;
    }

    /** A model that knows the home's usual day: what it used before anything changed. */
    static HourlyEnvelope knowingTheDay() {
        List<ExpectedRange> hours = new ArrayList<>(Collections.nCopies(24, new ExpectedRange(300, 650)));
        for (int h = 0; h < 6; h++) {
            hours.set(h, new ExpectedRange(150, 380));
        }
        for (int h = 18; h < 22; h++) {
            hours.set(h, new ExpectedRange(600, 1250));
        }
        return new HourlyEnvelope(hours, "home-before");
    }
}
