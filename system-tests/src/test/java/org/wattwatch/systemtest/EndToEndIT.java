package org.wattwatch.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.wattwatch.access.OwnerClient;
import org.wattwatch.agent.AgentApplication;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.notifier.NotifierApplication;
import org.wattwatch.scoring.ScoringApplication;

/**
 * The foundation's promise, on a real broker: a reading sent like {@code ./wattwatch send} is
 * scored, an unusual one becomes an alert in the notifier's API, a usual one does not, and the
 * sensor agent's own readings flow through the same path.
 */
class EndToEndIT {

    private static final String ZONE = "Europe/Paris";

    private static EmbeddedSystem system;
    private static int notifierPort;

    @BeforeAll
    static void start() throws Exception {
        system = new EmbeddedSystem();
        system.start(ScoringApplication.builder(), "--wattwatch.scoring.zone=" + ZONE,
                "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("wattwatch-e2e-streams"));
        notifierPort = EmbeddedSystem.port(system.start(NotifierApplication.builder()));
        system.start(AgentApplication.builder(), "--wattwatch.agent.zone=" + ZONE, "--wattwatch.agent.interval=1s",
                "--wattwatch.agent.agent-id=e2e-agent", "--wattwatch.agent.meters[0].id=simulated",
                "--wattwatch.agent.spool.dir=" + Files.createTempDirectory("wattwatch-e2e-spool"));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    private static List<Map<String, Object>> alerts() {
        return OwnerClient.create("http://127.0.0.1:" + notifierPort).get().uri("/api/alerts").retrieve()
                .body(new ParameterizedTypeReference<>() { });
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnusualReadingBecomesAnAlertAndAUsualOneDoesNot() {
        system.send("main", "2026-01-05T09:00", 150, ZONE);
        system.send("main", "2026-01-05T04:00", 1500, ZONE);

        // same meter, same partition: once the 04:00 alert is there, the 09:00 reading was scored before it
        await().atMost(Duration.ofSeconds(90)).until(() -> !alerts().isEmpty());
        List<Map<String, Object>> alerts = alerts();
        assertThat(alerts).hasSize(1);
        Map<String, Object> anomaly = (Map<String, Object>) alerts.get(0).get("anomaly");
        assertThat(anomaly).containsEntry("meterId", "main").containsEntry("localStart", "2026-01-05T04:00:00")
                .containsEntry("zone", ZONE).containsEntry("expectedHighWh", 363.0);
        // an hour of 5 January 2026 told later than that: the text gives its day
        assertThat(alerts.get(0).get("message").toString()).contains("1500 Wh in the hour from Mon 5 Jan")
                .contains(" at 04:00");
        // recorded PENDING when queued, DELIVERED once the log channel has it
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts().get(0).get("deliveries").toString()
                .contains("RAISED/log={outcome=DELIVERED"));

        List<ScoredReading> main = scored().stream().filter(s -> s.reading().meterId().equals("main")).toList();
        assertThat(main).extracting(ScoredReading::anomaly).containsExactly(false, true);
    }

    @Test
    void theSensorAgentsReadingsAreScored() {
        List<ScoredReading> seen = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = scoredConsumer("agent-check")) {
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(500))
                        .forEach(r -> seen.add(EventJson.read(r.value(), ScoredReading.class)));
                return seen.stream().anyMatch(s -> s.reading().agentId().equals("e2e-agent"));
            });
        }
        ScoredReading fromAgent = seen.stream().filter(s -> s.reading().agentId().equals("e2e-agent")).findFirst()
                .orElseThrow();
        assertThat(fromAgent.reading().meterId()).isEqualTo("simulated");
        assertThat(fromAgent.reading().duration()).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(fromAgent.modelVersion()).startsWith("seed-envelope-");
    }

    private static List<ScoredReading> scored() {
        List<ScoredReading> seen = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = scoredConsumer("main-check")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500))
                        .forEach(r -> seen.add(EventJson.read(r.value(), ScoredReading.class)));
                return seen.stream().filter(s -> s.reading().meterId().equals("main")).count() >= 2;
            });
        }
        return seen;
    }

    private static Consumer<String, byte[]> scoredConsumer(String group) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", system.broker.getBrokersAsString(),
                "group.id", group,
                "auto.offset.reset", "earliest",
                "isolation.level", "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.SCORED));
        return consumer;
    }
}
