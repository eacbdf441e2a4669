package org.wattwatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wattwatch.envelope.HourlyEnvelope;
import org.wattwatch.envelope.LevelScale;
import org.wattwatch.envelope.WithScales;
import org.wattwatch.event.score.ExpectedRange;

/** Judging the level usage held at several window lengths, each against its own usual range. */
class LevelScalesTest {

    private static final ZoneId ZONE = ZoneId.of("UTC");
    private final AnomalyDetector detector = new AnomalyDetector(ZONE, DetectorSettings.of(1.0, Duration.ofMinutes(15)));

    /**
     * A busy evening home: over 10 minutes it often holds 3 kW (cooking, a shower), over an hour at
     * most 800 W, over two hours at most 600 W.
     */
    private static WithScales model() {
        List<ExpectedRange> hours = new ArrayList<>(Collections.nCopies(24, new ExpectedRange(100, 4000)));
        return new WithScales(new HourlyEnvelope(hours, "test"), List.of(
                scale(10, 3000), scale(60, 800), scale(120, 600)));
    }

    private static LevelScale scale(int minutes, double highWatts) {
        double toWh = minutes / 60.0;
        return new LevelScale(minutes, Collections.nCopies(24, 200 * toWh), Collections.nCopies(24, highWatts * toWh));
    }



    @Test
    void aHeaterTooSmallForTenMinutesInABusyHourIsRaisedOnceItHasHeldItsLevelForAnHour() {
        // 2 h of 300 W, then a 2 kW heater for 90 min, then 300 W again
        Replay.Result result = Replay.run(detector, model(),
                Minutes.readings(ZONE, "2026-01-05T17:00", Minutes.runs(120, 300, 90, 2300, 60, 300)));

        assertThat(result.alerts()).hasSize(1);
        Replay.Alert alert = result.alerts().get(0);
        assertThat(alert.raisedAt()).as("once the 60-min window holds 2.3 kW, not at 10 minutes")
                .isAfter(LocalDateTime.parse("2026-01-05T19:50")).isBefore(LocalDateTime.parse("2026-01-05T20:02"));
        assertThat(alert.resolvedAt()).as("ends with the heater, within the dip allowance")
                .isEqualTo(LocalDateTime.parse("2026-01-05T20:32"));
    }

    @Test
    void tenMinutesAtThreeKilowattsIsUsualHereAndRaisesNothing() {
        Replay.Result result = Replay.run(detector, model(),
                Minutes.readings(ZONE, "2026-01-05T17:00",
                        Minutes.runs(120, 300, 12, 2900, 60, 300, 15, 2800, 60, 300)));
        assertThat(result.alerts()).isEmpty();
    }

    @Test
    void aLevelFarAboveEvenTheTenMinuteRangeIsRaisedAtTenMinutes() {
        Replay.Result result = Replay.run(detector, model(),
                Minutes.readings(ZONE, "2026-01-05T17:00", Minutes.runs(120, 300, 30, 5000, 30, 300)));
        assertThat(result.alerts()).hasSize(1);
        assertThat(result.alerts().get(0).raisedAt()).isBefore(LocalDateTime.parse("2026-01-05T19:11"));
    }

    @Test
    void longerWindowsAreJudgedOnlyOnceTheReadingsCoverThemAfterAGap() {
        // a heater on from the first reading: the 60-min scale needs an hour of readings first
        Replay.Result shortRun = Replay.run(detector, model(),
                Minutes.readings(ZONE, "2026-01-05T17:00", Minutes.runs(50, 2300)));
        assertThat(shortRun.alerts()).as("not an hour of readings yet").isEmpty();
        Replay.Result longRun = Replay.run(detector, model(),
                Minutes.readings(ZONE, "2026-01-05T17:00", Minutes.runs(62, 2300)));
        assertThat(longRun.alerts()).hasSize(1);
    }

    @Test
    void aLoadSwitchedOffEndsTheAlertOnceItHasBeenOffLongerThanTheDipAllowance() {
        // every scale's level is a lowest level, so it falls as soon as the load is gone for longer than the dip
        Replay.Result result = Replay.run(detector, model(),
                Minutes.readings(ZONE, "2026-01-05T17:00", Minutes.runs(120, 300, 40, 5000, 30, 300)));
        assertThat(result.alerts()).hasSize(1);
        assertThat(result.alerts().get(0).resolvedAt()).as("off at 19:40: one minute of allowance, then ended")
                .isEqualTo(LocalDateTime.parse("2026-01-05T19:42"));
    }

    @Test
    void aLoadThatPausesForNoLongerThanTheDipAllowanceStaysOneAlert() {
        Replay.Result result = Replay.run(detector, model(),
                Minutes.readings(ZONE, "2026-01-05T17:00",
                        Minutes.runs(120, 300, 20, 5000, 1, 300, 20, 5000, 1, 300, 20, 5000, 30, 300)));
        assertThat(result.alerts()).hasSize(1);
        assertThat(result.alerts().get(0).resolvedAt()).isEqualTo(LocalDateTime.parse("2026-01-05T20:04"));
    }
}
