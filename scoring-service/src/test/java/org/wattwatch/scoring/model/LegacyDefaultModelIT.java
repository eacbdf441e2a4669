package org.wattwatch.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.wattwatch.access.OwnerClient;
import org.wattwatch.envelope.Models;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.scoring.ScoringApplication;

/**
 * The default model has one name, {@code default}, in the API and on the topic; a record an earlier
 * version wrote under {@code *} is still the default, and leaves the topic once the default changes.
 */
@SpringBootTest(classes = ScoringApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {OwnerClient.SETTING, "spring.config.name=" + ScoringApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "spring.kafka.streams.state-dir=${java.io.tmpdir}/wattwatch-legacy-default-${random.uuid}",
                "wattwatch.topics.partitions=1"})
@EmbeddedKafka(partitions = 1, brokerProperties = {"transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1"})
class LegacyDefaultModelIT {

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    private static byte[] envelope(int high) {
        StringBuilder csv = new StringBuilder("hour,low_wh,high_wh\n");
        for (int h = 0; h < 24; h++) {
            csv.append(h).append(",0,").append(high).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String version(byte[] csv) throws Exception {
        return Models.read(new ByteArrayInputStream(csv), "model.csv").version();
    }

    @SuppressWarnings("unchecked")
    private String defaultVersion() {
        Map<String, Object> models = OwnerClient.create("http://127.0.0.1:" + port).get().uri("/api/models")
                .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
        return String.valueOf(((Map<String, Object>) models.get("default")).get("version"));
    }

    @Test
    void aDefaultWrittenUnderTheFormerKeyIsStillTheDefaultAndLeavesWhenTheDefaultChanges() throws Exception {
        byte[] legacy = envelope(4000);
        ModelAssignment written = new ModelAssignment(ModelAssignment.SCHEMA_VERSION, "*",
                new ModelAssignment.ModelFile("model.csv", version(legacy), Base64.getEncoder().encodeToString(legacy)),
                null, Instant.parse("2026-01-05T00:00:00Z"));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.MODELS, "*", EventJson.write(written))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> defaultVersion().equals(version(legacy)));

        byte[] next = envelope(5000);
        OwnerClient.create("http://127.0.0.1:" + port).put().uri("/api/models/default")
                .contentType(MediaType.parseMediaType("text/csv")).body(next).retrieve().toBodilessEntity();
        assertThat(defaultVersion()).isEqualTo(version(next));

        Map<String, byte[]> latest = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString(),
                "group.id", "legacy-check", "auto.offset.reset", "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MODELS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> latest.put(r.key(), r.value()));
                return latest.containsKey("default");
            });
        }
        assertThat(latest).containsKey("*");
        assertThat(latest.get("*")).as("the former key's record is gone").isNull();
    }
}
