package org.wattwatch.notifier.delivery;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.notifier.TestAnomalies;

/**
 * The alert state topic stays readable and as small as the book: a record that cannot be read does
 * not keep the notifier from starting, and alerts the book lets go of leave the topic.
 */
@EmbeddedKafka(partitions = 1)
class NotifierStateIT {

    @RegisterExtension
    static WireMockExtension webhook = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private static final WebhookFake provider = new WebhookFake(webhook);

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void broker(EmbeddedKafkaBroker embedded) {
        broker = embedded;
    }

    private static ConfigurableApplicationContext startNotifier(String prefix, int recentAlerts, String... more) {
        List<String> settings = new java.util.ArrayList<>(List.of(
                // alerts of January 2026, each told by itself: a backlog's digest is BacklogDigestIT's
                "--wattwatch.notifier.backlog-burst=1000",
                "--wattwatch.topics.prefix=" + prefix, "--wattwatch.notifier.recent-alerts=" + recentAlerts));
        settings.addAll(List.of(more));
        return TestNotifiers.start(broker, webhook.baseUrl() + "/hook", settings.toArray(String[]::new));
    }

    private static void send(String topic, String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** The newest value of each key on the topic (null for a tombstone). */
    private static Map<String, byte[]> latest(String topic) {
        Map<String, byte[]> latest = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString(),
                "group.id", "state-check-" + System.nanoTime(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long quiet = 0;
            while (quiet < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                quiet = records.isEmpty() ? quiet + 1 : 0;
                for (ConsumerRecord<String, byte[]> r : records) {
                    latest.put(r.key(), r.value());
                }
            }
        }
        return latest;
    }

    @Test
    void aStateRecordThatCannotBeReadIsSkippedAndCounted() throws Exception {
        TopicNames topics = new TopicNames("bad.");
        send(topics.notificationsState(), "some-alert", "{\"anomaly\":".getBytes(StandardCharsets.UTF_8));
        send(topics.notificationsState(), "other-alert", "{}".getBytes(StandardCharsets.UTF_8));
        provider.answer("after-bad-state", 200);
        try (ConfigurableApplicationContext notifier = startNotifier("bad.", 200)) {
            assertThat(notifier.getBean(MeterRegistry.class).get("wattwatch.notifier.state.records.skipped")
                    .counter().count()).isEqualTo(2);
            send(topics.anomalies(), "after-bad-state", EventJson.write(TestAnomalies.raised("after-bad-state")));
            await().atMost(Duration.ofSeconds(60)).until(() -> provider.successes("after-bad-state") == 1);
        }
    }

    @Test
    void aChannelThatKeepsFailingIsToldThroughTheOthersAndResolvedWhenItDeliversAgain() throws Exception {
        TopicNames topics = new TopicNames("revoked.");
        provider.answer("before-revoke", 401); // the provider refuses the token: for good
        provider.answer("after-fix", 200);
        try (ConfigurableApplicationContext notifier = startNotifier("revoked.", 200)) {
            AlertBook book = notifier.getBean(AlertBook.class);
            send(topics.anomalies(), "before-revoke", EventJson.write(TestAnomalies.raised("before-revoke")));
            await().atMost(Duration.ofSeconds(60)).until(() -> channelAlert(book).isPresent());
            AlertRecord told = channelAlert(book).orElseThrow();
            assertThat(told.anomaly().state()).isEqualTo(org.wattwatch.event.alert.AnomalyState.RAISED);
            assertThat(told.message()).contains("cannot deliver alerts through webhook");
            await().atMost(Duration.ofSeconds(30)).until(() -> outcome(book, "RAISED/log").equals("DELIVERED"));
            assertThat(outcome(book, "RAISED/webhook")).as("not through the channel that fails").isEqualTo("SKIPPED");

            send(topics.anomalies(), "after-fix", EventJson.write(TestAnomalies.raised("after-fix")));
            await().atMost(Duration.ofSeconds(60)).until(() -> channelAlert(book)
                    .filter(a -> a.anomaly().state() == org.wattwatch.event.alert.AnomalyState.RESOLVED).isPresent());
            assertThat(channelAlert(book).orElseThrow().message()).contains("reach webhook again");
        }
    }

    private static java.util.Optional<AlertRecord> channelAlert(AlertBook book) {
        return book.recent().stream()
                .filter(r -> r.anomaly().kind() == org.wattwatch.event.alert.AlertKind.CHANNEL).findFirst();
    }

    private static String outcome(AlertBook book, String delivery) {
        return channelAlert(book).map(r -> r.deliveries().get(delivery)).map(d -> d.outcome().name()).orElse("NONE");
    }

    @Test
    void aResolvedAlertLeavesTheBookAndTheStateTopicInTime() throws Exception {
        TopicNames topics = new TopicNames("resolved.");
        provider.answer("done", 200);
        provider.answer("open", 200);
        var raised = TestAnomalies.raised("done");
        var resolved = TestAnomalies.at("done", org.wattwatch.event.alert.AnomalyState.RESOLVED,
                LocalDateTime.parse("2026-01-05T04:00"), Duration.ofHours(1), 200, 0.3);
        var open = TestAnomalies.raised("open");
        try (ConfigurableApplicationContext notifier = startNotifier("resolved.", 200,
                "--wattwatch.notifier.keep-resolved=1s")) {
            AlertBook book = notifier.getBean(AlertBook.class);
            send(topics.anomalies(), "done", EventJson.write(raised));
            send(topics.anomalies(), "done", EventJson.write(resolved));
            send(topics.anomalies(), "open", EventJson.write(open));
            await().atMost(Duration.ofSeconds(60)).until(() -> provider.successes("done") == 2
                    && provider.successes("open") == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                book.forgetResolved();
                return book.get(raised.alertId()).isEmpty();
            });
            assertThat(book.get(open.alertId())).as("still open: kept").isPresent();
        }
        Map<String, byte[]> state = latest(topics.notificationsState());
        assertThat(state).containsKey(raised.alertId());
        assertThat(state.get(raised.alertId())).as("tombstone").isNull();
        assertThat(state.get(open.alertId())).isNotNull();
    }

    @Test
    void alertsTheBookLetsGoOfLeaveTheStateTopic() throws Exception {
        TopicNames topics = new TopicNames("small.");
        List<String> meters = List.of("old-1", "old-2", "new-1", "new-2");
        meters.forEach(m -> provider.answer(m, 200));
        try (ConfigurableApplicationContext notifier = startNotifier("small.", 2)) {
            for (String m : meters) {
                send(topics.anomalies(), m, EventJson.write(TestAnomalies.raised(m)));
                await().atMost(Duration.ofSeconds(60)).until(() -> provider.successes(m) == 1);
            }
            AlertBook book = notifier.getBean(AlertBook.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> book.recent().size() == 2
                    && book.recent().stream().allMatch(r -> r.deliveries().values().stream()
                            .allMatch(DeliveryStatus::isFinal)));
        }
        Map<String, byte[]> state = latest(topics.notificationsState());
        for (String m : meters) {
            String alertId = TestAnomalies.raised(m).alertId();
            assertThat(state).containsKey(alertId);
            if (m.startsWith("old")) {
                assertThat(state.get(alertId)).as("tombstone for %s", m).isNull();
            } else {
                assertThat(state.get(alertId)).as("kept: %s", m).isNotNull();
            }
        }
    }
}
