package org.wattwatch.scoring.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wattwatch.event.alert.AlertKind;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;

/**
 * A meter that stops sending is told as silent, once, and its next reading ends that alert; a meter
 * that keeps sending zeros while its model expects usage is told as dark.
 */
class SilentMeterTopologyTest {

    private final TopologyHarness topology = new TopologyHarness(ZoneId.of("Europe/Paris"));
    private long sequence;

    @AfterEach
    void stop() {
        topology.close();
    }

    private void reading(String meter, Instant start) {
        reading(meter, start, 5);
    }

    private void reading(String meter, Instant start, double wh) {
        topology.readings.pipeInput(meter, EventJson.write(new MeterReading(1, meter, start, start.plusSeconds(60), wh,
                Math.round(wh), "test", sequence++)));
    }

    private void readingWithSpool(String meter, Instant start, double spoolUse) {
        topology.readings.pipeInput(meter, EventJson.write(new MeterReading(1, meter, start, start.plusSeconds(60), 5,
                5, "test", sequence++, spoolUse)));
    }

    private List<Anomaly> events() {
        return topology.anomalies.readValuesToList().stream().map(v -> EventJson.read(v, Anomaly.class)).toList();
    }

    /**
     * After an outage the agent's backlog arrives: readings cut while its spool was nearly full raise a
     * spool alert, once, and the first cut with room again resolves it.
     */
    @Test
    void readingsThatComeWithTheAgentsSpoolNearlyFullAreToldOnceAndResolvedWhenItHasRoom() {
        Instant t = Instant.parse("2026-01-05T10:00:00Z");
        readingWithSpool("main", t, 0.5);
        readingWithSpool("main", t.plusSeconds(60), 0.79);
        assertThat(events()).isEmpty();

        readingWithSpool("main", t.plusSeconds(120), 0.8);
        readingWithSpool("main", t.plusSeconds(180), 0.95);
        List<Anomaly> raised = events();
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).kind()).isEqualTo(AlertKind.SPOOL);
        assertThat(raised.get(0).state()).isEqualTo(AnomalyState.RAISED);
        assertThat(raised.get(0).raisedAt()).isEqualTo(t.plusSeconds(180));
        assertThat(raised.get(0).violations()).isEmpty();

        readingWithSpool("main", t.plusSeconds(240), 0.3);
        List<Anomaly> resolved = events();
        assertThat(resolved).hasSize(1);
        assertThat(resolved.get(0).state()).isEqualTo(AnomalyState.RESOLVED);
        assertThat(resolved.get(0).alertId()).isEqualTo(raised.get(0).alertId());
        readingWithSpool("main", t.plusSeconds(300), 0.2);
        assertThat(events()).isEmpty();
        assertThat(topology.registry.get("wattwatch.scoring.meters.spool.nearly.full").counter().count()).isEqualTo(1);
    }

    @Test
    void aMeterThatStopsSendingIsRaisedAsSilentOnceAndResolvedByItsNextReading() {
        Instant t = Instant.parse("2026-01-05T10:00:00Z");
        reading("main", t);
        reading("garage", t);
        topology.driver.advanceWallClockTime(Duration.ofMinutes(10));
        reading("garage", t.plusSeconds(600));
        assertThat(events()).as("ten minutes without a reading is not yet silence").isEmpty();

        topology.driver.advanceWallClockTime(Duration.ofMinutes(6));
        List<Anomaly> raised = events();
        assertThat(raised).hasSize(1);
        Anomaly silent = raised.get(0);
        assertThat(silent.kind()).isEqualTo(AlertKind.SILENT);
        assertThat(silent.state()).isEqualTo(AnomalyState.RAISED);
        assertThat(silent.meterId()).as("garage sent a reading six minutes ago").isEqualTo("main");
        assertThat(silent.violations()).isEmpty();

        topology.driver.advanceWallClockTime(Duration.ofMinutes(30));
        assertThat(events()).as("told once, not every minute").hasSize(1)
                .allMatch(a -> a.meterId().equals("garage") && a.state() == AnomalyState.RAISED);

        reading("main", t.plusSeconds(3600));
        List<Anomaly> back = events();
        assertThat(back).hasSize(1);
        assertThat(back.get(0).kind()).isEqualTo(AlertKind.SILENT);
        assertThat(back.get(0).state()).isEqualTo(AnomalyState.RESOLVED);
        assertThat(back.get(0).alertId()).isEqualTo(silent.alertId());
        assertThat(Duration.between(back.get(0).raisedAt(), back.get(0).intervalEnd()))
                .as("silent from its last reading until this one").isGreaterThanOrEqualTo(Duration.ofMinutes(46));
        assertThat(topology.registry.get("wattwatch.scoring.meters.silent").counter().count()).isEqualTo(2);
    }

    @Test
    void aSensorThatSeesNothingForTwoHoursWhileTheHomeUsuallyUsesPowerIsToldAsDarkOnce() {
        Instant t = Instant.parse("2026-01-05T01:00:00Z"); // 02:00 in Paris: the seed expects at least 109 Wh an hour
        for (int m = 0; m < 10; m++) {
            reading("main", t.plusSeconds(60L * m), 2);
        }
        for (int m = 10; m < 10 + 125; m++) {
            reading("main", t.plusSeconds(60L * m), 0);
        }
        List<Anomaly> raised = events();
        assertThat(raised).hasSize(1);
        Anomaly dark = raised.get(0);
        assertThat(dark.kind()).isEqualTo(AlertKind.DARK);
        assertThat(dark.state()).isEqualTo(AnomalyState.RAISED);
        assertThat(dark.raisedAt()).isEqualTo(t.plusSeconds(600));
        assertThat(Duration.between(dark.intervalStart(), dark.intervalEnd())).isEqualTo(Duration.ofHours(2));
        assertThat(dark.expectedLowWh()).as("what the home usually uses at least in those two hours").isPositive();
        assertThat(dark.violations()).isEmpty();

        reading("main", t.plusSeconds(60L * 135), 3);
        List<Anomaly> back = events();
        assertThat(back).extracting(Anomaly::state).containsExactly(AnomalyState.RESOLVED);
        assertThat(back.get(0).alertId()).isEqualTo(dark.alertId());
        assertThat(topology.registry.get("wattwatch.scoring.meters.dark").counter().count()).isEqualTo(1);
    }

    @Test
    void zerosAreNoAlarmWhereTheModelExpectsNothing() {
        // a meter for a garage socket, whose own model says zero is usual: its zeros are not a dark sensor
        Instant t = Instant.parse("2026-01-05T01:00:00Z");
        TopologyHarness garage = new TopologyHarness(ZoneId.of("Europe/Paris"), "classpath:models/zero-envelope.csv");
        try {
            for (int m = 0; m < 180; m++) {
                garage.readings.pipeInput("garage", EventJson.write(new MeterReading(1, "garage", t.plusSeconds(60L * m),
                        t.plusSeconds(60L * m + 60), 0, 0, "test", m)));
            }
            assertThat(garage.anomalies.readValuesToList()).isEmpty();
        } finally {
            garage.close();
        }
    }
}
