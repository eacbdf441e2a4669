package org.wattwatch.scoring.dashboard;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import org.wattwatch.event.json.EventFormatException;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.learning.ModelDecision;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.event.validation.InvalidEventException;
import org.wattwatch.scoring.config.FollowedTopic;

/**
 * Every retrain's decisions ({@code power.models.decisions}), the latest few per meter, for the model card:
 * the model's history, what was tried and why it did or did not go live. Followed from the beginning on
 * every instance.
 */
@Component
class ModelDecisions extends FollowedTopic {

    /** Decisions kept per meter, newest first. */
    static final int KEPT = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ModelDecisions.class);

    private final Counter unreadable;
    private final Map<String, Deque<ModelDecision>> byMeter = new ConcurrentHashMap<>();

    ModelDecisions(KafkaProperties kafka, TopicNames topics, MeterRegistry registry, Clock clock) {
        super("model-decisions", kafka, topics.modelDecisions(), clock);
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
    protected void position(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> fresh) {
        consumer.seekToBeginning(fresh);
    }

    @Override
    protected void apply(ConsumerRecord<String, byte[]> record) {
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
}
