package org.wattwatch.scoring.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;

/** The detection rule and the alert lifecycle, on per-minute readings, with the seed envelope. */
class DetectionTopologyTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private TopologyHarness topology;
    private SimpleMeterRegistry registry;
    private TestInputTopic<String, byte[]> readings;
    private TestOutputTopic<String, byte[]> scored;
    private TestOutputTopic<String, byte[]> anomalies;
    private TestOutputTopic<String, byte[]> deadLetters;
    private long sequence;


    @BeforeEach
    void start() {
        topology = new TopologyHarness(PARIS);
        registry = topology.registry;
        readings = topology.readings;
        scored = topology.scored;
        anomalies = topology.anomalies;
        deadLetters = topology.deadLetters;
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    private static Instant paris(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    /** One reading per minute at the given mean power. */
    private void minutes(Instant from, int count, double watts) {
        for (int i = 0; i < count; i++) {
            Instant start = from.plusSeconds(60L * i);
            double wh = watts / 60;
            readings.pipeInput("main", EventJson.write(new MeterReading(1, "main", start, start.plusSeconds(60), wh,
                    Math.round(wh), "test", sequence++)));
        }
    }

    private List<Anomaly> events() {
        return anomalies.readValuesToList().stream().map(v -> EventJson.read(v, Anomaly.class)).toList();
    }

    @Test
    void aHeaterLeftOnAtNightIsRaisedWithinTheWindowStaysOneAlertAndIsResolvedWhenOff() {
        Instant heaterOn = paris("2026-01-05T03:30");
        Instant heaterOff = paris("2026-01-05T05:30");
        minutes(paris("2026-01-05T03:00"), 30, 150);
        minutes(heaterOn, 120, 2150);
        minutes(heaterOff, 30, 150);

        List<Anomaly> events = events();
        assertThat(events).extracting(Anomaly::state).first().isEqualTo(AnomalyState.RAISED);
        assertThat(events).extracting(Anomaly::state).last().isEqualTo(AnomalyState.RESOLVED);
        assertThat(events).filteredOn(e -> e.state() == AnomalyState.RAISED).hasSize(1);
        assertThat(events).filteredOn(e -> e.state() == AnomalyState.RESOLVED).hasSize(1);
        assertThat(events).extracting(Anomaly::alertId).containsOnly(events.get(0).alertId());

        Anomaly raised = events.get(0);
        assertThat(raised.intervalEnd()).as("raised within one window of the heater going on")
                .isBefore(heaterOn.plus(Duration.ofMinutes(15)));
        assertThat(Duration.between(raised.intervalStart(), raised.intervalEnd())).isEqualTo(Duration.ofMinutes(15));
        assertThat(raised.localStart().toLocalDate()).isEqualTo(LocalDateTime.parse("2026-01-05T03:30").toLocalDate());
        assertThat(events).filteredOn(e -> e.state() == AnomalyState.ONGOING).hasSizeBetween(6, 8);

        Anomaly resolved = events.get(events.size() - 1);
        assertThat(resolved.intervalEnd()).as("resolved within one window of the heater going off")
                .isBefore(heaterOff.plus(Duration.ofMinutes(15)));
        assertThat(resolved.excessWh()).as("about 2 h of 2 kW above normal").isBetween(3000.0, 4300.0);
        assertThat(registry.get("wattwatch.scoring.anomalies.raised").counter().count()).isEqualTo(1);
        assertThat(registry.get("wattwatch.scoring.anomalies.resolved").counter().count()).isEqualTo(1);

        List<ScoredReading> out = scored.readValuesToList().stream().map(v -> EventJson.read(v, ScoredReading.class))
                .toList();
        assertThat(out).hasSize(180);
        assertThat(out.get(10).anomaly()).isFalse();
        assertThat(out.get(100).anomaly()).isTrue();
        assertThat(out.get(179).anomaly()).isFalse();
    }

    @Test
    void afterAStartAVerdictNeedsHalfAWindowAndAKettleStillDoesNotCount() {
        minutes(paris("2026-01-05T03:00"), 2, 150);
        minutes(paris("2026-01-05T03:02"), 2, 2150); // a kettle right after the meter starts
        minutes(paris("2026-01-05T03:04"), 20, 150);
        assertThat(events()).isEmpty();

        Instant heaterMeterStart = paris("2026-01-05T04:00");
        MeterReading first = new MeterReading(1, "heater", heaterMeterStart, heaterMeterStart.plusSeconds(60), 36, 36,
                "test", 0);
        readings.pipeInput("heater", EventJson.write(first));
        for (int m = 1; m < 20; m++) {
            Instant s = heaterMeterStart.plusSeconds(60L * m);
            readings.pipeInput("heater", EventJson.write(new MeterReading(1, "heater", s, s.plusSeconds(60), 36, 36,
                    "test", m)));
        }
        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(AnomalyState.RAISED);
            assertThat(e.intervalEnd()).as("half a window after the start").isEqualTo(heaterMeterStart.plusSeconds(8 * 60));
        });
    }

    @Test
    void aKettlesTwoMinutesAtNightAreNotAnAnomaly() {
        minutes(paris("2026-01-05T03:40"), 20, 150);
        minutes(paris("2026-01-05T04:00"), 2, 2150);
        minutes(paris("2026-01-05T04:02"), 30, 150);

        assertThat(events()).isEmpty();
    }

    @Test
    void hourOfDayFollowsTheHomesClockAcrossBothDstChanges() {
        // 2026-03-29 02:00 CET becomes 03:00 CEST; 2026-10-25 03:00 CEST becomes 02:00 CET
        List<Instant> starts = List.of(Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
                Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"),
                Instant.parse("2026-10-25T02:00:00Z"));
        for (Instant start : starts) {
            readings.pipeInput("dst", EventJson.write(new MeterReading(1, "dst", start, start.plusSeconds(3600), 100,
                    100, "test", sequence++)));
        }
        assertThat(scored.readValuesToList().stream().map(v -> EventJson.read(v, ScoredReading.class).expectedHighWh()))
                // local hours 1, 3 | 2, 2 (the repeated hour), 3 - seed highs 346, 361 | 390, 390, 361
                .containsExactly(346.0, 361.0, 390.0, 390.0, 361.0);
    }

    @Test
    void aLateReadingIsJudgedAloneAndCounted() {
        Instant nine = paris("2026-01-05T09:00");
        Instant four = paris("2026-01-05T04:00");
        readings.pipeInput("main", EventJson.write(new MeterReading(1, "main", nine, nine.plusSeconds(3600), 150, 150,
                "test", 1)));
        readings.pipeInput("main", EventJson.write(new MeterReading(1, "main", four, four.plusSeconds(3600), 1500, 1500,
                "test", 2)));

        List<Anomaly> events = events();
        assertThat(events).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AnomalyState.RAISED);
            assertThat(a.localStart()).isEqualTo(LocalDateTime.parse("2026-01-05T04:00"));
            assertThat(a.expectedHighWh()).isEqualTo(363);
        });
        assertThat(registry.get("wattwatch.scoring.readings.late").counter().count()).isEqualTo(1);
    }
}
