package org.wattwatch.scoring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.wattwatch.scoring.config.RefusedRecordHandler;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.scoring.ScoringOnBroker;
import org.wattwatch.access.OwnerClient;

@ScoringOnBroker
class ScoringServiceIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    private ResponseEntity<Map<String, Object>> post(String body) {
        return OwnerClient.create("http://127.0.0.1:" + port).post().uri("/api/score")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> { })
                .toEntity(JSON);
    }

    @Test
    @SuppressWarnings("unchecked")
    void livenessFollowsTheStreamsClient() {
        ResponseEntity<Map<String, Object>> liveness = OwnerClient.create("http://127.0.0.1:" + port).get()
                .uri("/actuator/health/liveness").retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { })
                .toEntity(JSON);
        assertThat(liveness.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> components = (Map<String, Object>) liveness.getBody().get("components");
        assertThat(components).containsKey("streamsAlive");
    }

    /** The topology keeps its meters in memory, so the native RocksDB library is left out of the service and it still runs. */
    @Test
    void theStreamsClientRunsWithoutRocksDb() {
        assertThatThrownBy(() -> Class.forName("org.rocksdb.RocksDB")).isInstanceOf(ClassNotFoundException.class);
        ResponseEntity<Map<String, Object>> readiness = OwnerClient.create("http://127.0.0.1:" + port).get()
                .uri("/actuator/health/readiness").retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { })
                .toEntity(JSON);
        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
    }

    /** A record that fails in processing or that the broker refuses is skipped and counted, never fatal. */
    @Test
    void theStreamsClientSkipsWhatFailsForItself(@Autowired StreamsBuilderFactoryBean streams) {
        assertThat(streams.getStreamsConfiguration())
                .containsEntry("processing.exception.handler",
                        "org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler")
                .containsEntry("production.exception.handler", RefusedRecordHandler.class.getName());
    }

    /** The 2018 talk's table, through the REST endpoint, with the bundled seed envelope. */
    @ParameterizedTest
    @CsvSource({"4, 150, 0.1647", "4, 1500, 5.4588", "4, 3000, 11.3412",
            "9, 150, 0.0194", "9, 1500, 0.6914", "9, 3000, 1.4380",
            "20, 150, 0.0115", "20, 1500, 0.3827", "20, 3000, 0.7952"})
    void reproducesTheSeedTable(int hour, int wh, double expected) {
        var response = post("{\"timestamp\":\"2026-01-05T%02d:00:00\",\"wh\":%d}".formatted(hour, wh));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> body = response.getBody();
        assertThat(Math.round((double) body.get("score") * 10000) / 10000.0).isCloseTo(expected, within(1e-9));
        assertThat((boolean) body.get("anomaly")).isEqualTo(expected > 1.0);
        assertThat((String) body.get("modelVersion")).startsWith("seed-envelope-");
        assertThat(body).containsKeys("expectedLowWh", "expectedHighWh");
    }

    @Test
    void onTheBrokerAHeaterIsRaisedOnceAndResolvedWhileAKettleIsNot() throws Exception {
        Instant night = Instant.parse("2026-01-06T03:00:00Z");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            int seq = 0;
            for (int m = 0; m < 44; m++) { // the kettle's meter first: all of it is scored before the heater ends
                double watts = m == 20 || m == 21 ? 2150 : 150;
                minute(producer, "kettle", night.plusSeconds(60L * m), watts, seq++);
            }
            for (int m = 0; m < 120; m++) {
                double watts = m >= 30 && m < 90 ? 2150 : 150;
                minute(producer, "heater", night.plusSeconds(60L * m), watts, seq++);
            }
        }
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "anomaly-reader", false);
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.ANOMALIES));
            List<Anomaly> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500))
                        .forEach(r -> events.add(EventJson.read(r.value(), Anomaly.class)));
                return events.stream().anyMatch(e -> e.meterId().equals("heater") && e.state() == AnomalyState.RESOLVED);
            });
            List<Anomaly> heater = events.stream().filter(e -> e.meterId().equals("heater")).toList();
            assertThat(heater).filteredOn(e -> e.state() == AnomalyState.RAISED).singleElement()
                    .satisfies(e -> assertThat(e.intervalEnd()).isBefore(night.plusSeconds(60L * (30 + 15))));
            assertThat(heater).extracting(Anomaly::alertId).containsOnly(heater.get(0).alertId());
            assertThat(heater.get(heater.size() - 1).state()).isEqualTo(AnomalyState.RESOLVED);
            assertThat(events).noneMatch(e -> e.meterId().equals("kettle"));
        }
    }

    private static void minute(KafkaProducer<String, byte[]> producer, String meter, Instant start, double watts,
            long sequence) throws Exception {
        producer.send(new ProducerRecord<>(Topics.READINGS, meter, EventJson.write(new MeterReading(1, meter, start,
                start.plusSeconds(60), watts / 60, Math.round(watts / 60), "test", sequence)))).get();
    }

    @Test
    void theOpenApiDocumentDescribesTheScoringEndpoint() {
        String doc = OwnerClient.create("http://127.0.0.1:" + port).get().uri("/v3/api-docs").retrieve()
                .body(String.class);
        assertThat(doc).contains("/api/score").contains("ScoreRequest");
        assertThat(OwnerClient.create("http://127.0.0.1:" + port).get().uri("/swagger-ui/index.html").retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void readingsFlowThroughTheTopologyOnTheBroker() throws Exception {
        Instant start = Instant.parse("2026-01-05T04:00:00Z");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.READINGS, "main", EventJson.write(
                    new MeterReading(1, "main", start, start.plusSeconds(3600), 1500, 1500, "test", 1)))).get();
        }
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "scored-reader", false);
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.SCORED));
            List<ScoredReading> scored = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500))
                        .forEach(r -> scored.add(EventJson.read(r.value(), ScoredReading.class)));
                scored.removeIf(s -> !s.reading().meterId().equals("main")); // other tests' meters share the topic
                return !scored.isEmpty();
            });
            assertThat(scored.get(0).score()).isCloseTo(5.4588, within(0.00005));
            assertThat(scored.get(0).anomaly()).isTrue();
        }
    }
}
