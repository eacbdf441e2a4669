package org.wattwatch.scoring.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Two installations on one cluster, told apart by their topic prefix, do not share a Streams application. */
class InstallationPrefixTest {

    private static String applicationId(String prefix) throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load("scoring-service", new ClassPathResource("scoring-service.yml"))
                .forEach(env.getPropertySources()::addLast);
        if (prefix != null) {
            env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("wattwatch.topics.prefix", prefix)));
        }
        return env.getProperty("spring.kafka.streams.application-id");
    }

    @Test
    void theTopicPrefixAlsoPrefixesTheStreamsApplicationId() throws Exception {
        assertThat(applicationId("home1.")).isEqualTo("home1.wattwatch-scoring");
        assertThat(applicationId(null)).as("unchanged for an installation without a prefix").isEqualTo("wattwatch-scoring");
    }
}
