package org.wattwatch.scoring.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wattwatch.model.alert.AlertKind;
import org.wattwatch.model.alert.Anomaly;
import org.wattwatch.model.alert.AnomalyState;
import org.wattwatch.model.json.EventJson;
import org.wattwatch.model.reading.MeterReading;

/** A meter that stops sending is told as silent, once, and its next reading ends that alert. */
class SilentMeterTopologyTest {

    private final TopologyHarness topology = new TopologyHarness(ZoneId.of("Europe/Paris"));
    private long sequence;

    @AfterEach
    void stop() {
        topology.close();
    }

    private void reading(String meter, Instant start) {
        topology.readings.pipeInput(meter, EventJson.write(new MeterReading(1, meter, start, start.plusSeconds(60), 5,
                5, "test", sequence++)));
    }

    private List<Anomaly> events() {
        return topology.anomalies.readValuesToList().stream().map(v -> EventJson.read(v, Anomaly.class)).toList();
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
}
