package org.wattwatch.topics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.wattwatch.event.topic.TopicNames;

/** Binds {@code wattwatch.topics.*} and names the topics ({@code @topicNames} in listener expressions). */
@AutoConfiguration
@EnableConfigurationProperties(TopicsProperties.class)
public class TopicsAutoConfiguration {

    @Bean
    TopicNames topicNames(TopicsProperties topics) {
        return topics.names();
    }
}
