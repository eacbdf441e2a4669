package org.wattwatch.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wattwatch.agent.AgentApplication;
import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.detection.DetectorSettings;
import org.wattwatch.detection.Replay;
import org.wattwatch.envelope.LevelScale;
import org.wattwatch.envelope.ModelManifest;
import org.wattwatch.envelope.ModelPackage;
import org.wattwatch.envelope.Models;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.scoring.ScoringApplication;

/**
 * The backtest tells an owner what the service would have done: a history with a heater, kettles and
 * a cooking hour, played by the real sensor agent (replay source) into the broker and scored by the
 * real scoring service with a model that judges at several level scales, gives on
 * {@code power.anomalies} exactly the events that replaying the same readings through the detector
 * gives.
 */
class BacktestEquivalenceIT {

    private static final String ZONE = "Europe/Paris";
    private static final int MINUTES = 10 * 60;

    private static EmbeddedSystem system;
    private static Path model;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("wattwatch-equivalence");
        model = dir.resolve("scaled.zip");
        writeScaledModel(model);
        Path history = dir.resolve("evening.csv");
        Files.writeString(history, history());
        system = new EmbeddedSystem();
        system.start(ScoringApplication.builder(), "--wattwatch.scoring.zone=" + ZONE,
                "--wattwatch.scoring.model=file:" + model,
                "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("wattwatch-eq-streams"));
        system.start(AgentApplication.builder(), "--wattwatch.agent.zone=" + ZONE, "--wattwatch.agent.source=replay",
                "--wattwatch.agent.replay.file=" + history, "--wattwatch.agent.replay.speed=20000",
                "--wattwatch.agent.agent-id=eq-agent", "--wattwatch.agent.meters[0].id=home",
                "--wattwatch.agent.spool.dir=" + Files.createTempDirectory("wattwatch-eq-spool"));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    /**
     * Ten hours of minutes from 14:00: a noisy 300 W base, kettles, 20 minutes of cooking at 2.5 kW, and a
     * 2 kW heater from 18:10 for 100 minutes that pauses for a minute once.
     */
    private static String history() {
        Random random = new Random(3);
        StringBuilder csv = new StringBuilder("timestamp,w\n");
        LocalDateTime start = LocalDateTime.parse("2026-01-05T14:00");
        for (int m = 0; m < MINUTES; m++) {
            double w = 280 + 60 * random.nextDouble();
            if (m % 97 < 3) {
                w += 2200; // a kettle
            }
            if (m >= 150 && m < 170) {
                w += 2500; // cooking
            }
            if (m >= 250 && m < 350 && m != 300) {
                w += 2000; // the heater, its thermostat pausing once
            }
            csv.append(start.plusMinutes(m)).append(',').append(String.format(Locale.ROOT, "%.1f", w)).append('\n');
        }
        return csv.toString();
    }

    /** The trained test package, with level scales a busy evening home would have. */
    private static void writeScaledModel(Path out) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = BacktestEquivalenceIT.class.getResourceAsStream("/models/seed-like-gbm.zip");
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        ModelManifest m = EventJson.mapper().readerFor(ModelManifest.class)
                .without(tools.jackson.databind.DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .readValue(entries.get("model.json"));
        List<LevelScale> scales = List.of(scale(10, 3200), scale(30, 1500), scale(60, 900));
        byte[] low = entries.get("low.zip");
        byte[] high = entries.get("high.zip");
        ModelManifest scaled = new ModelManifest(m.formatVersion(), m.kind(),
                ModelPackage.versionOf(low, high, m.windowMinutes(), m.lowExtension(), m.highExtension(),
                        m.baseLowWh(), m.baseHighWh(), scales),
                m.createdAt(), m.windowMinutes(), m.features(), m.lowQuantile(), m.highQuantile(), m.fitQuantiles(),
                m.lowExtension(), m.highExtension(), m.baseLowWh(), m.baseHighWh(), m.threshold(), m.training(),
                m.backtest(), 2.0, "level", scales);
        try (OutputStream file = Files.newOutputStream(out)) {
            ModelPackage.write(file, scaled, low, high);
        }
    }

    private static LevelScale scale(int minutes, double highWatts) {
        double toWh = minutes / 60.0;
        return new LevelScale(minutes, Collections.nCopies(24, 300 * toWh), Collections.nCopies(24, highWatts * toWh));
    }

    @Test
    void theServiceRaisesExactlyTheAlertsTheBacktestReplays() throws Exception {
        List<MeterReading> readings = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumer(Topics.READINGS)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> readings.add(EventJson.read(r.value(),
                        MeterReading.class)));
                return readings.size() >= MINUTES;
            });
        }
        // what the backtest says of the agent's own readings, with the service's default settings
        Replay.Result backtest = Replay.run(new AnomalyDetector(ZoneId.of(ZONE),
                DetectorSettings.of(1.0, DetectorSettings.DEFAULT_WINDOW)), Models.read(model), readings);
        assertThat(backtest.alerts()).as("the heater is raised, the kettles and cooking are not").hasSize(1);
        assertThat(backtest.alerts().get(0).raisedAt()).isAfter(LocalDateTime.parse("2026-01-05T18:10"));

        List<Anomaly> service = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumer(Topics.ANOMALIES)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> service.add(EventJson.read(r.value(), Anomaly.class)));
                return service.size() >= backtest.events().size();
            });
            assertThat(consumer.poll(Duration.ofSeconds(2)).count()).as("nothing more").isZero();
        }
        assertThat(service).isEqualTo(backtest.events());
    }

    private static Consumer<String, byte[]> consumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", system.broker.getBrokersAsString(),
                "group.id", "eq-" + topic,
                "auto.offset.reset", "earliest",
                "isolation.level", "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

}
