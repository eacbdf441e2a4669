package org.wattwatch.trainer.retrain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.learning.AlertFeedback;
import org.wattwatch.event.learning.ModelDecision;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.topics.TopicReplay;

/**
 * What a retrain reads and writes on Kafka: the meters' history ({@code power.history}), the owner's
 * feedback ({@code power.alerts.feedback}), and its decisions ({@code power.models.decisions}). A record
 * that cannot be read is skipped and counted, never a reason to stop.
 */
final class LearningTopics {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

    private final Map<String, Object> kafka;
    private final TopicNames topics;
    private long skipped;

    /** @param kafka client settings: {@code bootstrap.servers} and any security settings */
    LearningTopics(Map<String, Object> kafka, TopicNames topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    /** Each chosen meter's history, oldest first, one record per interval. */
    Map<String, List<MeterReading>> history(Predicate<String> meters) {
        Map<String, TreeMap<Instant, MeterReading>> byMeter = new TreeMap<>();
        read(topics.history(), (key, value) -> {
            MeterReading r = EventJson.readValidWithLaterFields(value, MeterReading.class, MeterReading::violations);
            if (meters.test(r.meterId())) {
                byMeter.computeIfAbsent(r.meterId(), m -> new TreeMap<>()).put(r.intervalStart(), r);
            }
        });
        Map<String, List<MeterReading>> history = new LinkedHashMap<>();
        byMeter.forEach((meter, readings) -> history.put(meter, List.copyOf(readings.values())));
        return history;
    }

    /** The owner's latest word on each alert, by meter. */
    Map<String, List<AlertFeedback>> feedback() {
        Map<String, AlertFeedback> byAlert = new HashMap<>();
        read(topics.alertFeedback(), (key, value) -> {
            if (value == null) {
                byAlert.remove(key);
                return;
            }
            AlertFeedback f = EventJson.readValidWithLaterFields(value, AlertFeedback.class, AlertFeedback::violations);
            byAlert.put(f.alertId(), f);
        });
        Map<String, List<AlertFeedback>> byMeter = new TreeMap<>();
        byAlert.values().forEach(f -> byMeter.computeIfAbsent(f.meterId(), m -> new ArrayList<>()).add(f));
        return byMeter;
    }

    void record(ModelDecision decision) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.modelDecisions(), decision.meterId(), EventJson.write(decision)))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** Records skipped because they could not be read. */
    long skipped() {
        return skipped;
    }

    private interface Handler {
        void accept(String key, byte[] value);
    }

    private void read(String topic, Handler handler) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put("isolation.level", "read_committed");
        TopicReplay.readAll(config, new StringDeserializer(), new ByteArrayDeserializer(), topic, READ_TIMEOUT,
                r -> handler.accept(r.key(), r.value()), (r, e) -> skipped++);
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        return config;
    }
}
