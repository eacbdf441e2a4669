package org.wattwatch.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import org.wattwatch.access.OwnerClient;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.scoring.ScoringApplication;
import org.wattwatch.topics.TopicReplay;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learning that keeps up, on the embedded broker with the scoring service and the trainer run as its
 * CronJob runs it: a home whose habits change (a new 1 kW load every evening) is alerted at first, a
 * retrain puts live a model that stops alerting on it, a heater at night is still raised after, and a
 * candidate over the alert budget is kept out, with the refusal on the dashboard's model card.
 */
class RetrainIT {

    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final String METER = "home";
    private static final LocalDate FIRST = LocalDate.now(ZONE).minusDays(40);
    private static final Path TRAINER = Path.of("..", "model-trainer", "target").toAbsolutePath().normalize();

    /** Night 250 Wh, day 450, evening (18-22) 900, each hour a little off (seeded). */
    private static List<MeterReading> days(int from, int to, BiFunction<Integer, Integer, Double> extra) {
        SplittableRandom noise = new SplittableRandom(7 + from);
        List<MeterReading> readings = new ArrayList<>();
        for (int d = from; d < to; d++) {
            for (int h = 0; h < 24; h++) {
                double base = h < 6 ? 250 : h >= 18 && h < 22 ? 900 : 450;
                Instant start = FIRST.plusDays(d).atStartOfDay(ZONE).plusHours(h).toInstant();
                double wh = base * (0.85 + 0.3 * noise.nextDouble()) + extra.apply(d, h);
                readings.add(new MeterReading(1, METER, start, start.plusSeconds(3600), wh, (long) wh, "pi", d * 24L + h));
            }
        }
        return readings;
    }

    private static BiFunction<Integer, Integer, Double> eveningLoadFrom(int day) {
        return (d, h) -> d >= day && h >= 19 && h < 21 ? 1000.0 : 0.0;
    }

