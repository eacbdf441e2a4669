package org.wattwatch.notifier.delivery;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.notifier.TestAnomalies;
import org.wattwatch.access.OwnerClient;

/**
 * The notifier is stopped while some notifications wait for a provider that is down, and started
 * again: every alert reaches the provider exactly once, the ones delivered before the restart are
 * not repeated even when their anomalies come again, and the alert list survives.
 */
@EmbeddedKafka(partitions = 1)
class NotifierRestartIT {

    @RegisterExtension
    static WireMockExtension webhook = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private static final WebhookFake provider = new WebhookFake(webhook);

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void broker(EmbeddedKafkaBroker embedded) {
        broker = embedded;
    }

    private static ConfigurableApplicationContext startNotifier() {
        // alerts of January 2026, each told by itself
        return startNotifier("--wattwatch.notifier.backlog-burst=1000");
    }

    private static ConfigurableApplicationContext startNotifier(String... settings) {
        List<String> all = new ArrayList<>(List.of("--wattwatch.notifier.delivery.initial-backoff=300ms",
                "--wattwatch.notifier.delivery.max-backoff=1s"));
        all.addAll(List.of(settings));
        return TestNotifiers.start(broker, webhook.baseUrl() + "/hook", all.toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private static String webhookOutcome(ConfigurableApplicationContext notifier, String meter) {
        return alerts(notifier).stream().filter(a -> meter.equals(((Map<?, ?>) a.get("anomaly")).get("meterId")))
                .map(a -> ((Map<String, Map<String, Object>>) a.get("deliveries")).get("RAISED/webhook"))
                .map(d -> d == null ? "NONE" : String.valueOf(d.get("outcome"))).findFirst().orElse("NONE");
    }

    /** A backlog's held alerts are in the alert book, so a restart before their digest loses none of them. */
    @Test
    void eventsHeldForADigestOutliveARestartAndAreToldOnce() throws Exception {
        List<String> late = List.of("held-1", "held-2", "held-3");
        late.forEach(m -> provider.answer(m, 200));
        ConfigurableApplicationContext first = startNotifier("--wattwatch.notifier.backlog-burst=0",
                "--wattwatch.notifier.backlog-quiet=1h");
        try {
            for (String m : late) {
                send(TestAnomalies.raised(m));
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> late.stream().allMatch(m -> webhookOutcome(first, m).equals("HELD")));
        } finally {
            first.close();
        }
        assertThat(late).allMatch(m -> provider.requests(m) == 0);

        ConfigurableApplicationContext second = startNotifier("--wattwatch.notifier.backlog-burst=0",
                "--wattwatch.notifier.backlog-quiet=1s");
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> late.stream().allMatch(m -> webhookOutcome(second, m).equals("DELIVERED")));
            for (String m : late) {
                assertThat(provider.successes(m)).as("messages about %s: the one digest", m).isEqualTo(1);
            }
        } finally {
            second.close();
        }
    }

    private static void send(Anomaly anomaly) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ANOMALIES, anomaly.meterId(), EventJson.write(anomaly))).get();
        }
    }

    private static List<Map<String, Object>> alerts(ConfigurableApplicationContext notifier) {
        return OwnerClient.create("http://127.0.0.1:" + notifier.getEnvironment().getProperty("local.server.port"))
                .get().uri("/api/alerts").retrieve().body(new ParameterizedTypeReference<>() { });
    }

    @Test
    void aRestartMidDeliveryLosesNothingAndRepeatsNothing() throws Exception {
        List<String> delivered = List.of("r-1", "r-2", "r-3");
        List<String> waiting = List.of("r-4", "r-5");
        delivered.forEach(m -> provider.answer(m, 200));
        waiting.forEach(m -> provider.answer(m, 503));

        ConfigurableApplicationContext first = startNotifier();
        try {
            for (String m : delivered) {
                send(TestAnomalies.raised(m));
            }
            for (String m : waiting) {
                send(TestAnomalies.raised(m));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered.stream().allMatch(m -> provider.successes(m) == 1)
                    && waiting.stream().allMatch(m -> provider.requests(m) >= 1));
        } finally {
            first.close();
        }

        provider.answer("r-4", 200);
        provider.answer("r-5", 200);
        provider.answer("marker", 200);
        ConfigurableApplicationContext second = startNotifier();
        try {
            for (String m : delivered) {
                send(TestAnomalies.raised(m)); // the same anomalies again, as a scoring replay would send them
            }
            send(TestAnomalies.raised("marker"));
            await().atMost(Duration.ofSeconds(60)).until(() -> provider.successes("marker") == 1
                    && waiting.stream().allMatch(m -> provider.successes(m) == 1));

            for (String m : List.of("r-1", "r-2", "r-3", "r-4", "r-5")) {
                assertThat(provider.successes(m)).as("deliveries of %s", m).isEqualTo(1);
            }
            assertThat(alerts(second)).extracting(a -> String.valueOf(((Map<?, ?>) a.get("anomaly")).get("meterId")))
                    .contains("r-1", "r-2", "r-3", "r-4", "r-5");
        } finally {
            second.close();
        }
    }
}
