package org.wattwatch.notifier.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.topics.TopicsProperties;

/**
 * The notifier may start before the scoring service: it creates the topics it reads and writes.
 * The retry topics are created by the retry configuration.
 */
@Configuration
class KafkaTopicsConfig {

    @Bean
    KafkaAdmin.NewTopics notifierTopics(TopicsProperties topics, TopicNames names) {
        return new KafkaAdmin.NewTopics(
                topic(names.anomalies(), topics).build(),
                topic(names.anomaliesDlq(), topics).build(),
                topic(names.notifications(), topics).build(),
                // compacted: the latest state of each alert is kept for as long as the topic lives
                topic(names.notificationsState(), topics).compact().build(),
                // compacted: the owner's latest word on each alert, for as long as the topic lives
                topic(names.alertFeedback(), topics).compact().build());
    }

    private static TopicBuilder topic(String name, TopicsProperties topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor());
    }
}