    private static void send(EmbeddedSystem system, List<MeterReading> readings) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                system.broker.getBrokersAsString()), new StringSerializer(), new ByteArraySerializer())) {
            for (MeterReading r : readings) {
                producer.send(new ProducerRecord<>(Topics.READINGS, METER, EventJson.write(r)));
            }
            producer.flush();
        }
    }

    private static <T> List<T> all(EmbeddedSystem system, String topic, Class<T> type) {
        List<T> seen = new ArrayList<>();
        TopicReplay.readAll(Map.of("bootstrap.servers", system.broker.getBrokersAsString(),
                "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer(), topic,
                Duration.ofSeconds(30), r -> seen.add(EventJson.readWithLaterFields(r.value(), type)), (r, e) -> {
                    throw e;
                });
        return seen;
    }

    private static void awaitHistory(EmbeddedSystem system, int days) {
        await().atMost(Duration.ofMinutes(1)).until(() -> all(system, Topics.HISTORY, MeterReading.class).size() >= days * 24);
    }

    /** Usage alerts raised for the meter whose unusual usage began on {@code day}. */
    private static List<Anomaly> raisedOn(EmbeddedSystem system, int day) {
        Instant from = FIRST.plusDays(day).atStartOfDay(ZONE).toInstant();
        Instant to = from.plus(Duration.ofDays(1));
        return all(system, Topics.ANOMALIES, Anomaly.class).stream()
                .filter(a -> a.meterId().equals(METER) && a.state() == AnomalyState.RAISED)
                .filter(a -> !a.raisedAt().isBefore(from) && a.raisedAt().isBefore(to)).toList();
    }

    /** {@code ./wattwatch retrain}, as the CronJob runs it: its own JVM, the trainer's jar and libraries. */
    private static String retrain(EmbeddedSystem system, int scoringPort, String... options) throws Exception {
        Path jar;
        try (var files = Files.list(TRAINER)) {
            jar = files.filter(f -> f.getFileName().toString().matches("model-trainer-.*\\.jar")
                    && !f.getFileName().toString().contains("tests")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no trainer jar in " + TRAINER + ": ./mvnw package"));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Xmx1g", "-cp",
                jar + java.io.File.pathSeparator + TRAINER.resolve("lib") + java.io.File.separator + "*",
                "org.wattwatch.trainer.cli.TrainerCli", "retrain", "--meter", METER, "--recent-days", "7", "--probes", "4",
                "--zone", ZONE.getId()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WATTWATCH_SECURITY_TOKEN", OwnerClient.TOKEN);
        builder.environment().put("WATTWATCH_KAFKA_BOOTSTRAP_SERVERS", system.broker.getBrokersAsString());
        builder.environment().put("WATTWATCH_SCORING_URL", "http://localhost:" + scoringPort);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("retrain ends").isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    private static JsonNode modelCard(int port) throws IOException {
        String json = OwnerClient.create("http://localhost:" + port).get()
                .uri("/api/dashboard/model?meter={m}", METER).retrieve().body(String.class);
        return JsonMapper.builder().build().readTree(json);
    }

    @Test
    void aNewHabitIsLearnedAHeaterStillRaisedAndACandidateOverBudgetKeptOut() throws Exception {
        try (EmbeddedSystem system = new EmbeddedSystem()) {
            ConfigurableApplicationContext scoring = system.start(ScoringApplication.builder(),
                    "--wattwatch.scoring.zone=UTC",
                    "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("wattwatch-retrain-streams"));
            int port = EmbeddedSystem.port(scoring);

            // four weeks as the home always was: the first retrain replaces the seed envelope
            send(system, days(0, 28, (d, h) -> 0.0));
            awaitHistory(system, 28);
            String first = retrain(system, port);
            assertThat(first).contains("PROMOTED").contains("replaces the seed envelope");

            // a week with a new 1 kW load every evening: alerted
            send(system, days(28, 35, eveningLoadFrom(28)));
            awaitHistory(system, 35);
            await().atMost(Duration.ofMinutes(1)).until(() -> raisedOn(system, 34).size() >= 1);
            long alertedDays = java.util.stream.IntStream.range(28, 35).filter(d -> !raisedOn(system, d).isEmpty()).count();
            assertThat(alertedDays).as("the new habit is alerted at first").isGreaterThanOrEqualTo(5);

            // the retrain learns it
            String second = retrain(system, port);
            assertThat(second).contains("PROMOTED");

            // the next evening with the load is usual now; a heater at 3 am still is not
            send(system, days(35, 36, (d, h) -> (h >= 19 && h < 21 ? 1000.0 : 0.0) + (h == 3 || h == 4 ? 2000.0 : 0.0)));
            awaitHistory(system, 36);
            await().atMost(Duration.ofMinutes(1)).until(() -> !raisedOn(system, 35).isEmpty());
            List<Anomaly> day36 = raisedOn(system, 35);
            assertThat(day36).as("the heater at night is raised").anySatisfy(a ->
                    assertThat(a.raisedAt().atZone(ZONE).getHour()).isBetween(3, 4));
            assertThat(day36).as("the evening load is not").noneSatisfy(a ->
                    assertThat(a.raisedAt().atZone(ZONE).getHour()).isBetween(19, 20));

            // a candidate that would raise more than the budget on the recent days is kept out, and the
            // dashboard's model card says so
            String third = retrain(system, port, "--alert-budget", "0");
            assertThat(third).contains("not promoted").contains("more than the budget");
            await().atMost(Duration.ofSeconds(30)).until(() -> modelCard(port).path("decisions").size() >= 3);
            JsonNode decisions = modelCard(port).path("decisions");
            assertThat(decisions.get(0).path("promoted").asBoolean()).isFalse();
            assertThat(decisions.get(0).path("reason").asString()).contains("more than the budget of 0.0");
            assertThat(decisions.get(1).path("promoted").asBoolean()).isTrue();
        }
    }
}
