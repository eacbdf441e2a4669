package org.wattwatch.notifier.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.notifier.TestAnomalies;
import org.wattwatch.notifier.config.NotifierProperties;
import org.wattwatch.notifier.delivery.AlertBook;
import org.wattwatch.notifier.delivery.AlertBooks;
import org.wattwatch.notifier.delivery.AlertChanged;
import org.wattwatch.notifier.delivery.AlertRecord;
import org.wattwatch.notifier.feedback.OwnerFeedback;

import tools.jackson.databind.json.JsonMapper;

/** Home Assistant follows the alerts; it never holds them up. */
class HomeAssistantDevicesTest {

    private static final Map<String, Object> NOWHERE = Map.of("bootstrap.servers", "127.0.0.1:9");

    @Test
    void whatGoesWrongShowingAnAlertInHomeAssistantIsCountedNotPassedToTheAlertsDelivery() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        NotifierProperties notifier = new NotifierProperties(200, Locale.ENGLISH, Duration.ofSeconds(1),
                Duration.ofHours(1), ZoneId.of("UTC"), 3, Duration.ofSeconds(30), Duration.ofDays(30), null);
        KafkaTemplate<Object, Object> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(NOWHERE));
        AlertBook unreadable = AlertBooks.unreadable(notifier, kafka, new DefaultKafkaConsumerFactory<>(NOWHERE),
                new TopicNames(""), registry, Clock.systemUTC());
        MqttProperties mqtt = new MqttProperties(true, URI.create("tcp://127.0.0.1:9"), null, null, null, "t",
                "homeassistant", "wattwatch", true, Duration.ofHours(1), true, 100, Duration.ofSeconds(1));
        MqttLink link = new MqttLink(mqtt, registry);
        try {
            HomeAssistantDevices devices = new HomeAssistantDevices(link, mqtt, unreadable,
                    new OwnerFeedback(unreadable, kafka, new TopicNames(""), Clock.systemUTC()),
                    JsonMapper.builder().build(), registry);
            AlertRecord record = new AlertRecord(TestAnomalies.raised("main"), "words", Instant.now(), null,
                    new TreeMap<>(), Instant.now());

            assertThatCode(() -> devices.alertChanged(new AlertChanged(record))).doesNotThrowAnyException();
            assertThat(registry.get("wattwatch.notifier.mqtt.failed").counter().count()).isEqualTo(1);
        } finally {
            link.close();
        }
    }
}
