package org.wattwatch.notifier.delivery;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.notifier.NotifierApplication;
import org.wattwatch.notifier.TestAnomalies;
import org.wattwatch.access.OwnerClient;

/**
 * The notifier on a real broker with the log channel and a webhook channel against a local fake
 * server that the tests take down, bring back and make refuse.
 */
@SpringBootTest(classes = NotifierApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {OwnerClient.SETTING, "spring.config.name=" + NotifierApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "wattwatch.topics.partitions=1",
                // alerts of January 2026, each told by itself: a backlog's digest is BacklogDigestIT's
                "wattwatch.notifier.backlog-burst=1000",
                "wattwatch.notifier.channels.webhook.enabled=true",
                "wattwatch.notifier.delivery.attempts=4", "wattwatch.notifier.delivery.initial-backoff=200ms",
                "wattwatch.notifier.delivery.max-backoff=1s"})
@EmbeddedKafka(partitions = 1)
class NotifierIT {

    @RegisterExtension
    static WireMockExtension webhook = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private static final WebhookFake provider = new WebhookFake(webhook);

    @DynamicPropertySource
    static void webhookUrl(DynamicPropertyRegistry registry) {
        registry.add("wattwatch.notifier.channels.webhook.url", () -> webhook.baseUrl() + "/hook");
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry registry;

    @LocalServerPort
    int port;

    private void send(String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ANOMALIES, key, value)).get();
        }
    }

    private void send(Anomaly anomaly) throws Exception {
        send(anomaly.meterId(), EventJson.write(anomaly));
    }

    private RestClient api() {
        return OwnerClient.create("http://127.0.0.1:" + port);
    }

    private Map<String, Object> alert(String alertId) {
        return api().get().uri("/api/alerts/{id}", alertId).retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> { })
                .body(new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    @SuppressWarnings("unchecked")
    private String outcome(Anomaly anomaly, String delivery) {
        Map<String, Object> alert = alert(anomaly.alertId());
        if (alert == null || !alert.containsKey("deliveries")) {
            return "NONE";
        }
        Map<String, Map<String, Object>> deliveries = (Map<String, Map<String, Object>>) alert.get("deliveries");
        return deliveries.containsKey(delivery) ? String.valueOf(deliveries.get(delivery).get("outcome")) : "NONE";
    }

    @Test
    void anAnomalyReachesEveryChannelOnceAndIsListedWithItsStatus() throws Exception {
        provider.answer("happy", 200);
        provider.answer("marker", 200);
        Anomaly anomaly = TestAnomalies.raised("happy");
        send(anomaly);
        send(anomaly); // a redelivery, as after a producer retry or a scoring restart
        send(TestAnomalies.raised("marker"));

        await().atMost(Duration.ofSeconds(30)).until(() -> outcome(TestAnomalies.raised("marker"), "RAISED/webhook")
                .equals("DELIVERED"));
        assertThat(outcome(anomaly, "RAISED/webhook")).isEqualTo("DELIVERED");
        assertThat(outcome(anomaly, "RAISED/log")).isEqualTo("DELIVERED");
        assertThat(provider.successes("happy")).isEqualTo(1);
        // told long after 5 January 2026 (the test's hour), so its day is in the text
        assertThat(alert(anomaly.alertId()).get("message").toString())
                .startsWith("Unusual power use on meter happy: 1500 Wh in the hour from Mon 5 Jan")
                .endsWith(" at 04:00, usually at most 363 Wh (4.1x).");
        assertThat(registry.get("wattwatch.notifier.events.already.handled").tags("channel", "webhook").counter()
                .count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aProviderDownForAWhileGetsEveryAlertOnceWhenItIsBack() throws Exception {
        List<Anomaly> alerts = List.of(TestAnomalies.raised("outage-1"), TestAnomalies.raised("outage-2"),
                TestAnomalies.raised("outage-3"));
        alerts.forEach(a -> provider.answer(a.meterId(), 503));
        for (Anomaly a : alerts) {
            send(a);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> alerts.stream().allMatch(a -> provider.requests(a.meterId()) >= 1));
        assertThat(outcome(alerts.get(0), "RAISED/log")).as("the log channel is not held up").isEqualTo("DELIVERED");

        alerts.forEach(a -> provider.answer(a.meterId(), 200));

        await().atMost(Duration.ofSeconds(30)).until(() -> alerts.stream()
                .allMatch(a -> outcome(a, "RAISED/webhook").equals("DELIVERED")));
        for (Anomaly a : alerts) {
            assertThat(provider.successes(a.meterId())).as(a.meterId()).isEqualTo(1);
        }
    }

    @Test
    void afterTheRetryBudgetTheNotificationIsDeadLetteredWithTheReason() throws Exception {
        provider.answer("dead", 503);
        provider.answer("refused", 400);
        Anomaly dead = TestAnomalies.raised("dead");
        Anomaly refused = TestAnomalies.raised("refused");
        send(dead);
        send(refused);

        await().atMost(Duration.ofSeconds(30)).until(() -> outcome(dead, "RAISED/webhook").equals("FAILED")
                && outcome(refused, "RAISED/webhook").equals("FAILED"));
        assertThat(provider.requests("dead")).as("every attempt of the budget").isEqualTo(4);
        assertThat(provider.requests("refused")).as("a 400 is not retried").isEqualTo(1);
        assertThat(outcome(dead, "RAISED/log")).isEqualTo("DELIVERED");

        List<ConsumerRecord<String, byte[]>> letters = readAll(Topics.NOTIFICATIONS_DLQ, 2);
        assertThat(letters).extracting(r -> EventJson.read(r.value(), Notification.class).anomaly().meterId())
                .containsExactlyInAnyOrder("dead", "refused");
        assertThat(letters).allSatisfy(r -> assertThat(new String(r.headers().lastHeader("kafka_exception-message")
                .value(), StandardCharsets.UTF_8)).containsAnyOf("HTTP 400", "503"));
        assertThat((String) ((Map<?, ?>) ((Map<?, ?>) alert(refused.alertId()).get("deliveries")).get("RAISED/webhook"))
                .get("detail")).contains("HTTP 400");
        assertThat(health()).contains("\"webhook\"").contains("failing");
    }

    @Test
    void poisonAnomaliesGoToTheDeadLetterTopicWithTheReason() throws Exception {
        send("main", "garbage".getBytes(StandardCharsets.UTF_8));
        Anomaly valid = TestAnomalies.raised("poison");
        Anomaly invalid = new Anomaly(1, "x", AnomalyState.RAISED, "poison", valid.intervalStart(),
                valid.intervalStart(), LocalDateTime.parse("2026-01-05T04:00"), "UTC", 1500, 108, 363, 5.4, "seed",
                valid.raisedAt(), 0);
        send(invalid);

        List<String> reasons = readAll(Topics.ANOMALIES_DLQ, 2).stream()
                .map(r -> new String(r.headers().lastHeader(Topics.DLQ_REASON_HEADER).value(), StandardCharsets.UTF_8))
                .toList();
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("unreadable Anomaly"))
                .anySatisfy(r -> assertThat(r).contains("intervalEnd: must be after intervalStart"));
        assertThat(registry.get("wattwatch.notifier.anomalies.dead.lettered").counter().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void snoozeIsRecordedAndBadRequestsNameTheField() throws Exception {
        provider.answer("snoozy", 200);
        Anomaly anomaly = TestAnomalies.raised("snoozy");
        send(anomaly);
        await().atMost(Duration.ofSeconds(30)).until(() -> !outcome(anomaly, "RAISED/log").equals("NONE"));

        ResponseEntity<Map<String, Object>> ok = snooze(anomaly.alertId(), "PT2H");
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        assertThat(ok.getBody().get("snoozedUntil")).isNotNull();

        ResponseEntity<Map<String, Object>> bad = snooze(anomaly.alertId(), "two hours");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("detail").toString()).startsWith("for: not an ISO-8601 duration");
        assertThat(snooze("no-such-alert", "PT1H").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void onlyTheOwnerReadsTheAlertsAndSnoozesOne() throws Exception {
        provider.answer("guarded", 200);
        Anomaly anomaly = TestAnomalies.raised("guarded");
        send(anomaly);
        await().atMost(Duration.ofSeconds(30)).until(() -> !outcome(anomaly, "RAISED/log").equals("NONE"));

        RestClient stranger = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
        assertThat(stranger.get().uri("/api/alerts").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
        var refused = stranger.post().uri("/api/alerts/{id}/snooze?for=PT8H", anomaly.alertId())
                .header("Authorization", "Bearer someone-elses-token-0000").retrieve().toEntity(String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getBody()).contains("Authorization: Bearer");
        assertThat(api().get().uri("/api/alerts/{id}", anomaly.alertId()).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() { }).get("snoozedUntil"))
                .as("not snoozed").isNull();
        assertThat(stranger.get().uri("/actuator/health/readiness").retrieve().toBodilessEntity().getStatusCode()
                .value()).as("probes stay open").isEqualTo(200);
    }

    private ResponseEntity<Map<String, Object>> snooze(String id, String length) {
        return api().post().uri("/api/alerts/{id}/snooze?for={length}", id, length).retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> { })
                .toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    private String health() {
        return api().get().uri("/actuator/health").retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { })
                .body(String.class);
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic, int atLeast) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "reader-" + topic + System.nanoTime(), false);
        props.put("auto.offset.reset", "earliest");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(records::add);
                return records.size() >= atLeast;
            });
            return records;
        }
    }
}
