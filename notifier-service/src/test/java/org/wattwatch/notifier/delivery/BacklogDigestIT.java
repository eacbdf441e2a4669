package org.wattwatch.notifier.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.notifier.NotifierApplication;
import org.wattwatch.access.OwnerClient;
import org.wattwatch.notifier.TestAnomalies;

/**
 * After an outage the alerts of the hours missed arrive at once: the first few are told one by one, the
 * rest in one digest once they stop coming, and an alert of now is told at once, as ever.
 */
@SpringBootTest(classes = NotifierApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {OwnerClient.SETTING, "spring.config.name=" + NotifierApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "wattwatch.topics.partitions=1",
                "wattwatch.notifier.channels.webhook.enabled=true",
                "wattwatch.notifier.backlog-burst=2", "wattwatch.notifier.backlog-quiet=3s"})
@EmbeddedKafka(partitions = 1)
class BacklogDigestIT {

    @RegisterExtension
    static WireMockExtension webhook = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @DynamicPropertySource
    static void webhookUrl(DynamicPropertyRegistry registry) {
        registry.add("wattwatch.notifier.channels.webhook.url", () -> webhook.baseUrl() + "/hook");
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    /** A night of a day that has passed: hours of it, each its own alert on its own meter. */
    private static Anomaly lateAlert(int i) {
        return TestAnomalies.at("backlog-" + i, AnomalyState.RAISED, LocalDateTime.parse("2026-01-05T01:00").plusHours(i),
                Duration.ZERO, 1500, 5.4588);
    }

    @SuppressWarnings("unchecked")
    private String outcome(Anomaly anomaly, String delivery) {
        Map<String, Object> alert = OwnerClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/alerts/{id}", anomaly.alertId()).retrieve()
                .onStatus(s -> s.value() == 404, (req, res) -> { })
                .body(new ParameterizedTypeReference<Map<String, Object>>() { });
        if (alert == null || !alert.containsKey("deliveries")) {
            return "NONE";
        }
        var deliveries = (Map<String, Map<String, Object>>) alert.get("deliveries");
        return deliveries.containsKey(delivery) ? String.valueOf(deliveries.get(delivery).get("outcome")) : "NONE";
    }

    private List<String> bodies() {
        return webhook.getAllServeEvents().stream().map(ServeEvent::getRequest).map(r -> r.getBodyAsString())
                .toList();
    }

    @Test
    void aBacklogIsToldAsAFewAlertsAndOneDigestWhileAnAlertOfNowIsToldAtOnce() throws Exception {
        webhook.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
        List<Anomaly> backlog = IntStream.range(0, 6).mapToObj(BacklogDigestIT::lateAlert).toList();
        Anomaly now = TestAnomalies.at("now", AnomalyState.RAISED,
                LocalDateTime.now(TestAnomalies.ZONE).truncatedTo(ChronoUnit.MINUTES).minusHours(1), Duration.ZERO,
                1500, 5.4588);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Anomaly a : backlog.subList(0, 4)) {
                producer.send(new ProducerRecord<>(Topics.ANOMALIES, a.meterId(), EventJson.write(a))).get();
            }
            producer.send(new ProducerRecord<>(Topics.ANOMALIES, now.meterId(), EventJson.write(now))).get();
            for (Anomaly a : backlog.subList(4, 6)) {
                producer.send(new ProducerRecord<>(Topics.ANOMALIES, a.meterId(), EventJson.write(a))).get();
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> backlog.stream()
                .allMatch(a -> outcome(a, "RAISED/webhook").equals("DELIVERED")));
        await().atMost(Duration.ofSeconds(30)).until(() -> outcome(now, "RAISED/webhook").equals("DELIVERED"));
        List<String> bodies = bodies();
        assertThat(bodies).as("2 late alerts one by one, the alert of now, one digest of the other 4").hasSize(4);
        List<String> digests = bodies.stream().filter(b -> b.contains("\"event\":\"DIGEST\"")).toList();
        assertThat(digests).hasSize(1);
        String digest = digests.get(0);
        for (Anomaly a : backlog.subList(2, 6)) {
            assertThat(digest).contains("\"meterId\":\"" + a.meterId() + "\"");
        }
        assertThat(digest).contains("4 alerts came in (4 still open)").contains("Mon 5 Jan at 03:00")
                .doesNotContain("\"meterId\":\"now\"");
        assertThat(bodies.stream().filter(b -> b.contains("\"event\":\"RAISED\"")).count()).isEqualTo(3);
        assertThat(outcome(backlog.get(5), "RAISED/log")).isEqualTo("DELIVERED");
    }
}
