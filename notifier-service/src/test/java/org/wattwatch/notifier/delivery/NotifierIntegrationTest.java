package org.wattwatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.web.client.RestClient;
import org.wattwatch.model.alert.Anomaly;
import org.wattwatch.model.alert.AnomalyState;
import org.wattwatch.model.json.EventJson;
import org.wattwatch.model.topic.Topics;
import org.wattwatch.notifier.NotifierApplication;

import io.micrometer.core.instrument.MeterRegistry;

@SpringBootTest(classes = NotifierApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + NotifierApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "wattwatch.topics.partitions=1"})
@EmbeddedKafka(partitions = 1)
class NotifierIntegrationTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry registry;

    @LocalServerPort
    int port;

    private static Anomaly anomaly(String meter) {
        Instant start = Instant.parse("2026-01-05T04:00:00Z");
        return new Anomaly(1, Anomaly.alertIdFor(meter, start), AnomalyState.RAISED, meter, start,
                start.plusSeconds(3600), LocalDateTime.parse("2026-01-05T04:00"), "UTC", 1500, 108, 363, 5.4588,
                "seed");
    }

    private void send(String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ANOMALIES, key, value)).get();
        }
    }

    private List<Map<String, Object>> alerts() {
        return RestClient.create("http://127.0.0.1:" + port).get().uri("/api/alerts").retrieve()
                .body(new org.springframework.core.ParameterizedTypeReference<>() { });
    }

    @Test
    void anAnomalyIsDeliveredOnceThroughTheLogChannelAndListedWithItsStatus() throws Exception {
        Anomaly anomaly = anomaly("main");
        send("main", EventJson.write(anomaly));
        send("main", EventJson.write(anomaly)); // a redelivery, as after a producer retry
        send("marker", EventJson.write(anomaly("marker")));

        await().atMost(Duration.ofSeconds(30)).until(() -> alerts().size() == 2);
        Map<String, Object> main = alerts().get(1);
        assertThat(main).containsEntry("message",
                "Unusual power use on meter main: 1500 Wh in the hour from 04:00, usually at most 363 Wh (4.1x).");
        assertThat(main.get("deliveries").toString()).contains("log={outcome=DELIVERED");
        assertThat(registry.get("wattwatch.notifier.deliveries").tags("channel", "log", "outcome", "sent").timer()
                .count()).isEqualTo(2);
        assertThat(registry.get("wattwatch.notifier.deliveries.duplicate").tags("channel", "log").counter().count())
                .isEqualTo(1);
    }

    @Test
    void poisonAnomaliesGoToTheDeadLetterTopicWithTheReason() throws Exception {
        send("main", "garbage".getBytes(StandardCharsets.UTF_8));
        Anomaly invalid = new Anomaly(1, "x", AnomalyState.RAISED, "main", anomaly("main").intervalStart(),
                anomaly("main").intervalStart(), LocalDateTime.parse("2026-01-05T04:00"), "UTC", 1500, 108, 363, 5.4,
                "seed");
        send("main", EventJson.write(invalid));

        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dlq-reader", false);
        props.put("auto.offset.reset", "earliest");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.ANOMALIES_DLQ));
            List<String> reasons = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500))) {
                    reasons.add(new String(r.headers().lastHeader(Topics.DLQ_REASON_HEADER).value(), StandardCharsets.UTF_8));
                }
                return reasons.size() >= 2;
            });
            assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("unreadable Anomaly"))
                    .anySatisfy(r -> assertThat(r).contains("intervalEnd: must be after intervalStart"));
        }
        assertThat(registry.get("wattwatch.notifier.anomalies.dead.lettered").counter().count()).isGreaterThanOrEqualTo(2);
    }
}
