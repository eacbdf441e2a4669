package org.wattwatch.notifier.delivery;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.notifier.config.NotifierProperties;

/** Alert books for tests outside this package. */
public final class AlertBooks {

    private AlertBooks() {
    }

    /** An empty, never started book whose alerts cannot be read: what a follower of the book must survive. */
    public static AlertBook unreadable(NotifierProperties properties, KafkaTemplate<?, ?> kafka,
            ConsumerFactory<?, ?> consumers, TopicNames topics, MeterRegistry registry, Clock clock) {
        return new Unstarted(properties, kafka, consumers, topics, registry, clock) {
            @Override
            public synchronized java.util.List<AlertRecord> recent() {
                throw new IllegalStateException("the book cannot be read");
            }
        };
    }

    /**
     * A book that is never started (so never reads its topic): empty until something is recorded, which
     * would write to {@code kafka}.
     */
    public static AlertBook empty(NotifierProperties properties, KafkaTemplate<?, ?> kafka,
            ConsumerFactory<?, ?> consumers, TopicNames topics, MeterRegistry registry, Clock clock) {
        return new Unstarted(properties, kafka, consumers, topics, registry, clock);
    }

    /** A book no context starts, telling no one of its changes. */
    private static class Unstarted extends AlertBook {

        Unstarted(NotifierProperties properties, KafkaTemplate<?, ?> kafka, ConsumerFactory<?, ?> consumers,
                TopicNames topics, MeterRegistry registry, Clock clock) {
            super(properties, new AlertStateTopic(kafka, consumers, topics, properties, registry), clock, event -> { });
        }

        @Override
        public boolean isAutoStartup() {
            return false;
        }
    }
}
