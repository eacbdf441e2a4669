package org.wattwatch.notifier.delivery;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import org.wattwatch.event.json.EventFormatException;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.event.validation.InvalidEventException;

/**
 * Poison anomalies go to {@code power.anomalies.dlq} with the reason in a header and are counted;
 * the listener goes on with the next record. Kafka's own trouble (the notification or the alert
 * state could not be written) is not the anomaly's fault: it is retried, with a growing pause, for as
 * long as it lasts, and the anomaly is never dead-lettered for it — that would lose the alert.
 */
@Configuration
class DeadLetterConfig {

    @Bean
    DefaultErrorHandler anomalyErrorHandler(KafkaTemplate<?, ?> template, MeterRegistry registry, TopicNames topics) {
        Counter deadLettered = Counter.builder("wattwatch.notifier.anomalies.dead.lettered")
                .description("anomalies sent to the dead-letter topic").register(registry);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(topics.anomaliesDlq(), -1));
        recoverer.setHeadersFunction((record, e) -> new RecordHeaders(new RecordHeader[] {
                new RecordHeader(Topics.DLQ_REASON_HEADER, reason(e).getBytes(StandardCharsets.UTF_8))}));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            deadLettered.increment();
            recoverer.accept(record, e);
        }, new FixedBackOff(500, 2));
        handler.setBackOffFunction((record, e) -> kafkasTrouble(e) ? untilKafkaIsBack() : null);
        return handler;
    }

    private static BackOff untilKafkaIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000); // well inside max.poll.interval.ms
        return backOff; // no limit on attempts or time
    }

    /** Whether the failure is writing to Kafka (state topic, notifications), not the record itself. */
    static boolean kafkasTrouble(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EventFormatException || t instanceof InvalidEventException
                    || t instanceof DeserializationException) {
                return false;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StateWriteException || t instanceof KafkaException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Our own exceptions say in words what is wrong; prefer them over the wrappers around them. */
    private static String reason(Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EventFormatException || t instanceof InvalidEventException) {
                return t.getMessage();
            }
            deepest = t;
        }
        return deepest.toString();
    }
}
