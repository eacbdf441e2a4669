package org.wattwatch.notifier.delivery;

import org.springframework.core.env.Environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.notifier.NotifierApplication;
import org.wattwatch.access.OwnerClient;
import org.wattwatch.notifier.TestAnomalies;

/**
 * A webhook URL is often the secret itself (Slack, Discord, Home Assistant). When deliveries to it
 * fail, it appears in no API answer, health output, log line or stored record.
 */
@SpringBootTest(classes = NotifierApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {OwnerClient.SETTING, "spring.config.name=" + NotifierApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "wattwatch.topics.partitions=1",
                "wattwatch.notifier.channels.webhook.enabled=true",
                "wattwatch.notifier.channels.webhook.url=http://hooks-user:hooks-pass@127.0.0.1:9/services/"
                        + SecretsStaySecretIT.SECRET + "?token=" + SecretsStaySecretIT.SECRET,
                "wattwatch.notifier.delivery.attempts=2", "wattwatch.notifier.delivery.initial-backoff=200ms",
                "wattwatch.notifier.delivery.max-backoff=300ms"})
@EmbeddedKafka(partitions = 1)
@ExtendWith(OutputCaptureExtension.class)
class SecretsStaySecretIT {

    static final String SECRET = "T0SECRET-B0SECRET-XXSECRET";

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    /** Values from outside reach the log (meter ids, providers' answers): the service logs with the escaping patterns. */
    @Test
    void logLinesEscapeLineBreaks(@Autowired Environment environment) {
        assertThat(environment.getProperty("logging.pattern.console")).contains("%replace(%replace(%m)");
        assertThat(environment.getProperty("logging.pattern.file")).contains("%replace(%replace(%m)");
    }

    @Test
    void aFailingWebhooksUrlIsNeverStoredShownOrLogged(CapturedOutput output) throws Exception {
        var anomaly = TestAnomalies.raised("leaky");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ANOMALIES, anomaly.meterId(), EventJson.write(anomaly))).get();
        }
        var api = OwnerClient.create("http://127.0.0.1:" + port);
        // nothing listens on port 9: every attempt fails, and then the notification is given up
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get().uri("/api/alerts").retrieve()
                .body(String.class).contains("gave up"));

        String alerts = api.get().uri("/api/alerts").retrieve().body(String.class);
        assertThat(alerts).contains("127.0.0.1").doesNotContain(SECRET).doesNotContain("hooks-pass");
        String health = api.get().uri("/actuator/health").retrieve()
                .onStatus(status -> status.value() == 503, (req, res) -> { }).body(String.class); // DOWN: failing
        assertThat(health).contains("failing").doesNotContain(SECRET).doesNotContain("hooks-pass");
        assertThat(output.getAll()).contains("could not deliver").doesNotContain(SECRET).doesNotContain("hooks-pass")
                .as("the owner is the only user: no generated password").doesNotContain("generated security password");
        for (String topic : List.of(Topics.NOTIFICATIONS_STATE, Topics.NOTIFICATIONS_DLQ)) {
            for (ConsumerRecord<String, byte[]> r : readAll(topic)) {
                assertThat(r.value() == null ? "" : new String(r.value())).as(topic).doesNotContain(SECRET);
                for (Header h : r.headers()) {
                    assertThat(new String(h.value())).as(topic + " header " + h.key()).doesNotContain(SECRET)
                            .doesNotContain("hooks-pass");
                }
            }
        }
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "secrets-" + topic + System.nanoTime(), false);
        props.put("auto.offset.reset", "earliest");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(records::add);
                return !records.isEmpty();
            });
            return records;
        }
    }
}
