package org.wattwatch.notifier.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.wattwatch.event.json.EventFormatException;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.notifier.config.NotifierProperties;
import org.wattwatch.topics.TopicReplay;

/**
 * Where the alert book lives between restarts: the compacted {@code power.notifications.state} topic,
 * one record per alert (a tombstone once it leaves the book). A write waits for Kafka and fails as a
 * {@link StateWriteException}, for its caller to retry; a record that cannot be read back is skipped and
 * counted, never a reason not to start.
 */
@Component
class AlertStateTopic {

    private static final Logger LOG = LoggerFactory.getLogger(AlertStateTopic.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<Object, Object> kafka;
    private final ConsumerFactory<?, ?> consumers;
    private final String topic;
    private final Duration replayTimeout;
    private final Counter skipped;
    private final Counter writeFailures;

    @SuppressWarnings("unchecked")
    AlertStateTopic(KafkaTemplate<?, ?> kafka, ConsumerFactory<?, ?> consumers, TopicNames topics,
            NotifierProperties properties, MeterRegistry registry) {
        this.kafka = (KafkaTemplate<Object, Object>) kafka;
        this.consumers = consumers;
        this.topic = topics.notificationsState();
        this.replayTimeout = properties.stateReplayTimeout();
        this.skipped = Counter.builder("wattwatch.notifier.state.records.skipped")
                .description("records of the alert state topic that could not be read at startup").register(registry);
        this.writeFailures = Counter.builder("wattwatch.notifier.state.write.failures")
                .description("changes the alert state topic did not take in time (each is retried)").register(registry);
    }

    /** The alert's state, or (null) its leaving the book, once Kafka has it. */
    void write(String alertId, AlertRecord record) {
        try {
            kafka.send(topic, alertId, record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateWriteException("interrupted storing alert " + alertId, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // a send that fails at once (no metadata within max.block.ms) throws instead of failing its future
            writeFailures.increment();
            throw new StateWriteException("could not store the state of alert " + alertId, e);
        }
    }

    /**
     * Every record of the topic, in order: each alert id with its state, or null where it left the book.
     *
     * @return how many records were read
     */
    long replay(BiConsumer<String, AlertRecord> each) {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, no group: nothing to commit
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "wattwatch-notifier-state-replay");
        try {
            return TopicReplay.<String, byte[]>readAll(config, new StringDeserializer(), new ByteArrayDeserializer(),
                    topic, replayTimeout, r -> each.accept(r.key(), r.value() == null ? null : alertRecord(r.value())),
                    (r, e) -> {
                        skipped.increment();
                        LOG.error("alert state record at {}-{} offset {} skipped: {}", r.topic(), r.partition(),
                                r.offset(), e.getMessage());
                    });
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " (wattwatch.notifier.state-replay-timeout)", e);
        }
    }

    private static AlertRecord alertRecord(byte[] value) {
        AlertRecord record = EventJson.read(value, AlertRecord.class);
        if (record.anomaly() == null || record.anomaly().alertId() == null) {
            throw new EventFormatException("not an alert record: no anomaly with an alert id", null);
        }
        return record;
    }
}
