package org.wattwatch.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.annotation.KafkaListener;

/** Two installations on one cluster, told apart by their topic prefix, do not share consumer groups. */
class InstallationPrefixTest {

    private static StandardEnvironment environment(String prefix) throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load("notifier-service", new ClassPathResource("notifier-service.yml"))
                .forEach(env.getPropertySources()::addLast);
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("wattwatch.topics.prefix", prefix)));
        return env;
    }

    /** Every Kafka listener's group, as the environment resolves it. */
    private static java.util.List<String> listenerGroups(StandardEnvironment env) throws Exception {
        return Arrays.stream(new Class<?>[] {
            Class.forName("org.wattwatch.notifier.delivery.NotificationDispatcher"),
            Class.forName("org.wattwatch.notifier.delivery.NotificationDeliverer")})
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .map((Method m) -> m.getAnnotation(KafkaListener.class)).filter(a -> a != null)
                .map(a -> env.resolveRequiredPlaceholders(a.groupId())).toList();
    }

    @Test
    void theTopicPrefixAlsoPrefixesEveryConsumerGroup() throws Exception {
        StandardEnvironment home1 = environment("home1.");
        assertThat(home1.getProperty("spring.kafka.consumer.group-id")).isEqualTo("home1.wattwatch-notifier");
        assertThat(listenerGroups(home1)).containsExactlyInAnyOrder("home1.anomalies", "home1.notifications");
        assertThat(listenerGroups(environment(""))).as("unchanged for an installation without a prefix")
                .containsExactlyInAnyOrder("anomalies", "notifications");
    }
}
