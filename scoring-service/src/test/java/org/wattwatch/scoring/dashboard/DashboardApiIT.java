package org.wattwatch.scoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.scoring.ScoringApplication;
import org.wattwatch.access.OwnerClient;

/** The dashboard's API on a real broker, the notifier deliberately absent. */
@SpringBootTest(classes = ScoringApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {OwnerClient.SETTING, "spring.config.name=" + ScoringApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "spring.kafka.streams.state-dir=${java.io.tmpdir}/wattwatch-dashboard-it-${random.uuid}",
                "wattwatch.topics.partitions=1",
                "wattwatch.scoring.zone=Europe/Paris",
                "wattwatch.dashboard.notifier-url=http://127.0.0.1:9",
                "wattwatch.dashboard.notifier-timeout=500ms"})
@EmbeddedKafka(partitions = 1, brokerProperties = {"transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1"})
class DashboardApiIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    private ResponseEntity<Map<String, Object>> get(String path) {
        return OwnerClient.create("http://127.0.0.1:" + port).get().uri(path).retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(JSON);
    }

    private void send(String meter, String localStart, double wh) {
        var start = LocalDateTime.parse(localStart).atZone(PARIS).toInstant();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.READINGS, meter,
                    EventJson.write(new MeterReading(1, meter, start, start.plusSeconds(3600), wh, (long) wh, "t", 1))));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(ResponseEntity<Map<String, Object>> response, String key) {
        return (List<Map<String, Object>>) response.getBody().get(key);
    }

    @Test
    void aDayHasItsReadingsAndAnHourlyBandOnTheWallClockAcrossDstChanges() {
        send("dst", "2026-03-29T01:00", 200);
        send("dst", "2026-03-29T04:00", 1500);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> list(get("/api/dashboard/day?meter=dst&date=2026-03-29"), "points").size() == 2);

        var spring = get("/api/dashboard/day?meter=dst&date=2026-03-29");
        assertThat(list(spring, "band")).hasSize(23); // 02:00 does not exist that night
        assertThat(list(spring, "points")).extracting(p -> p.get("above")).containsExactly(false, true);
        assertThat(list(spring, "points").get(1)).containsEntry("watts", 1500.0);
        // the band of 04:00 local is the seed's hour 4, in average watts over the hour
        assertThat(list(spring, "band").get(3)).containsEntry("lowWatts", 108.0).containsEntry("highWatts", 363.0);
        assertThat(spring.getBody()).containsEntry("above", 1);

        assertThat(list(get("/api/dashboard/day?meter=dst&date=2026-10-25"), "band")).hasSize(25);
        assertThat(list(get("/api/dashboard/week?meter=dst&date=2026-03-29"), "band")).hasSize(167);
        assertThat(get("/api/dashboard/model?meter=dst").getBody()).containsEntry("kind", "hourly-envelope")
                .containsEntry("ownModel", false);
    }

    @Test
    void aNewPointReachesAnOpenPageAsAServerSentEvent() throws Exception {
        send("live", "2026-01-05T01:00", 200); // so the meter is known
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> get("/api/dashboard/day?meter=live").getStatusCode().is2xxSuccessful());
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/dashboard/live?meter=live"))
                .header("Authorization", "Bearer " + OwnerClient.TOKEN).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        return line;
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        send("live", "2026-01-05T02:00", 777);
        await().atMost(Duration.ofSeconds(60)).until(event::isDone);
        assertThat(event.get()).contains("\"wh\":777.0").contains("\"above\":true");
        stream.body().close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theModelCardOfATrainedPackageHasItsTrainingSpanAndBacktest() throws Exception {
        byte[] trained = java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("../model-package/src/test/resources/models/seed-like-gbm.zip"));
        var assigned = OwnerClient.create("http://127.0.0.1:" + port).put().uri("/api/models/packaged")
                .contentType(org.springframework.http.MediaType.parseMediaType("application/zip")).body(trained)
                .retrieve().toEntity(JSON);
        assertThat(assigned.getStatusCode().value()).isEqualTo(200);

        var card = get("/api/dashboard/model?meter=packaged").getBody();
        assertThat(card).containsEntry("kind", "gbm-quantile-envelope").containsEntry("ownModel", true)
                .containsEntry("trainedFrom", "2025-10-07T00:00:00").containsEntry("trainedTo", "2026-01-04T23:00:00")
                .containsEntry("trainingWindows", 2160).containsEntry("averageAlertsPerMonth", 0.0);
        assertThat((Map<String, Object>) card.get("alertsPerMonth")).containsOnlyKeys("2025-10", "2025-11", "2025-12", "2026-01");
        assertThat(card.get("version")).isEqualTo(assigned.getBody().get("version"));
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        var unknown = get("/api/dashboard/day?meter=nobody");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(list(unknown, "errors")).extracting(e -> e.get("field")).containsExactly("meter");

        send("dates", "2026-01-05T01:00", 200);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> get("/api/dashboard/day?meter=dates").getStatusCode().is2xxSuccessful());
        var badDate = get("/api/dashboard/day?meter=dates&date=05/01/2026");
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        assertThat(list(badDate, "errors")).extracting(e -> e.get("field")).containsExactly("date");
    }

    @Test
    void withoutTheNotifierAlertsAreA503AndTheStatusSaysSo() {
        var alerts = get("/api/dashboard/alerts");
        assertThat(alerts.getStatusCode().value()).isEqualTo(503);
        assertThat(alerts.getBody()).containsEntry("title", "Notifier unreachable");
        assertThat(alerts.getBody().get("detail").toString()).contains("http://127.0.0.1:9");

        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(get("/api/dashboard/status")
                .getBody().get("broker")));
        assertThat(get("/api/dashboard/status").getBody()).containsEntry("notifier", false)
                .containsEntry("streams", "RUNNING");
    }
}
