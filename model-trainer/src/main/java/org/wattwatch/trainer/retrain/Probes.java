package org.wattwatch.trainer.retrain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.wattwatch.event.reading.MeterReading;

/**
 * Loads injected into recent history to see whether a model would raise them: a heater of a few kW left
 * on for an hour, at random times (seeded, so a retrain's figures can be repeated).
 */
final class Probes {

    private Probes() {
    }

    /** Where the probes go: {@code count} hour-long spans within the readings, apart from each other. */
    static List<AlertPeriods.Period> place(List<MeterReading> readings, int count, Duration length, long seed) {
        List<AlertPeriods.Period> probes = new ArrayList<>();
        if (readings.isEmpty() || count == 0) {
            return probes;
        }
        Instant first = readings.get(0).intervalStart();
        Instant last = readings.get(readings.size() - 1).intervalEnd().minus(length);
        long span = Duration.between(first, last).toMinutes();
        if (span <= 0) {
            return probes;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int tries = 0; probes.size() < count && tries < count * 50; tries++) {
            Instant start = first.plus(Duration.ofMinutes(random.nextLong(span))).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            // a day apart: each probe judged on its own
            if (probes.stream().noneMatch(p -> p.overlaps(start.minus(Duration.ofHours(24)), start.plus(Duration.ofHours(24))))
                    && !start.isBefore(first)) {
                probes.add(new AlertPeriods.Period(start, start.plus(length)));
            }
        }
        probes.sort((a, b) -> a.from().compareTo(b.from()));
        return probes;
    }

    /** The readings with {@code watts} more during each probe, in proportion to the overlap. */
    static List<MeterReading> inject(List<MeterReading> readings, List<AlertPeriods.Period> probes, double watts) {
        List<MeterReading> probed = new ArrayList<>(readings.size());
        for (MeterReading r : readings) {
            double extraWh = 0;
            for (AlertPeriods.Period p : probes) {
                Instant from = r.intervalStart().isAfter(p.from()) ? r.intervalStart() : p.from();
                Instant to = r.intervalEnd().isBefore(p.to()) ? r.intervalEnd() : p.to();
                if (from.isBefore(to)) {
                    extraWh += watts * Duration.between(from, to).toMillis() / 3_600_000.0;
                }
            }
            probed.add(extraWh == 0 ? r : new MeterReading(r.schemaVersion(), r.meterId(), r.intervalStart(),
                    r.intervalEnd(), r.wh() + extraWh, r.pulses(), r.agentId(), r.sequence(), r.spoolUse()));
        }
        return probed;
    }
}
