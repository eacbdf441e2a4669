package org.wattwatch.scoring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.web.client.RestClient;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.scoring.ScoringOnBroker;
import org.wattwatch.access.OwnerClient;

/** A model swapped and rolled back through the REST API while readings stream, on a real broker. */
@ScoringOnBroker
class ModelSwapIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final Path TRAINED = Path.of("../model-package/src/test/resources/models/seed-like-gbm.zip");

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    private RestClient api() {
        return OwnerClient.create("http://127.0.0.1:" + port);
    }

    private ResponseEntity<Map<String, Object>> put(String meter, byte[] body, MediaType type) {
        return api().put().uri("/api/models/{meter}", meter).contentType(type).body(body).retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(JSON);
    }

    private ResponseEntity<Map<String, Object>> rollback(String meter) {
        return api().post().uri("/api/models/{meter}/rollback", meter).retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(JSON);
    }

    private void send(KafkaProducer<String, byte[]> producer, String meter, int from, int to) throws Exception {
        Instant start = Instant.parse("2026-01-05T10:00:00Z");
        for (int i = from; i < to; i++) {
            Instant s = start.plusSeconds(3600L * i);
            producer.send(new ProducerRecord<>(Topics.READINGS, meter, EventJson.write(new MeterReading(1, meter, s,
                    s.plusSeconds(3600), 300, 300, "test", i)))).get();
        }
    }

    @Test
    void aSwapMidStreamLosesAndDuplicatesNothingAndRollsBack() throws Exception {
        byte[] trained = Files.readAllBytes(TRAINED);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            send(producer, "swap", 0, 40);
            readScored("swap", 40); // the first half scored before the swap, whatever the machine's speed
            ResponseEntity<Map<String, Object>> swapped = put("swap", trained, MediaType.parseMediaType("application/zip"));
            assertThat(swapped.getStatusCode().value()).isEqualTo(200);
            String trainedVersion = (String) swapped.getBody().get("version");
            assertThat(trainedVersion).startsWith("gbm-");
            send(producer, "swap", 40, 80);

            List<ScoredReading> scored = readScored("swap", 80);
            assertThat(scored).extracting(s -> s.reading().sequence())
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 80).boxed().toList());
            List<String> versions = scored.stream().map(ScoredReading::modelVersion).toList();
            assertThat(versions.get(0)).startsWith("seed-envelope-");
            assertThat(versions.get(79)).isEqualTo(trainedVersion);
            assertThat(versions.subList(0, 40)).allMatch(v -> v.startsWith("seed-envelope-"));
            assertThat(versions.subList(40, 80)).containsOnly(trainedVersion);

            ResponseEntity<Map<String, Object>> withMeterModel = api().post().uri("/api/score")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"timestamp\":\"2026-01-05T04:00:00\",\"wh\":1500,\"meter\":\"swap\"}").retrieve()
                    .toEntity(JSON);
            assertThat(withMeterModel.getBody()).containsEntry("modelVersion", trainedVersion)
                    .containsEntry("meter", "swap");
            ResponseEntity<Map<String, Object>> unknown = api().post().uri("/api/score")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"timestamp\":\"2026-01-05T04:00:00\",\"wh\":1500,\"meter\":\"nobody\"}").retrieve()
                    .onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(JSON);
            assertThat(unknown.getStatusCode().value()).isEqualTo(400);
            assertThat(unknown.getBody().get("detail").toString()).startsWith("meter: meter 'nobody' has no model");

            assertThat(api().get().uri("/actuator/prometheus").retrieve().body(String.class))
                    .contains("wattwatch_scoring_model{meter=\"swap\",version=\"" + trainedVersion + "\"} 1.0")
                    .containsPattern("wattwatch_scoring_model\\{meter=\"default\",version=\"seed-envelope-[0-9a-f]+\"} 1.0");

            Map<String, Object> models = api().get().uri("/api/models").retrieve().body(JSON);
            assertThat(models.get("meters").toString()).contains("swap=").contains(trainedVersion);
            assertThat(models.get("default").toString()).contains("seed-envelope-");

            ResponseEntity<Map<String, Object>> back = rollback("swap");
            assertThat(back.getStatusCode().value()).isEqualTo(200);
            assertThat((String) back.getBody().get("version")).startsWith("seed-envelope-");
            assertThat(api().get().uri("/api/models").retrieve().body(JSON).get("meters").toString())
                    .doesNotContain("swap=");
            assertThat(api().get().uri("/actuator/prometheus").retrieve().body(String.class))
                    .doesNotContain("wattwatch_scoring_model{meter=\"swap\"");
            assertThat(rollback("swap").getStatusCode().value()).isEqualTo(409);
        }
    }

    @Test
    void aFileThatIsNotAModelIsRefusedNamingTheBody() {
        var bad = put("other", "not a zip".getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("application/zip"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("detail").toString()).startsWith("body: ");
        var badCsv = put("other", "hour,low_wh,high_wh\n0,1,2\n".getBytes(StandardCharsets.UTF_8),
                MediaType.parseMediaType("text/csv"));
        assertThat(badCsv.getBody().get("detail").toString()).contains("no row for hour(s)");
        var badMeter = put("bad!meter", "hour,low_wh,high_wh\n".getBytes(StandardCharsets.UTF_8),
                MediaType.parseMediaType("text/csv"));
        assertThat(badMeter.getStatusCode().value()).isEqualTo(400);
        assertThat(badMeter.getBody().get("errors").toString()).contains("field=meter").contains("must be a meter id");
        assertThat(rollback("bad!meter").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void noBodyCanFillTheMemoryAndAZipBombChangesNothing() throws Exception {
        String before = api().get().uri("/api/models").retrieve().body(String.class);
        var huge = put("default", new byte[9 * 1024 * 1024], MediaType.parseMediaType("application/zip"));
        assertThat(huge.getStatusCode().value()).as("a declared length past the models topic's record")
                .isEqualTo(413);
        assertThat(huge.getBody().get("errors").toString()).contains("field=body");

        // a body with no declared length that streams on past the limit is cut off as it goes
        HttpResponse<String> streamed = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/score"))
                        .header("Authorization", "Bearer " + OwnerClient.TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                                ("[" + " ".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8))))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(streamed.body()).contains("\"field\":\"body\"");
        // a model streamed on past what the models topic takes: refused the same way
        HttpResponse<String> streamedModel = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/models/default"))
                        .header("Authorization", "Bearer " + OwnerClient.TOKEN)
                        .header("Content-Type", "application/zip")
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                                new byte[9 * 1024 * 1024])))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(streamedModel.statusCode()).isEqualTo(413);
        assertThat(streamedModel.body()).contains("at most 8388608 bytes");

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("low.zip"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        var refused = put("default", bomb.toByteArray(), MediaType.parseMediaType("application/zip"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("detail").toString()).contains("inflates beyond");
        assertThat(api().get().uri("/api/models").retrieve().body(String.class)).isEqualTo(before);
    }

    private List<ScoredReading> readScored(String meter, int count) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "swap-reader-" + System.nanoTime(), false);
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.SCORED));
            List<ScoredReading> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(r -> {
                    ScoredReading s = EventJson.read(r.value(), ScoredReading.class);
                    if (s.reading().meterId().equals(meter)) {
                        seen.add(s);
                    }
                });
                return seen.size() >= count;
            });
            return seen;
        }
    }
}
