package org.wattwatch.notifier.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.wattwatch.model.topic.Topics;

/**
 * The notifier may start before the scoring service: it creates the topics it reads and writes.
 * The retry topics are created by the retry configuration.
 */
@Configuration
class KafkaTopicsConfig {

    @Bean
    KafkaAdmin.NewTopics notifierTopics(TopicsProperties topics) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.ANOMALIES, topics).build(),
                topic(Topics.ANOMALIES_DLQ, topics).build(),
                topic(Topics.NOTIFICATIONS, topics).build(),
                // compacted: the latest state of each alert is kept for as long as the topic lives
                topic(Topics.NOTIFICATIONS_STATE, topics).compact().build());
    }

    private static TopicBuilder topic(String name, TopicsProperties topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor());
    }
}
