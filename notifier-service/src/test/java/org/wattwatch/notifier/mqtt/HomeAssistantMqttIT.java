package org.wattwatch.notifier.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.notifier.TestAnomalies;
import org.wattwatch.notifier.delivery.AlertBook;
import org.wattwatch.notifier.delivery.TestNotifiers;

import tools.jackson.databind.json.JsonMapper;

/**
 * The notifier as a Home Assistant device on a real mosquitto: discovery, states through an alert's
 * lifecycle, the snooze button, availability on a stop and on a lost connection, and a broker that asks
 * for a password or speaks TLS.
 */
@EmbeddedKafka(partitions = 1)
class HomeAssistantMqttIT {

    private static final TopicNames TOPICS = new TopicNames("");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant START = Instant.parse("2026-01-05T03:00:00Z");
    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void broker(EmbeddedKafkaBroker embedded) {
        MosquittoBroker.assumeInstalled();
        kafka = embedded;
    }

    private static ConfigurableApplicationContext notifier(String url, String... more) {
        List<String> settings = new java.util.ArrayList<>(List.of("--wattwatch.notifier.mqtt.enabled=true",
                "--wattwatch.notifier.mqtt.url=" + url, "--wattwatch.notifier.mqtt.client-id=n-" + System.nanoTime()));
        settings.addAll(List.of(more));
        return TestNotifiers.startOn(kafka, settings.toArray(String[]::new));
    }

