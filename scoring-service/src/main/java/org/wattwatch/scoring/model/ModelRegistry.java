package org.wattwatch.scoring.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.Models;
import org.wattwatch.topics.TopicReplay;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.scoring.config.FollowerLoop;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.scoring.config.TopicFollower;

/**
 * Which model scores which meter. Changes are records on the compacted {@code power.models} topic
 * ({@link ModelChanges} writes them), read by every instance from the beginning at startup (before the
 * topology runs) and then as they come, so all instances converge on the same models; a swap takes effect
 * between two readings, so none is lost or scored twice. Without any record, every meter uses the
 * configured model.
 */
@Component
@Primary
public class ModelRegistry implements SmartLifecycle, ModelSource, FollowerLoop.Source {

    /** The largest model file taken: what the models topic stores in one record. */
    public static final int MAX_MODEL_BYTES = 8 * 1024 * 1024;


    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(60);

    /** A model in use, with the record that put it there (null for the configured one). */
    public record InUse(EnvelopeModel model, ModelAssignment assignment) {
    }

    private final ActiveModel configured;
    private final Map<String, InUse> byMeter = new ConcurrentHashMap<>();
    private final String topic;
    private final Map<String, Object> consumerConfig;
    private final Counter rejected;
    private final MultiGauge inUse;
    private final Clock clock;
    private volatile boolean running;
    private FollowerLoop follower;

    public ModelRegistry(ActiveModel configured, TopicNames topics, KafkaProperties kafka, MeterRegistry registry,
            Clock clock) {
        this.clock = clock;
        this.configured = configured;
        this.topic = topics.models();
        this.consumerConfig = TopicFollower.consumerConfig(kafka);
        this.rejected = registry.counter("wattwatch.scoring.models.rejected");
        registry.gauge("wattwatch.scoring.models.assigned", byMeter, Map::size);
        this.inUse = MultiGauge.builder("wattwatch.scoring.model")
                .description("1 per model in use, tagged with the meter (or 'default') and the model's version")
                .register(registry);
        publishInUse();
    }

    /** An info-style gauge: Prometheus shows which version scores which meter, and when that changed. */
    private void publishInUse() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        rows.add(MultiGauge.Row.of(Tags.of("meter", ModelAssignment.DEFAULT, "version", defaultModel().version()), 1));
        byMeter.forEach((meter, used) -> {
            if (!meter.equals(ModelAssignment.DEFAULT)) {
                rows.add(MultiGauge.Row.of(Tags.of("meter", meter, "version", used.model().version()), 1));
            }
        });
        inUse.register(rows, true);
    }

    /** The model for this meter: its own, else the default. */
    @Override
    public EnvelopeModel modelFor(String meterId) {
        InUse own = byMeter.get(meterId);
        if (own != null) {
            return own.model();
        }
        return defaultModel();
    }

    @Override
    public boolean hasOwnModel(String meterId) {
        return !meterId.equals(ModelAssignment.DEFAULT) && byMeter.containsKey(meterId);
    }

    public EnvelopeModel defaultModel() {
        InUse assigned = byMeter.get(ModelAssignment.DEFAULT);
        return assigned != null ? assigned.model() : configured.get();
    }

    public Map<String, InUse> assignments() {
        return Map.copyOf(byMeter);
    }

    /**
     * The file of the model that scores the meter, as uploaded: its own, else the default recorded on the
     * topic, else the configured one. What a retrain compares its candidate with.
     */
    public ModelAssignment.ModelFile fileFor(String meterId) {
        InUse inUse = byMeter.get(meterId);
        if (inUse == null) {
            inUse = byMeter.get(ModelAssignment.DEFAULT);
        }
        if (inUse != null && inUse.assignment() != null) {
            return inUse.assignment().active();
        }
        return new ModelAssignment.ModelFile(configured.fileName(), configured.get().version(),
                java.util.Base64.getEncoder().encodeToString(configured.bytes()));
    }

    /** The model assigned to a meter (or {@link ModelAssignment#DEFAULT}) by a record of the topic, if any. */
    Optional<InUse> assigned(String meter) {
        return Optional.ofNullable(byMeter.get(meter));
    }

    /**
     * Waits until this instance applies a change recorded on the topic: {@code version} in use for the meter,
     * or (null) the meter back on the default.
     */
    InUse awaitApplied(String meter, String version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            InUse now = byMeter.get(meter);
            boolean applied = version == null ? now == null : now != null && version.equals(now.model().version());
            if (applied) {
                return now == null ? new InUse(defaultModel(), null) : now;
            }
            synchronized (this) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("the model change for " + meter + " was recorded but not yet applied");
    }

    /** The model file the service was configured with, as a change would record it. */
    ModelAssignment.ModelFile configuredFile() {
        return new ModelAssignment.ModelFile(configured.fileName(), configured.get().version(),
                Base64.getEncoder().encodeToString(configured.bytes()));
    }

    String topic() {
        return topic;
    }

    /** A record of the models topic, or one the registry cannot use: counted and logged, the models unchanged. */
    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            take(record);
        } catch (RuntimeException e) {
            reject(record, e);
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            byMeter.remove(ModelAssignment.meterOf(record.key()));
            LOG.info("meter {} now scored with the default model", record.key());
        } else {
            ModelAssignment read = EventJson.read(record.value(), ModelAssignment.class);
            ModelAssignment a = new ModelAssignment(read.schemaVersion(), ModelAssignment.meterOf(read.meter()),
                    read.active(), read.previous(), read.assignedAt());
            byte[] file = Base64.getDecoder().decode(a.active().packageBase64());
            EnvelopeModel model;
            try {
                model = Models.read(new ByteArrayInputStream(file), a.active().fileName());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byMeter.put(a.meter(), new InUse(model, a));
            LOG.info("{} now scored with model {}", a.meter().equals(ModelAssignment.DEFAULT) ? "every meter"
                    : "meter " + a.meter(), model.version());
        }
        changed();
    }

    private void reject(ConsumerRecord<String, byte[]> record, RuntimeException e) {
        rejected.increment();
        LOG.error("unusable model record for {} at offset {} of {}: {}", record.key(), record.offset(), topic,
                e.toString());
        changed();
    }

    private void changed() {
        publishInUse();
        synchronized (this) {
            notifyAll();
        }
    }

    /** Reads the topic to its end before the topology starts, then follows it. */
    @Override
    public void start() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer());
        try {
            TopicReplay.assignFromBeginning(consumer, topic, REPLAY_TIMEOUT);
            TopicReplay.toEnd(consumer, topic, REPLAY_TIMEOUT, this::take, this::reject);
        } catch (RuntimeException e) {
            consumer.close(); // a replay that fails (no broker in time) leaves no consumer behind
            throw e;
        }
        running = true;
        follower = new FollowerLoop("model-registry", () -> consumer.poll(Duration.ofMillis(500)).forEach(this::apply),
                consumer, clock, Duration.ofSeconds(1), Duration.ofSeconds(30));
        follower.start();
        LOG.info("models in use: default {}, {} meter(s) with their own", defaultModel().version(),
                byMeter.keySet().stream().filter(k -> !k.equals(ModelAssignment.DEFAULT)).count());
    }

    @Override
    public void stop() {
        running = false;
        if (follower != null) {
            follower.stop(Duration.ofSeconds(2));
        }
    }

    @Override
    public FollowerLoop follower() {
        return follower;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the Kafka Streams topology (which starts in the default phase). */
    @Override
    public int getPhase() {
        return -100;
    }
}
