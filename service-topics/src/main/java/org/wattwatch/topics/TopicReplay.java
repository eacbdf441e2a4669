package org.wattwatch.topics;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The one way WattWatch reads a topic to its end: to rebuild what a service knows at start (the models in
 * use, the alert book), to find an agent's newest reading, and to count what a benchmark wrote. The ends
 * are taken when the read begins, so records written meanwhile are left to whoever follows the topic. A
 * record the handler cannot take (it throws) is skipped and handed to the caller's {@code skipped}, to be
 * counted, never a reason to stop; a deadline bounds the whole read.
 */
public final class TopicReplay {

    private static final Duration POLL = Duration.ofMillis(200);

    private TopicReplay() {
    }

    /** Reads every partition of {@code topic} from its beginning, on a consumer of its own that it closes. */
    public static <K, V> long readAll(Map<String, Object> consumerConfig, Deserializer<K> keys, Deserializer<V> values,
            String topic, Duration timeout, java.util.function.Consumer<ConsumerRecord<K, V>> handler,
            BiConsumer<ConsumerRecord<K, V>, RuntimeException> skipped) {
        try (Consumer<K, V> consumer = new KafkaConsumer<>(consumerConfig, keys, values)) {
            assignFromBeginning(consumer, topic, timeout);
            return toEnd(consumer, topic, timeout, handler, skipped);
        }
    }

    /** Assigns every partition of {@code topic} (none while it does not exist), at its beginning. */
    public static List<TopicPartition> assignFromBeginning(Consumer<?, ?> consumer, String topic, Duration timeout) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        List<TopicPartition> all = partitions == null ? List.of()
                : partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(all);
        consumer.seekToBeginning(all);
        return all;
    }

    /** Assigns {@code partitions}, each at most {@code records} before its end. */
    public static void assignLast(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, long records,
            Duration timeout) {
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
        for (TopicPartition p : partitions) {
            consumer.seek(p, Math.max(begin.get(p), end.get(p) - records));
        }
    }

    /**
     * Reads the consumer's assigned partitions from where it is to their ends as they are now.
     *
     * @param what    what is read, for the error when the deadline passes
     * @return the records read, skipped ones included
     * @throws IllegalStateException when the ends are not reached within {@code timeout}
     */
    public static <K, V> long toEnd(Consumer<K, V> consumer, String what, Duration timeout,
            java.util.function.Consumer<ConsumerRecord<K, V>> handler,
            BiConsumer<ConsumerRecord<K, V>, RuntimeException> skipped) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), timeout) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + what + " to its end within " + timeout);
            }
            for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
                count++;
                try {
                    handler.accept(record);
                } catch (RuntimeException e) {
                    skipped.accept(record, e);
                }
            }
        }
        return count;
    }
}
