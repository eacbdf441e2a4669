package org.wattwatch.scoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.scoring.config.ScoringProperties;

/** The dashboard's feed on a broker that goes away: it notices, and the page can say so. */
class ScoredFeedIT {

    @Test
    void readsTheRecentPastThenNoticesTheBrokerGoingAway() throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        ScoredFeed feed = null;
        try {
            String topic = new TopicNames("").scored();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
            Instant start = Instant.now().minusSeconds(3600);
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                    broker.getBrokersAsString()), new StringSerializer(), new ByteArraySerializer())) {
                MeterReading reading = new MeterReading(1, "main", start, start.plusSeconds(60), 5, 5, "pi", 1);
                producer.send(new ProducerRecord<>(topic, "main",
                        EventJson.write(new ScoredReading(1, reading, 1, 4, 1.33, false, "m")))).get();
            }
            KafkaProperties kafka = new KafkaProperties();
            kafka.setBootstrapServers(List.of(broker.getBrokersAsString()));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            DashboardProperties properties = new DashboardProperties(Duration.ofDays(7), 50,
                    URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1));
            ScoredHistory history = new ScoredHistory(properties,
                    ScoringProperties.of(ZoneId.of("UTC"), 1.0, "classpath:models/seed-envelope.csv"),
                    new LiveUpdates(), registry);
            feed = new ScoredFeed(kafka, new TopicNames(""), history, properties, registry, java.time.Clock.systemUTC());
            feed.start();

            ScoredFeed running = feed;
            await().atMost(Duration.ofSeconds(30)).until(() -> running.brokerReachable()
                    && history.latest().containsKey("main"));
            assertThat(history.latest().get("main").above()).isTrue();

            broker.destroy();
            await().atMost(Duration.ofSeconds(40)).until(() -> !running.brokerReachable());
        } finally {
            if (feed != null) {
                feed.stop();
            }
            broker.destroy();
        }
    }
}
