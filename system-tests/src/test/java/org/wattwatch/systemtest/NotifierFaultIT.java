package org.wattwatch.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.wattwatch.access.OwnerClient;
import org.wattwatch.devtools.ChildBroker;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.notifier.NotifierApplication;

/**
 * Kafka goes away just as a provider accepts a push: the notifier cannot record the delivery, and
 * must not push again when it retries; once Kafka is back the delivery is recorded. The broker is a
 * real one in a process of its own, the provider a real HTTP server.
 */
class NotifierFaultIT {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;

    private ChildBroker broker;
    private HttpServer provider;

    @AfterEach
    void cleanUp() {
        if (provider != null) {
            provider.stop(0);
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aPushAcceptedWhileKafkaIsAwayIsNeverPushedAgainAndIsRecordedOnceKafkaIsBack() throws Exception {
        broker = ChildBroker.start(dir);
        AtomicInteger pushes = new AtomicInteger();
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/hook", exchange -> {
            pushes.incrementAndGet();
            received.countDown();
            try {
                answer.await(60, TimeUnit.SECONDS); // the provider is slow to answer...
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1); // ...and accepts
            exchange.close();
        });
        provider.start();

        try (ConfigurableApplicationContext notifier = NotifierApplication.builder().run("--server.port=0",
                "--" + OwnerClient.SETTING, "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(), "--wattwatch.topics.partitions=1",
                "--wattwatch.notifier.channels.webhook.enabled=true",
                "--wattwatch.notifier.channels.webhook.url=http://127.0.0.1:" + provider.getAddress().getPort() + "/hook",
                "--wattwatch.notifier.delivery.initial-backoff=1s", "--wattwatch.notifier.delivery.max-backoff=2s",
                // a send to an absent broker fails after this, instead of a minute
                "--spring.kafka.producer.properties.max.block.ms=5000")) {
            Anomaly anomaly = raised("fault-meter");
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                    broker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.ANOMALIES, anomaly.meterId(), EventJson.write(anomaly))).get();
            }
            assertThat(received.await(60, TimeUnit.SECONDS)).as("the push reached the provider").isTrue();

            broker.stop();
            answer.countDown(); // accepted while Kafka is away
            MeterRegistry registry = notifier.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                Counter failures = registry.find("wattwatch.notifier.state.write.failures").counter();
                return failures != null && failures.count() >= 1; // recording the delivery failed
            });
            broker.start();

            String port = notifier.getEnvironment().getProperty("local.server.port");
            await().atMost(Duration.ofSeconds(180)).until(() -> webhookOutcome(port, anomaly).equals("DELIVERED"));
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> pushes.get() == 1);
            assertThat(pushes.get()).as("pushes of the one alert").isEqualTo(1);
        }
    }

    private static Anomaly raised(String meter) {
        Instant raisedAt = LocalDateTime.parse("2026-01-05T04:00").atZone(ZONE).toInstant();
        return new Anomaly(1, Anomaly.alertIdFor(meter, raisedAt), AnomalyState.RAISED, meter, raisedAt,
                raisedAt.plusSeconds(3600), LocalDateTime.parse("2026-01-05T04:00"), ZONE.getId(), 1500, 108, 363,
                5.4588, "seed-test", raisedAt, 1137);
    }

    @SuppressWarnings("unchecked")
    private static String webhookOutcome(String port, Anomaly anomaly) {
        List<Map<String, Object>> alerts = OwnerClient.create("http://127.0.0.1:" + port).get().uri("/api/alerts")
                .retrieve().body(new ParameterizedTypeReference<>() { });
        return alerts.stream().filter(a -> anomaly.alertId().equals(((Map<String, Object>) a.get("anomaly")).get("alertId")))
                .flatMap(a -> ((Map<String, Map<String, Object>>) a.get("deliveries")).values().stream())
                .map(d -> String.valueOf(d.get("outcome"))).findFirst().orElse("none");
    }
}
