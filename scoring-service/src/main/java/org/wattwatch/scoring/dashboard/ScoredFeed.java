package org.wattwatch.scoring.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import org.wattwatch.event.json.EventFormatException;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.event.validation.InvalidEventException;
import org.wattwatch.scoring.config.FollowedTopic;

/**
 * Follows {@code power.scored} for the dashboard, on every instance: the topology of one instance sees
 * only its own meters, the dashboard of every instance shows all. Starts {@link DashboardProperties#history()}
 * back, so a restarted service shows the week again.
 */
@Component
class ScoredFeed extends FollowedTopic {

    private static final Logger LOG = LoggerFactory.getLogger(ScoredFeed.class);

    private final ScoredHistory history;
    private final Duration keep;
    private final Clock clock;
    private final Counter unreadable;
    private volatile Instant lastRecordAt;

    ScoredFeed(KafkaProperties kafka, TopicNames topics, ScoredHistory history, DashboardProperties properties,
            MeterRegistry registry, Clock clock) {
        super("dashboard-feed", kafka, topics.scored(), clock);
        this.history = history;
        this.keep = properties.history();
        this.clock = clock;
        unreadable = Counter.builder("wattwatch.dashboard.records.unreadable")
                .description("records on power.scored the dashboard could not read (left out of its history)")
                .register(registry);
    }

    Instant lastRecordAt() {
        return lastRecordAt;
    }

    /** The first record of the history kept, or the end where there is none so recent. */
    @Override
    protected void position(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> fresh) {
        long from = clock.instant().minus(keep).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        fresh.forEach(tp -> times.put(tp, from));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times, CHECK_TIMEOUT);
        Map<TopicPartition, Long> ends = consumer.endOffsets(fresh, CHECK_TIMEOUT);
        fresh.forEach(tp -> {
            OffsetAndTimestamp at = offsets.get(tp);
            consumer.seek(tp, at == null ? ends.get(tp) : at.offset());
        });
    }

    @Override
    protected void apply(ConsumerRecord<String, byte[]> record) {
        try {
            history.add(EventJson.readValid(record.value(), ScoredReading.class, ScoredReading::violations));
            lastRecordAt = clock.instant();
        } catch (EventFormatException | InvalidEventException e) {
            unreadable.increment();
            LOG.warn("dashboard: left out {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }
}
