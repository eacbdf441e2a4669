package org.wattwatch.notifier.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaRetryTopic;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.kafka.retrytopic.RetryTopicSchedulerWrapper;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.wattwatch.notifier.channel.PermanentDeliveryException;
import org.wattwatch.topics.TopicsProperties;

/**
 * Non-blocking retries with Kafka's own topics: a failed notification waits in
 * {@code power.notifications.retry-N} while the next ones are delivered, so one channel being down
 * never holds up another, and nothing waits in memory where a restart would lose it.
 */
@Configuration
@EnableKafkaRetryTopic
class DeliveryRetryConfig {

    @Bean
    RetryTopicConfiguration notificationRetries(KafkaTemplate<?, ?> kafka, DeliveryProperties delivery,
            TopicsProperties topics) {
        return RetryTopicConfigurationBuilder.newInstance()
                .includeTopic(topics.names().notifications())
                .maxAttempts(delivery.attempts())
                .exponentialBackoff(delivery.initialBackoff().toMillis(), delivery.multiplier(),
                        delivery.maxBackoff().toMillis())
                .notRetryOn(PermanentDeliveryException.class)
                .retryTopicSuffix(".retry")
                .dltSuffix(".dlq")
                .autoCreateTopicsWith(topics.partitions(), topics.replicationFactor())
                .dltHandlerMethod("notificationDeliverer", "deadLettered")
                .create(kafka);
    }

    /** Wakes paused retry partitions when their delay is over. */
    @Bean(destroyMethod = "destroy")
    RetryTopicSchedulerWrapper retryTopicScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("notification-retry-");
        scheduler.initialize();
        return new RetryTopicSchedulerWrapper(scheduler);
    }
}
