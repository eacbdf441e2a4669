package org.wattwatch.scoring.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.wattwatch.event.json.EventFormatException;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.learning.ModelDecision;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.event.validation.InvalidEventException;
import org.wattwatch.scoring.config.FollowerLoop;
import org.wattwatch.scoring.config.TopicFollower;
import org.wattwatch.topics.TopicReplay;

/**
 * Every retrain's decisions ({@code power.models.decisions}), the latest few per meter, for the model card:
 * the model's history, what was tried and why it did or did not go live. Followed from the beginning on
 * every instance; never blocks start-up.
 */
@Component
class ModelDecisions implements SmartLifecycle, FollowerLoop.Source {

    /** Decisions kept per meter, newest first. */
    static final int KEPT = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ModelDecisions.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);

    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final Clock clock;
    private final Counter unreadable;
    private final Map<String, Deque<ModelDecision>> byMeter = new ConcurrentHashMap<>();
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private FollowerLoop follower;
    private boolean assigned;

    ModelDecisions(KafkaProperties kafka, TopicNames topics, MeterRegistry registry, Clock clock) {
        this.consumerConfig = TopicFollower.consumerConfig(kafka);
        this.topic = topics.modelDecisions();
        this.clock = clock;
        this.unreadable = Counter.builder("wattwatch.dashboard.decisions.unreadable")
                .description("records on power.models.decisions the model card could not read (left out)")
                .register(registry);
    }

    /** The meter's latest decisions, newest first. */
    List<ModelDecision> of(String meter) {
        Deque<ModelDecision> decisions = byMeter.get(meter);
        if (decisions == null) {
            return List.of();
        }
        synchronized (decisions) {
            return new ArrayList<>(decisions);
        }
    }

    @Override
    public void start() {
        running = true;
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        follower = new FollowerLoop("model-decisions", this::step, consumer, clock, Duration.ofSeconds(1),
                Duration.ofSeconds(30));
        follower.start();
    }

    private void step() throws InterruptedException {
        if (!assigned) {
            try {
                assigned = !TopicReplay.assignFromBeginning(consumer, topic, Duration.ofSeconds(3)).isEmpty();
            } catch (KafkaException e) {
                LOG.debug("model decisions: {} not readable yet: {}", topic, e.getMessage());
            }
            if (!assigned) {
                TimeUnit.MILLISECONDS.sleep(CHECK_EVERY.toMillis());
                return;
            }
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            apply(record);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        ModelDecision decision;
        try {
            decision = EventJson.readValidWithLaterFields(record.value(), ModelDecision.class, ModelDecision::violations);
        } catch (EventFormatException | InvalidEventException e) {
            unreadable.increment();
            LOG.warn("model decisions: left out {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        Deque<ModelDecision> decisions = byMeter.computeIfAbsent(decision.meterId(), m -> new ArrayDeque<>());
        synchronized (decisions) {
            decisions.addFirst(decision);
            while (decisions.size() > KEPT) {
                decisions.removeLast();
            }
        }
    }

    @Override
    public FollowerLoop follower() {
        return follower;
    }

    @Override
    public void stop() {
        running = false;
        if (follower != null) {
            follower.stop(Duration.ofSeconds(3));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
