package org.wattwatch.scoring.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

/**
 * A topic followed on every instance: every partition, without a consumer group (each instance reads it all
 * itself), partitions picked up as they appear, each from where the follower says, and each record handed
 * to {@link #apply} on the follower's thread. Never blocks start-up: with the broker away it keeps trying,
 * and says so in {@link #brokerReachable()}.
 */
public abstract class FollowedTopic implements SmartLifecycle, FollowerLoop.Source {

    private static final Logger LOG = LoggerFactory.getLogger(FollowedTopic.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    /** How long one look at the broker may take, and what a follower's {@link #position} may take. */
    protected static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    private final String name;
    private final String topic;
    private final java.util.Map<String, Object> consumerConfig;
    private final Clock clock;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private volatile boolean running;
    private volatile boolean brokerReachable;
    private Instant nextCheck = Instant.MIN;
    private KafkaConsumer<String, byte[]> consumer;
    private FollowerLoop follower;

    /** @param name the follower's thread, health and log name */
    protected FollowedTopic(String name, KafkaProperties kafka, String topic, Clock clock) {
        this.name = name;
        this.topic = topic;
        this.consumerConfig = TopicFollower.consumerConfig(kafka);
        this.clock = clock;
    }

    /** Where partitions found now start: a seek for each. */
    protected abstract void position(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> fresh);

    /** One record of the topic; what cannot be read is the follower's to count and leave out. */
    protected abstract void apply(ConsumerRecord<String, byte[]> record);

    public boolean brokerReachable() {
        return brokerReachable;
    }

    @Override
    public void start() {
        running = true;
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        follower = new FollowerLoop(name, this::step, consumer, clock, Duration.ofSeconds(1), Duration.ofSeconds(30));
        follower.start();
    }

    private void step() throws InterruptedException {
        if (!clock.instant().isBefore(nextCheck)) {
            nextCheck = clock.instant().plus(CHECK_EVERY);
            check();
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

    /** Asks the broker (a metadata request, never the client's cache) and picks up new partitions. */
    private void check() {
        try {
            List<PartitionInfo> partitions = consumer.listTopics(CHECK_TIMEOUT).get(topic);
            brokerReachable = true;
            if (partitions == null) {
                return;
            }
            List<TopicPartition> fresh = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                    .filter(tp -> !assigned.contains(tp)).toList();
            if (fresh.isEmpty()) {
                return;
            }
            assigned.addAll(fresh);
            consumer.assign(assigned);
            position(consumer, fresh);
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            if (brokerReachable) {
                LOG.warn("{}: broker unreachable ({}); following {} pauses until it is back", name, e.getMessage(),
                        topic);
            }
            brokerReachable = false;
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
