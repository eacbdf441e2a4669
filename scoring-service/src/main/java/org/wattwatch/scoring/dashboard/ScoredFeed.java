package org.wattwatch.scoring.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.wattwatch.event.json.EventFormatException;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.event.validation.InvalidEventException;
import org.wattwatch.scoring.config.FollowerLoop;
import org.wattwatch.scoring.config.TopicFollower;

/**
 * Follows {@code power.scored} for the dashboard. Every partition, without a consumer group: the
 * topology of one instance sees only its own meters, the dashboard of every instance shows all.
 * Starts {@link DashboardProperties#history()} back, so a restarted service shows the week again.
 * Never blocks start-up: with the broker away it keeps trying, and says so in {@link #brokerReachable()}.
 */
@Component
class ScoredFeed implements SmartLifecycle, FollowerLoop.Source {

    private static final Logger LOG = LoggerFactory.getLogger(ScoredFeed.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final ScoredHistory history;
    private final Duration keep;
    private final Clock clock;
    private final Counter unreadable;
    private volatile boolean running;
    private volatile boolean brokerReachable;
    private volatile Instant lastRecordAt;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private Instant nextCheck = Instant.MIN;
    private KafkaConsumer<String, byte[]> consumer;
    private FollowerLoop follower;

    ScoredFeed(KafkaProperties kafka, TopicNames topics, ScoredHistory history, DashboardProperties properties,
            MeterRegistry registry, Clock clock) {
        consumerConfig = TopicFollower.consumerConfig(kafka);
        this.topic = topics.scored();
        this.history = history;
        this.keep = properties.history();
        this.clock = clock;
        unreadable = Counter.builder("wattwatch.dashboard.records.unreadable")
                .description("records on power.scored the dashboard could not read (left out of its history)")
                .register(registry);
    }

    boolean brokerReachable() {
        return brokerReachable;
    }

    Instant lastRecordAt() {
        return lastRecordAt;
    }

    @Override
    public void start() {
        running = true;
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        follower = new FollowerLoop("dashboard-feed", this::step, consumer, clock, Duration.ofSeconds(1),
                Duration.ofSeconds(30));
        follower.start();
    }

    private void step() throws InterruptedException {
        if (!clock.instant().isBefore(nextCheck)) {
            nextCheck = clock.instant().plus(CHECK_EVERY);
            check(consumer, assigned);
        }
        if (assigned.isEmpty()) {
            // no broker or no topic yet: a consumer without partitions cannot poll, so wait to check again
            TimeUnit.MILLISECONDS.sleep(Math.max(1, Duration.between(clock.instant(), nextCheck).toMillis()));
            return;
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            apply(record);
        }
    }

    @Override
    public FollowerLoop follower() {
        return follower;
    }

    /** Asks the broker (a metadata request, never the client's cache) and picks up new partitions. */
    private void check(KafkaConsumer<String, byte[]> consumer, Set<TopicPartition> assigned) {
        try {
            List<PartitionInfo> partitions = consumer.listTopics(CHECK_TIMEOUT).get(topic);
            brokerReachable = true;
            if (partitions == null) {
                return;
            }
            Map<TopicPartition, Long> fresh = new HashMap<>();
            long from = clock.instant().minus(keep).toEpochMilli();
            partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                    .filter(tp -> !assigned.contains(tp)).forEach(tp -> fresh.put(tp, from));
            if (fresh.isEmpty()) {
                return;
            }
            assigned.addAll(fresh.keySet());
            consumer.assign(assigned);
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(fresh, CHECK_TIMEOUT);
            Map<TopicPartition, Long> ends = consumer.endOffsets(fresh.keySet(), CHECK_TIMEOUT);
            fresh.keySet().forEach(tp -> {
                OffsetAndTimestamp at = offsets.get(tp);
                consumer.seek(tp, at == null ? ends.get(tp) : at.offset());
            });
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            if (brokerReachable) {
                LOG.warn("dashboard: broker unreachable ({}); live updates pause until it is back", e.getMessage());
            }
            brokerReachable = false;
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            history.add(EventJson.readValid(record.value(), ScoredReading.class, ScoredReading::violations));
            lastRecordAt = clock.instant();
        } catch (EventFormatException | InvalidEventException e) {
            unreadable.increment();
            LOG.warn("dashboard: left out {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
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
