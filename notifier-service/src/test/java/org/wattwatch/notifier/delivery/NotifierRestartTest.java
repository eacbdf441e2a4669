package org.wattwatch.notifier.delivery;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.web.client.RestClient;
import org.wattwatch.model.alert.Anomaly;
import org.wattwatch.model.json.EventJson;
import org.wattwatch.model.topic.Topics;
import org.wattwatch.notifier.NotifierApplication;
import org.wattwatch.notifier.TestAnomalies;
import org.wattwatch.notifier.OwnerClient;

/**
 * The notifier is stopped while some notifications wait for a provider that is down, and started
 * again: every alert reaches the provider exactly once, the ones delivered before the restart are
 * not repeated even when their anomalies come again, and the alert list survives.
 */
class NotifierRestartTest {

    @RegisterExtension
    static WireMockExtension webhook = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private static final WebhookFake provider = new WebhookFake(webhook);

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    private static ConfigurableApplicationContext startNotifier() {
        return NotifierApplication.builder().run("--server.port=0", "--" + OwnerClient.SETTING,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--wattwatch.topics.partitions=1",
                "--wattwatch.notifier.channels.webhook.enabled=true",
                "--wattwatch.notifier.channels.webhook.url=" + webhook.baseUrl() + "/hook",
                "--wattwatch.notifier.delivery.initial-backoff=300ms", "--wattwatch.notifier.delivery.max-backoff=1s");
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
