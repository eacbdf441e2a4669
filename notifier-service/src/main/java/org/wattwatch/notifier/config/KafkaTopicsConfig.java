package org.wattwatch.notifier.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.wattwatch.model.topic.Topics;

/** The notifier may start before the scoring service: it creates the topics it reads and writes. */
@Configuration
class KafkaTopicsConfig {

    @Bean
    KafkaAdmin.NewTopics notifierTopics(TopicsProperties topics) {
        return new KafkaAdmin.NewTopics(topic(Topics.ANOMALIES, topics), topic(Topics.ANOMALIES_DLQ, topics));
    }

    private static NewTopic topic(String name, TopicsProperties topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
    }
}
