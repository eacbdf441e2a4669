package org.wattwatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wattwatch.envelope.HourlyEnvelope;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.score.ExpectedRange;

/** The detector as an owner lives it: one alert per unusual run, none for peaks or the clock's hour. */
class ReplayTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private final AnomalyDetector detector = new AnomalyDetector(ZONE, DetectorSettings.of(1.0, Duration.ofMinutes(15)));

    /** 100..400 Wh an hour all day except 15:00-16:00, where usual usage goes up to 2000 Wh. */
    private static HourlyEnvelope envelope() {
        List<ExpectedRange> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(h == 15 ? new ExpectedRange(100, 2000) : new ExpectedRange(100, 400));
        }
        return new HourlyEnvelope(hours, "test");
    }



    @Test
    void aHeaterWithThermostatPausesIsOneAlertRaisedWithinTheWindowAndResolvedWhenSwitchedOff() {
        // 03:00 base 200 W; 03:30 a 2 kW heater that pauses for a minute twice; 05:30 off
        double[] watts = Minutes.runs(30, 200, 40, 2200, 1, 200, 40, 2200, 1, 200, 38, 2200, 30, 200);
        Replay.Result result = Replay.run(detector, envelope(), Minutes.readings(ZONE, "2026-01-05T03:00", watts));

        assertThat(result.alerts()).hasSize(1);
        Replay.Alert alert = result.alerts().get(0);
        assertThat(alert.raisedAt()).as("told within the window").isBefore(LocalDateTime.parse("2026-01-05T03:46"));
        assertThat(alert.resolvedAt()).as("ends with the heater, once more than the dip allowance is back to normal")
                .isEqualTo(LocalDateTime.parse("2026-01-05T05:32"));
        assertThat(alert.excessWh()).as("about 2 h of 2 kW above normal").isBetween(3000.0, 4500.0);
        assertThat(result.events()).filteredOn(e -> e.state() == AnomalyState.RAISED).hasSize(1);
        assertThat(result.rows().get(29).inAlert()).isFalse();
        assertThat(result.rows().get(100).inAlert()).isTrue();
        assertThat(result.rows().get(result.rows().size() - 1).inAlert()).isFalse();
    }

    @Test
    void kettlesAndAnOvenElementAddPeaksTheLevelDoesNotSee() {
        // a 4-minute kettle, then an oven element cycling 3 min on / 2 min off for an hour, at 2.5 kW
        List<Double> w = new ArrayList<>();
        for (double x : Minutes.runs(20, 200, 4, 2400, 20, 200)) {
            w.add(x);
        }
        for (int cycle = 0; cycle < 12; cycle++) {
            for (double x : Minutes.runs(3, 2700, 2, 200)) {
                w.add(x);
            }
        }
        Replay.Result result = Replay.run(detector, envelope(),
                Minutes.readings(ZONE, "2026-01-05T10:00", w.stream().mapToDouble(Double::doubleValue).toArray()));

        assertThat(result.alerts()).isEmpty();
    }

    @Test
    void usageThatGoesOnSmoothlyAcrossTheHourMeetsARangeThatMovesSmoothlyToo() {
        // 1.5 kW steady from 15:20: usual for hour 15 (up to 2 kW), not for hour 16 (up to 400 W)
        Replay.Result result = Replay.run(detector, envelope(),
                Minutes.readings(ZONE, "2026-01-05T15:20", Minutes.runs(80, 1500)));

        List<Replay.Row> rows = result.rows();
        double largestStep = 0;
        for (int i = 15; i < rows.size() && rows.get(i).score() < 1.0; i++) {
            largestStep = Math.max(largestStep, Math.abs(rows.get(i).score() - rows.get(i - 1).score()));
        }
        // a range stepping from 2000 to 400 Wh at 16:00 would move this score from 0.7 to 4.7 in one minute
        assertThat(largestStep).as("largest change of score from one minute to the next").isLessThan(0.2);
        assertThat(result.alerts()).hasSize(1);
        assertThat(result.alerts().get(0).raisedAt()).as("unusual only once hour 16's range weighs in")
                .isAfter(LocalDateTime.parse("2026-01-05T15:40"));
    }

    @Test
    void alertsAreCountedByTheMonthTheOwnerHeardOfThem() {
        Replay.Result result = Replay.run(detector, envelope(),
                Minutes.readings(ZONE, "2026-01-31T23:00", Minutes.runs(30, 200, 90, 2200)));
        assertThat(result.alerts()).hasSize(1);
        assertThat(result.alerts().get(0).resolvedAt()).as("still open when the history ends").isNull();
        assertThat(result.alertsPerMonth()).containsEntry(java.time.YearMonth.of(2026, 1), 1L);
    }
}
