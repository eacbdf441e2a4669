package org.wattwatch.scoring.config;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Consumer settings for following a topic on every instance (models, the dashboard's history):
 * partitions assigned by hand, no consumer group and no committed offsets, since each instance
 * reads everything itself; only committed (exactly-once) output.
 */
public final class TopicFollower {

    private TopicFollower() {
    }

    public static Map<String, Object> consumerConfig(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }
}
