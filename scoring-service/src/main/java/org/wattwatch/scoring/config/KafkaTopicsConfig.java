package org.wattwatch.scoring.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.scoring.history.HistoryProperties;
import org.wattwatch.scoring.model.ModelRegistry;
import org.wattwatch.topics.TopicsProperties;

/** Creates the topics the topology needs before it starts (Kafka Streams will not create sources). */
@Configuration
@EnableKafkaStreams
class KafkaTopicsConfig {

    @Bean
    KafkaAdmin.NewTopics scoringTopics(TopicsProperties topics, TopicNames names, HistoryProperties history) {
        return new KafkaAdmin.NewTopics(
                topic(names.readings(), topics),
                // kept for years, not compacted: every slot is a record of its own
                TopicBuilder.name(names.history()).partitions(topics.partitions()).replicas(topics.replicationFactor())
                        .config("retention.ms", Long.toString(history.retention().toMillis())).build(),
                // as long: a model's history is read with the history it learned from
                TopicBuilder.name(names.modelDecisions()).partitions(topics.partitions())
                        .replicas(topics.replicationFactor())
                        .config("retention.ms", Long.toString(history.retention().toMillis())).build(),
                topic(names.scored(), topics),
                topic(names.anomalies(), topics),
                topic(names.readingsDlq(), topics),
                // compacted: the latest model per meter; a model package can be a few MB
                TopicBuilder.name(names.models()).partitions(1).replicas(topics.replicationFactor()).compact()
                        .config("max.message.bytes", Integer.toString(ModelRegistry.MAX_MODEL_BYTES)).build());
    }

    private static NewTopic topic(String name, TopicsProperties topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
    }
}
