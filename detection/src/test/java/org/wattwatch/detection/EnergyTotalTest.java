package org.wattwatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wattwatch.envelope.HourlyEnvelope;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ExpectedRange;

/** The meter's energy as the scoring service counts it: each stretch of time once. */
class EnergyTotalTest {

    private static final ZoneId ZONE = ZoneId.of("UTC");
    private final AnomalyDetector detector = new AnomalyDetector(ZONE, DetectorSettings.of(1.0, Duration.ofMinutes(15)));
    private final HourlyEnvelope model = new HourlyEnvelope(Collections.nCopies(24, new ExpectedRange(0, 100)), "t");

    @Test
    void everyReadingThatContinuesTheMeterAddsItsEnergyAndAReplayedOneAddsNothing() {
        List<MeterReading> readings = Minutes.readings(ZONE, "2026-01-05T03:00", 600, 1200, 90, 3000, 60);
        List<MeterReading> withReplay = new ArrayList<>(readings.subList(0, 4));
        withReplay.addAll(readings.subList(1, 3)); // sent again, as after a producer's retry or a replay
        withReplay.add(readings.get(4));

        MeterState state = MeterState.EMPTY;
        List<Double> totals = new ArrayList<>();
        for (MeterReading r : withReplay) {
            Detection d = detector.next(state, r, model);
            state = d.late() ? state : d.state();
            totals.add(d.scored().totalWh());
        }

        double sum = readings.stream().mapToDouble(MeterReading::wh).sum();
        assertThat(state.totalWh()).isEqualTo(sum);
        assertThat(totals).as("never backwards, the repeats carry the total as it was")
                .isSorted()
                .containsExactly(10.0, 30.0, 31.5, 81.5, 81.5, 81.5, 82.5);
    }
}
