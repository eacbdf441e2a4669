package org.wattwatch.notifier.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.notifier.delivery.AlertBook;
import org.wattwatch.notifier.feedback.OwnerFeedback;
import org.wattwatch.topics.TopicsProperties;

import tools.jackson.databind.json.JsonMapper;

/** WattWatch in Home Assistant over MQTT, when {@code wattwatch.notifier.mqtt.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("wattwatch.notifier.mqtt.enabled")
class MqttConfig {

    /** Closed by the devices' stop, after it said "offline". */
    @Bean(destroyMethod = "")
    MqttLink mqttLink(MqttProperties properties, MeterRegistry registry) {
        properties.check();
        return new MqttLink(properties, registry);
    }

    @Bean
    HomeAssistantDevices homeAssistantDevices(MqttLink link, MqttProperties properties, AlertBook book,
            OwnerFeedback feedback, JsonMapper json, MeterRegistry registry) {
        return new HomeAssistantDevices(link, properties, book, feedback, json, registry);
    }

    /** The notifier may start before the scoring service, as for the topics it always reads. */
    @Bean
    KafkaAdmin.NewTopics scoredTopic(TopicsProperties topics, TopicNames names) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(names.scored()).partitions(topics.partitions())
                .replicas(topics.replicationFactor()).build());
    }

    @Bean
    ScoredReadings scoredReadings(HomeAssistantDevices devices, MeterRegistry registry) {
        return new ScoredReadings(devices, registry);
    }

    /** DOWN while the broker cannot be reached, with why; like a failing channel, not part of readiness. */
    @Bean("mqtt")
    HealthIndicator mqttHealth(MqttLink link) {
        return () -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("broker", link.broker());
            if (link.isConnected()) {
                return Health.up().withDetails(details).build();
            }
            details.put("error", String.valueOf(link.lastError()));
            return Health.down().withDetails(details).build();
        };
    }
}