    /** The states listener reads from the end: a record is only seen once it has its partition. */
    private static void awaitFollowing(ConfigurableApplicationContext notifier) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var container = notifier.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer("homeassistant-states");
            return container != null && container.getAssignedPartitions() != null
                    && !container.getAssignedPartitions().isEmpty();
        });
    }

    private static void send(String topic, String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static ScoredReading minute(String meter, int minute, double wh, double totalWh) {
        Instant start = START.plusSeconds(60L * minute);
        return new ScoredReading(1, new MeterReading(1, meter, start, start.plusSeconds(60), wh, (long) wh, "pi",
                minute), 0.5, 5, (wh - 0.5) / 4.5, wh > 5, "seed").withTotalWh(totalWh);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String payload) {
        return JSON.readValue(payload, Map.class);
    }

    @Test
    void aMeterBecomesADeviceWhoseEntitiesFollowItsReadingsAndItsAlert() throws Exception {
        try (MosquittoBroker mqtt = MosquittoBroker.anonymous();
                RetainedMessages ha = RetainedMessages.follow(mqtt.tcpUrl(), null, null)) {
            ConfigurableApplicationContext notifier = notifier(mqtt.tcpUrl());
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> "online".equals(ha.payload("wattwatch/status")));
                awaitFollowing(notifier);
                send(TOPICS.scored(), "main", EventJson.write(minute("main", 0, 35, 1035)));

                await().atMost(Duration.ofSeconds(30)).until(() -> ha.under("homeassistant/").size() == 10
                        && ha.payload("wattwatch/main/energy") != null);
                ha.under("homeassistant/").forEach((topic, config) -> assertThat(HomeAssistantSchema.problems(
                        HomeAssistantSchema.platformOf(topic), json(config))).as(topic).isEmpty());
                assertThat(json(ha.payload("wattwatch/main/state"))).containsEntry("power", 2100.0)
                        .containsEntry("usual_high", 300.0);
                assertThat(ha.payload("wattwatch/main/energy")).isEqualTo("1.035");
                assertThat(json(ha.payload("wattwatch/main/alert"))).containsEntry("unusual", "OFF");

                // the alert's lifecycle
                Anomaly raised = TestAnomalies.raised("main");
                send(TOPICS.anomalies(), "main", EventJson.write(raised));
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> "ON".equals(json(ha.payload("wattwatch/main/alert")).get("unusual")));
                AlertBook book = notifier.getBean(AlertBook.class);
                assertThat(json(ha.payload("wattwatch/main/alert")))
                        .containsEntry("text", book.get(raised.alertId()).orElseThrow().message())
                        .containsEntry("alert_id", raised.alertId()).containsEntry("kind", "USAGE");

                // HA's snooze button snoozes it, as the dashboard's does
                ha.publish("wattwatch/main/snooze", "PRESS");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> book.get(raised.alertId()).orElseThrow().snoozedUntil() != null);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> json(ha.payload("wattwatch/main/alert")).get("snoozed_until") != null);

                // and says what it was, as the dashboard's buttons do
                ha.publish("wattwatch/main/expected", "PRESS");
                await().atMost(Duration.ofSeconds(30)).until(() -> book.get(raised.alertId()).orElseThrow().feedback()
                        == org.wattwatch.event.learning.AlertFeedback.Label.EXPECTED);

                send(TOPICS.anomalies(), "main", EventJson.write(TestAnomalies.at("main", AnomalyState.RESOLVED,
                        LocalDateTime.parse("2026-01-05T04:00"), Duration.ofHours(1), 200, 0.3)));
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> "OFF".equals(json(ha.payload("wattwatch/main/alert")).get("unusual")));
                assertThat(ha.payloads("wattwatch/main/alert")).extracting(p -> json(p).get("unusual"))
                        .containsSubsequence("OFF", "ON", "OFF");

                // a later reading: the energy goes on from where it was
                send(TOPICS.scored(), "main", EventJson.write(minute("main", 1, 2, 1037)));
                await().atMost(Duration.ofSeconds(30)).until(() -> "1.037".equals(ha.payload("wattwatch/main/energy")));
            } finally {
                notifier.close();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> "offline".equals(ha.payload("wattwatch/status")));

            // what HA finds when it (re)starts: everything retained, the device unavailable
            try (RetainedMessages restartedHa = RetainedMessages.follow(mqtt.tcpUrl(), null, null)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> restartedHa.under("homeassistant/").size() == 10
                        && restartedHa.latest("wattwatch/main/energy") != null
                        && restartedHa.latest("wattwatch/status") != null);
                assertThat(restartedHa.latest("wattwatch/status").payload()).isEqualTo("offline");
                for (String topic : List.of("wattwatch/status", "wattwatch/main/energy", "wattwatch/main/state",
                        "wattwatch/main/alert", "homeassistant/binary_sensor/wattwatch_main/unusual_usage/config")) {
                    assertThat(restartedHa.latest(topic).retained()).as(topic).isTrue();
                }
                assertThat(restartedHa.payload("wattwatch/main/energy")).isEqualTo("1.037");
            }
        }
    }

    @Test
    void aNotifierCutOffWithoutAGoodbyeIsShownUnavailableByItsLastWillAndBackOnceItReconnects() throws Exception {
        try (MosquittoBroker mqtt = MosquittoBroker.anonymous();
                CuttableProxy cable = new CuttableProxy(mqtt.port());
                RetainedMessages ha = RetainedMessages.follow(mqtt.tcpUrl(), null, null, "wattwatch/status");
                ConfigurableApplicationContext notifier = notifier("tcp://127.0.0.1:" + cable.port())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> "online".equals(ha.payload("wattwatch/status")));
            cable.cut();
            await().atMost(Duration.ofSeconds(30)).until(() -> ha.payloads("wattwatch/status").contains("offline"));
            await().atMost(Duration.ofSeconds(60)).until(() -> "online".equals(ha.payload("wattwatch/status")));
            assertThat(ha.payloads("wattwatch/status")).containsSubsequence("online", "offline", "online");
        }
    }

    @Test
    void aBrokerThatIsNotThereYetIsReachedOnceItIsAndHealthSaysSoMeanwhile() throws Exception {
        int port = MosquittoBroker.freePort();
        try (ConfigurableApplicationContext notifier = notifier("tcp://127.0.0.1:" + port)) {
            HealthIndicator health = notifier.getBean("mqtt", HealthIndicator.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().equals(Status.DOWN)
                    && health.health().getDetails().get("error") != null);
            assertThat(notifier.isActive()).as("a missing broker does not stop the notifier").isTrue();
            try (MosquittoBroker mqtt = MosquittoBroker.anonymousOn(port)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> health.health().getStatus().equals(Status.UP));
            }
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aBrokerThatAsksForAPasswordIsReachedWithTheOwnersAndRefusesOthers(CapturedOutput output) throws Exception {
        try (MosquittoBroker mqtt = MosquittoBroker.withPassword();
                RetainedMessages ha = RetainedMessages.follow(mqtt.tcpUrl(), MosquittoBroker.USER,
                        MosquittoBroker.PASSWORD, "wattwatch/status")) {
            try (ConfigurableApplicationContext wrong = notifier(mqtt.tcpUrl(),
                    "--wattwatch.notifier.mqtt.username=" + MosquittoBroker.USER,
                    "--wattwatch.notifier.mqtt.password=not-the-password")) {
                HealthIndicator health = wrong.getBean("mqtt", HealthIndicator.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getDetails().get("error") != null);
                assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.health().getDetails().toString()).doesNotContain("not-the-password");
                assertThat(ha.payload("wattwatch/status")).isNull();
            }
            try (ConfigurableApplicationContext right = notifier(mqtt.tcpUrl(),
                    "--wattwatch.notifier.mqtt.username=" + MosquittoBroker.USER,
                    "--wattwatch.notifier.mqtt.password=" + MosquittoBroker.PASSWORD)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> "online".equals(ha.payload("wattwatch/status")));
            }
            assertThat(output.getAll()).contains("Not authorized").doesNotContain("not-the-password")
                    .doesNotContain(MosquittoBroker.PASSWORD);
        }
    }

    @Test
    void aBrokerSpeakingTlsWithTheHomesOwnAuthorityIsReachedWithItsCertificate() throws Exception {
        TestCertificates tls = TestCertificates.make();
        try (MosquittoBroker mqtt = MosquittoBroker.withTls(tls);
                ConfigurableApplicationContext notifier = notifier(mqtt.sslUrl(),
                        "--wattwatch.notifier.mqtt.ca-certificate=" + tls.ca())) {
            HealthIndicator health = notifier.getBean("mqtt", HealthIndicator.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().equals(Status.UP));
        }
    }
}
