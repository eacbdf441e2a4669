package org.wattwatch.notifier.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;
import org.wattwatch.access.OwnerClient;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.learning.AlertFeedback;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.notifier.TestAnomalies;
import org.wattwatch.notifier.delivery.AlertBook;
import org.wattwatch.notifier.delivery.TestNotifiers;
import org.wattwatch.topics.TopicReplay;

/** The owner's word on an alert reaches the compacted feedback topic the retrain reads, and outlives a restart. */
@EmbeddedKafka(partitions = 1)
class OwnerFeedbackIT {

    private static final TopicNames TOPICS = new TopicNames("");
    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void broker(EmbeddedKafkaBroker embedded) {
        kafka = embedded;
    }

    private static List<AlertFeedback> feedbackOnTheTopic() {
        List<AlertFeedback> seen = new ArrayList<>();
        TopicReplay.readAll(Map.of("bootstrap.servers", kafka.getBrokersAsString()), new StringDeserializer(),
                new ByteArrayDeserializer(), TOPICS.alertFeedback(), Duration.ofSeconds(30),
                r -> seen.add(EventJson.read(r.value(), AlertFeedback.class)), (r, e) -> {
                    throw e;
                });
        return seen;
    }

    @Test
    void theOwnersWordIsKeptForTheRetrainAndShownWithTheAlertAfterARestart() throws Exception {
        Anomaly raised = TestAnomalies.raised("main");
        try (ConfigurableApplicationContext notifier = TestNotifiers.startOn(kafka)) {
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                    kafka.getBrokersAsString()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(TOPICS.anomalies(), "main", EventJson.write(raised))).get();
            }
            AlertBook book = notifier.getBean(AlertBook.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> book.get(raised.alertId()).isPresent());
            RestClient api = OwnerClient.create("http://localhost:"
                    + notifier.getEnvironment().getProperty("local.server.port"));
            String answer = api.post().uri("/api/alerts/{id}/feedback", raised.alertId())
                    .contentType(MediaType.APPLICATION_JSON).body("{\"label\":\"expected\"}").retrieve()
                    .body(String.class);
            assertThat(answer).contains("\"feedback\":\"EXPECTED\"");
        }

        List<AlertFeedback> kept = feedbackOnTheTopic();
        assertThat(kept).singleElement().satisfies(f -> {
            assertThat(f.alertId()).isEqualTo(raised.alertId());
            assertThat(f.meterId()).isEqualTo("main");
            assertThat(f.label()).isEqualTo(AlertFeedback.Label.EXPECTED);
            assertThat(f.from()).isEqualTo(raised.raisedAt());
            assertThat(f.to()).isEqualTo(raised.intervalEnd());
            assertThat(f.violations()).isEmpty();
        });

        try (ConfigurableApplicationContext again = TestNotifiers.startOn(kafka)) {
            assertThat(again.getBean(AlertBook.class).get(raised.alertId()).orElseThrow().feedback())
                    .isEqualTo(AlertFeedback.Label.EXPECTED);
        }
    }
}
