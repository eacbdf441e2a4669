package org.wattwatch.scoring.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ExpectedRange;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.scoring.config.ScoringProperties;
import org.wattwatch.scoring.model.ActiveModel;
import org.wattwatch.scoring.model.ModelSource;

/**
 * No single record stops scoring or spoils a meter: each one the service cannot take goes to the
 * dead-letter topic with its reason, and the meter's next readings are judged as if it never came.
 */
class BadRecordTopologyTest {

    private static final ZoneId ZONE = ZoneId.of("UTC");

    private TopologyHarness topology;

    @AfterEach
    void stop() {
        if (topology != null) {
            topology.close();
        }
    }

    private static MeterReading minute(String meter, LocalDateTime start, double watts, long sequence) {
        Instant s = start.atZone(ZONE).toInstant();
        return new MeterReading(1, meter, s, s.plusSeconds(60), watts / 60, (long) (watts / 60), "pi", sequence);
    }

    /** Minute readings of {@code watts} from {@code from} on, for {@code minutes} minutes. */
    private void play(String meter, String from, int minutes, double watts) {
        LocalDateTime start = LocalDateTime.parse(from);
        for (int i = 0; i < minutes; i++) {
            topology.readings.pipeInput(meter, EventJson.write(minute(meter, start.plusMinutes(i), watts, i)));
        }
    }

    private static String reason(TestRecord<String, byte[]> dead) {
        return new String(dead.headers().lastHeader(Topics.DLQ_REASON_HEADER).value(), StandardCharsets.UTF_8);
    }

    private List<Anomaly> raised() {
        return topology.anomalies.readValuesToList().stream().map(b -> EventJson.read(b, Anomaly.class))
                .filter(a -> a.state() == AnomalyState.RAISED).toList();
    }

    @Test
    void aReadingDatedAheadOfTheClockIsDeadLetteredAndTheMetersNextHeaterIsStillRaised() {
        topology = new TopologyHarness(ZONE);
        play("main", "2026-01-05T03:00", 20, 150);
        // a Pi clock glitch: a reading a year ahead
        topology.readings.pipeInput("main", EventJson.write(
                minute("main", LocalDateTime.now(ZONE).plusYears(1), 150, 99)));

        TestRecord<String, byte[]> dead = topology.deadLetters.readRecord();
        assertThat(reason(dead)).contains("intervalEnd").contains("ahead of this service's clock");
        assertThat(topology.deadLetters.isEmpty()).isTrue();

        play("main", "2026-01-05T03:20", 20, 3000); // a heater at night, right after
        List<Anomaly> raised = raised();
        assertThat(raised).as("judged in its window, not as a late one-off per reading").hasSize(1);
        assertThat(raised.get(0).intervalEnd()).isBefore(
                LocalDateTime.parse("2026-01-05T03:36").atZone(ZONE).toInstant());
    }

    @Test
    void aMeterIdThatIsNoMeterIdIsDeadLetteredNamingTheField() {
        topology = new TopologyHarness(ZONE);
        String bad = "main\r\n2026-01-05 INFO forged";
        topology.readings.pipeInput(bad, EventJson.write(minute(bad, LocalDateTime.parse("2026-01-05T03:00"), 150, 0)));
        assertThat(reason(topology.deadLetters.readRecord())).contains("meterId").contains("must be a meter id")
                .doesNotContain("\r").doesNotContain("\n");
        assertThat(topology.scored.isEmpty()).isTrue();
    }

    @Test
    void meterIdsBeyondTheLimitAreDeadLetteredAndTheKnownMetersGoOn() {
        ScoringProperties properties = ScoringProperties.of(ZONE, 1.0, "classpath:models/seed-envelope.csv")
                .withMaxMeters(2);
        topology = new TopologyHarness(ZONE, new TopicNames(""), properties, null);
        play("kitchen", "2026-01-05T03:00", 2, 150);
        play("garage", "2026-01-05T03:00", 2, 150);
        play("made-up-1", "2026-01-05T03:00", 1, 150);
        play("made-up-2", "2026-01-05T03:00", 1, 150);
        play("kitchen", "2026-01-05T03:02", 1, 150);

        List<TestRecord<String, byte[]>> dead = topology.deadLetters.readRecordsToList();
        assertThat(dead).extracting(TestRecord::key).containsExactly("made-up-1", "made-up-2");
        assertThat(reason(dead.get(0))).contains("one meter more than this service keeps (2, "
                + "wattwatch.scoring.max-meters)");
        assertThat(topology.scored.readValuesToList()).as("the two known meters, every reading").hasSize(5);
        assertThat(topology.registry.find("wattwatch.scoring.reading.wh").gauges()).as("gauges for known meters only")
                .hasSize(2);
    }

    @Test
    void aReadingLongerThanAWeekIsDeadLettered() {
        topology = new TopologyHarness(ZONE);
        Instant start = Instant.parse("1970-01-01T00:00:00Z");
        topology.readings.pipeInput("main", EventJson.write(
                new MeterReading(1, "main", start, Instant.parse("2026-01-05T00:00:00Z"), 10, 10, "pi", 0)));
        assertThat(reason(topology.deadLetters.readRecord())).contains("intervalEnd").contains("at most PT168H");
    }

    @Test
    void aReadingScoringThrowsOnIsDeadLetteredAndTheNextOneIsScored() {
        ScoringProperties properties = ScoringProperties.of(ZONE, 1.0, "classpath:models/seed-envelope.csv");
        EnvelopeModel seed = new ActiveModel(properties, new DefaultResourceLoader()).get();
        EnvelopeModel brokenAtFive = new EnvelopeModel() {
            @Override
            public ExpectedRange expected(LocalDateTime localStart, Duration length) {
                if (localStart.getHour() == 5) {
                    throw new IllegalStateException("no range for 05:00");
                }
                return seed.expected(localStart, length);
            }

            @Override
            public String version() {
                return "broken-at-five";
            }
        };
        ModelSource models = meter -> brokenAtFive;
        topology = new TopologyHarness(ZONE, new TopicNames(""), properties, models);

        play("main", "2026-01-05T04:50", 20, 150); // 04:50-05:10: the readings from 05:00 throw

        List<TestRecord<String, byte[]>> dead = topology.deadLetters.readRecordsToList();
        assertThat(dead).isNotEmpty().allSatisfy(d -> assertThat(reason(d))
                .startsWith("cannot be scored: java.lang.IllegalStateException: no range for 05:00"));
        assertThat(topology.scored.readValuesToList()).as("every other reading scored")
                .hasSize(20 - dead.size());
        assertThat(topology.registry.get("wattwatch.scoring.readings.dead.lettered").counter().count())
                .isEqualTo(dead.size());

        play("main", "2026-01-05T07:00", 5, 150); // and the stream goes on
        assertThat(topology.scored.readValuesToList()).hasSize(5);
    }
}
