package org.wattwatch.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.wattwatch.agent.AgentApplication;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.notifier.NotifierApplication;
import org.wattwatch.notifier.mqtt.MosquittoBroker;
import org.wattwatch.notifier.mqtt.RetainedMessages;
import org.wattwatch.scoring.ScoringApplication;
import org.wattwatch.topics.TopicReplay;

/**
 * The energy Home Assistant's Energy dashboard is given, from a simulated meter through scoring and the
 * notifier to a real mosquitto: equal to the sum of the meter's readings after a restart of the scoring
 * service, a restart of the notifier and readings sent a second time, and never lower than before.
 */
class HomeAssistantEnergyIT {

    private static final String ENERGY = "wattwatch/main/energy";

    @Test
    void theEnergyTotalIsTheSumOfTheReadingsAcrossRestartsAndAReplayAndNeverGoesBack() throws Exception {
        MosquittoBroker.assumeInstalled();
        Path spool = Files.createTempDirectory("wattwatch-ha-spool");
        String[] scoring = {"--spring.kafka.streams.state-dir=" + Files.createTempDirectory("wattwatch-ha-streams")};
        try (EmbeddedSystem system = new EmbeddedSystem();
                MosquittoBroker mqtt = MosquittoBroker.anonymous();
                RetainedMessages ha = RetainedMessages.follow(mqtt.tcpUrl(), null, null, "wattwatch/#")) {
            String[] notifier = {"--wattwatch.notifier.mqtt.enabled=true", "--wattwatch.notifier.mqtt.url=" + mqtt.tcpUrl()};
            ConfigurableApplicationContext firstScoring = system.start(ScoringApplication.builder(), scoring);
            ConfigurableApplicationContext firstNotifier = system.start(NotifierApplication.builder(), notifier);
            ConfigurableApplicationContext agent = system.start(AgentApplication.builder(),
                    "--wattwatch.agent.interval=1s", "--wattwatch.agent.agent-id=pi",
                    "--wattwatch.agent.meters[0].id=main", "--wattwatch.agent.spool.dir=" + spool);
            await().atMost(Duration.ofMinutes(2)).until(() -> ha.payload(ENERGY) != null);

            firstScoring.close();
            system.start(ScoringApplication.builder(), scoring);
            int before = ha.payloads(ENERGY).size();
            await().atMost(Duration.ofMinutes(2)).until(() -> ha.payloads(ENERGY).size() > before + 2);

            firstNotifier.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> "offline".equals(ha.payload("wattwatch/status")));
            system.start(NotifierApplication.builder(), notifier);
            await().atMost(Duration.ofMinutes(1)).until(() -> "online".equals(ha.payload("wattwatch/status")));
            int afterRestart = ha.payloads(ENERGY).size();
            await().atMost(Duration.ofMinutes(1)).until(() -> ha.payloads(ENERGY).size() > afterRestart + 2);

            sendAgain(system, readings(system).subList(0, 5)); // a replay: readings the scoring service counted
            double sent = agent.getBean(MeterRegistry.class).counter("wattwatch.agent.readings.sent").count();
            await().atMost(Duration.ofMinutes(1)).until(() -> agent.getBean(MeterRegistry.class)
                    .counter("wattwatch.agent.readings.sent").count() > sent + 2);
            agent.close();

            Map<Instant, MeterReading> distinct = new TreeMap<>();
            readings(system).forEach(r -> distinct.putIfAbsent(r.intervalStart(), r));
            String sum = BigDecimal.valueOf(distinct.values().stream().mapToDouble(MeterReading::wh).sum())
                    .movePointLeft(3).setScale(3, RoundingMode.HALF_UP).toPlainString();
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(ha.payload(ENERGY)).isEqualTo(sum));
            assertThat(ha.payloads(ENERGY).stream().map(BigDecimal::new).toList()).as("never backwards").isSorted();
        }
    }

    /** Every reading on power.readings, in order (one partition per meter). */
    private static List<MeterReading> readings(EmbeddedSystem system) {
        List<MeterReading> readings = new ArrayList<>();
        TopicReplay.readAll(Map.of("bootstrap.servers", system.broker.getBrokersAsString(),
                "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer(),
                Topics.READINGS, Duration.ofSeconds(30), r -> {
                    MeterReading reading = EventJson.read(r.value(), MeterReading.class);
                    if (reading.meterId().equals("main")) {
                        readings.add(reading);
                    }
                }, (r, e) -> {
                    throw e;
                });
        return readings;
    }

    private static void sendAgain(EmbeddedSystem system, List<MeterReading> readings) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                system.broker.getBrokersAsString()), new StringSerializer(), new ByteArraySerializer())) {
            for (MeterReading r : readings) {
                producer.send(new ProducerRecord<>(Topics.READINGS, r.meterId(), EventJson.write(r))).get();
            }
        }
    }
}
