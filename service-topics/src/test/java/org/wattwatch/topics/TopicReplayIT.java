package org.wattwatch.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class TopicReplayIT {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, "replayed");
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stop() {
        broker.destroy();
    }

    private static Map<String, Object> config() {
        return Map.of("bootstrap.servers", broker.getBrokersAsString(), "enable.auto.commit", false);
    }

    private static void write(String topic, String... values) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < values.length; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, values[i])).get();
            }
        }
    }

    @Test
    void readsEveryPartitionToItsEndAndSkipsWhatItsHandlerCannotTake() throws Exception {
        write("replayed", "1", "2", "bad", "4", "5", "6");
        List<String> taken = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long read = TopicReplay.readAll(config(), new StringDeserializer(), new StringDeserializer(), "replayed",
                Duration.ofSeconds(30), r -> taken.add(String.valueOf(Integer.parseInt(r.value()))),
                (r, e) -> skipped.add(r.value() + ": " + e.getClass().getSimpleName()));
        assertThat(read).isEqualTo(6);
        assertThat(taken).containsExactlyInAnyOrder("1", "2", "4", "5", "6");
        assertThat(skipped).containsExactly("bad: NumberFormatException");
    }

    @Test
    void aTopicThatDoesNotExistYetIsReadAsEmpty() {
        List<ConsumerRecord<String, String>> taken = new ArrayList<>();
        assertThat(TopicReplay.readAll(config(), new StringDeserializer(), new StringDeserializer(), "not-yet",
                Duration.ofSeconds(10), taken::add, (r, e) -> { })).isZero();
        assertThat(taken).isEmpty();
    }

    @Test
    void theLastRecordsOfAPartitionAreReadFromBeforeItsEnd() throws Exception {
        write("tail", "a", "b", "c", "d", "e");
        try (var consumer = new KafkaConsumer<>(config(), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("tail", Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            TopicReplay.assignLast(consumer, partitions, 2, Duration.ofSeconds(10));
            List<String> taken = new ArrayList<>();
            TopicReplay.toEnd(consumer, "tail", Duration.ofSeconds(30), r -> taken.add(r.value()), (r, e) -> { });
            assertThat(taken).hasSizeLessThanOrEqualTo(2 * partitions.size()).contains("e");
            assertThat(consumer.assignment()).containsExactlyInAnyOrderElementsOf(partitions);
        }
    }
}
