package org.wattwatch.scoring.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.event.topic.Topics;

class ScoringTopologyTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private TopologyHarness topology;
    private SimpleMeterRegistry registry;
    private TestInputTopic<String, byte[]> readings;
    private TestOutputTopic<String, byte[]> scored;
    private TestOutputTopic<String, byte[]> anomalies;
    private TestOutputTopic<String, byte[]> deadLetters;

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

    private static MeterReading hourAt(String localStart, double wh) {
        Instant start = java.time.LocalDateTime.parse(localStart).atZone(PARIS).toInstant();
        return new MeterReading(1, "main", start, start.plusSeconds(3600), wh, (long) wh, "pi-1", 1);
    }

    @Test
    void unusualHourIsScoredAndRaisedOnLocalTime() {
        readings.pipeInput("main", EventJson.write(hourAt("2026-01-05T04:00", 1500)));

        ScoredReading out = EventJson.read(scored.readValue(), ScoredReading.class);
        assertThat(out.score()).isCloseTo(5.4588, within(0.00005));
        assertThat(out.expectedHighWh()).isEqualTo(363);
        assertThat(out.anomaly()).isTrue();

        TestRecord<String, byte[]> record = anomalies.readRecord();
        Anomaly anomaly = EventJson.read(record.value(), Anomaly.class);
        assertThat(record.key()).isEqualTo("main");
        assertThat(anomaly.state()).isEqualTo(AnomalyState.RAISED);
        assertThat(anomaly.localStart()).hasToString("2026-01-05T04:00");
        assertThat(anomaly.zone()).isEqualTo("Europe/Paris");
        assertThat(anomaly.alertId()).isEqualTo(Anomaly.alertIdFor("main", out.reading().intervalStart()));
        assertThat(anomaly.violations()).isEmpty();
    }

    @Test
    void usualHourIsScoredButNotRaised() {
        readings.pipeInput("main", EventJson.write(hourAt("2026-01-05T09:00", 150)));

        assertThat(EventJson.read(scored.readValue(), ScoredReading.class).score()).isCloseTo(0.0194, within(0.00005));
        assertThat(anomalies.isEmpty()).isTrue();
        assertThat(registry.get("wattwatch.scoring.readings.scored").counter().count()).isEqualTo(1);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithReasonAndTheStreamGoesOn() {
        readings.pipeInput("main", "{not json".getBytes(StandardCharsets.UTF_8));
        MeterReading negative = new MeterReading(1, "main", hourAt("2026-01-05T04:00", 0).intervalStart(),
                hourAt("2026-01-05T04:00", 0).intervalEnd(), -5, 0, "pi-1", 2);
        readings.pipeInput("main", EventJson.write(negative));
        readings.pipeInput("other", EventJson.write(hourAt("2026-01-05T04:00", 10)));
        readings.pipeInput("main", EventJson.write(hourAt("2026-01-05T04:00", 200)));

        assertThat(deadLetters.readRecordsToList()).extracting(r -> reason(r))
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("unreadable MeterReading"),
                        r -> assertThat(r).contains("wh: must not be negative"),
                        r -> assertThat(r).contains("differs from meterId"));
        assertThat(scored.readValuesToList()).hasSize(1);
        assertThat(registry.get("wattwatch.scoring.readings.dead.lettered").counter().count()).isEqualTo(3);
    }

    @Test
    void aTopicPrefixMovesEveryTopic() {
        try (TopologyHarness home1 = new TopologyHarness(PARIS, new TopicNames("home1."))) {
            home1.readings.pipeInput("main", EventJson.write(hourAt("2026-01-05T04:00", 1500)));
            home1.readings.pipeInput("main", "not json".getBytes(StandardCharsets.UTF_8));
            assertThat(home1.scored.readValuesToList()).hasSize(1);
            assertThat(home1.anomalies.readValuesToList()).hasSize(1);
            assertThat(home1.deadLetters.readValuesToList()).hasSize(1);
            assertThat(home1.history.readValuesToList()).hasSize(1);
            assertThat(home1.driver.producedTopicNames()).containsExactlyInAnyOrder("home1.power.scored",
                    "home1.power.anomalies", "home1.power.readings.dlq", "home1.power.history",
                    "scoring-test-meter-states-changelog", "scoring-test-history-slots-changelog");
        }
    }

    @Test
    void theHistoryKeepsEachQuarterHourOnceAndNothingOfAReplayOrABadReading() {
        Instant start = java.time.LocalDateTime.parse("2026-01-05T03:00").atZone(PARIS).toInstant();
        java.util.List<byte[]> minutes = new java.util.ArrayList<>();
        for (int m = 0; m < 30; m++) {
            Instant s = start.plusSeconds(60L * m);
            minutes.add(EventJson.write(new MeterReading(1, "main", s, s.plusSeconds(60), 2, 2, "pi", m)));
        }
        minutes.forEach(r -> readings.pipeInput("main", r));
        minutes.subList(0, 20).forEach(r -> readings.pipeInput("main", r)); // sent again
        readings.pipeInput("main", "not json".getBytes(StandardCharsets.UTF_8));

        java.util.List<MeterReading> history = topology.history.readValuesToList().stream()
                .map(b -> EventJson.read(b, MeterReading.class)).toList();
        assertThat(history).extracting(MeterReading::intervalStart).containsExactly(start, start.plusSeconds(900));
        assertThat(history).extracting(MeterReading::wh).containsExactly(30.0, 30.0);
    }

    @Test
    void deadLetterKeepsTheOriginalBytes() {
        byte[] poison = "{\"schemaVersion\":99}".getBytes(StandardCharsets.UTF_8);
        readings.pipeInput("main", poison);
        assertThat(deadLetters.readValue()).isEqualTo(poison);
    }

    private static String reason(TestRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(Topics.DLQ_REASON_HEADER).value(), StandardCharsets.UTF_8);
    }
}
