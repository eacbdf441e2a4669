package org.wattwatch.agent.spool;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.topics.TopicReplay;

/**
 * This agent's newest reading per meter at the end of {@code power.readings} (the last one written,
 * not the highest sequence: an agent whose spool was wiped numbers its readings from 0 again). A
 * reading sent, acknowledged and then lost from the spool's bookkeeping (a power cut between the
 * two, or an acknowledgement lost in a network cut) is found here and not sent twice.
 */
class KafkaTail {

    /** How far back to look per partition; far more than one agent writes between two checks. */
    private static final int LOOK_BACK = 5_000;

    private final Map<String, Object> clientConfig;
    private final String topic;

    KafkaTail(Map<String, Object> producerConfig, String topic) {
        this.topic = topic;
        this.clientConfig = producerConfig.entrySet().stream()
                .filter(e -> e.getKey().equals("bootstrap.servers") || e.getKey().startsWith("security.")
                        || e.getKey().startsWith("sasl.") || e.getKey().startsWith("ssl."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Map<String, MeterReading> lastReadings(String agentId, Collection<String> meters, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Map<String, MeterReading> last = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                return last;
            }
            List<TopicPartition> ours = meters.stream()
                    .map(m -> new TopicPartition(topic,
                            Utils.toPositive(Utils.murmur2(m.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                                    % partitions.size()))
                    .distinct().toList();
            TopicReplay.assignLast(consumer, ours, LOOK_BACK, timeout);
            TopicReplay.toEnd(consumer, topic, timeout, r -> {
                if (r.key() != null && meters.contains(r.key())) {
                    MeterReading reading = EventJson.read(r.value(), MeterReading.class);
                    if (agentId.equals(reading.agentId())) {
                        last.put(reading.meterId(), reading); // offset order is the order written
                    }
                }
            }, (r, e) -> {
                // another producer's bad record: not ours, and the scoring service dead-letters it
            });
        }
        return last;
    }
}
