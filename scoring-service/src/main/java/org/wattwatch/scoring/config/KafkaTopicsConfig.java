package org.wattwatch.scoring.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.wattwatch.model.topic.Topics;

/** Creates the topics the topology needs before it starts (Kafka Streams will not create sources). */
@Configuration
@EnableKafkaStreams
class KafkaTopicsConfig {

    @Bean
    KafkaAdmin.NewTopics scoringTopics(TopicsProperties topics) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.READINGS, topics),
                topic(Topics.SCORED, topics),
                topic(Topics.ANOMALIES, topics),
                topic(Topics.READINGS_DLQ, topics));
    }

    private static NewTopic topic(String name, TopicsProperties topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
    }
}
