package org.wattwatch.agent.spool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.event.json.EventFormatException;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.topics.TopicsProperties;

/**
 * Sends the spool to Kafka oldest first, one reading at a time, and removes a reading only once
 * Kafka has acknowledged it ({@code acks=all}, idempotent producer, keyed by meter id). While the
 * broker is unreachable, readings wait in the spool and the sender retries with a growing pause; so
 * order per meter is the spool's order. Before the first send and after any failure, it asks Kafka
 * for this agent's newest reading per meter, so a reading whose acknowledgement was lost is not sent
 * twice. A reading counts as already sent only when both its sequence and its interval are no later
 * than that newest one: an agent whose spool was wiped (SD card re-flashed, Pi replaced) numbers its
 * readings from 0 again, and those readings, later in time, are sent.
 */
@Component("broker")
class SpoolSender implements SmartLifecycle, HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolSender.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TAIL_TIMEOUT = Duration.ofSeconds(10);

    private final ReadingSpool spool;
    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaTail tail;
    private final AgentProperties properties;
    private final String topic;
    /**
     * The agent's Clock bean is the meter's time, a replay's own while one runs; when a reading last
     * reached Kafka is the operator's time, so health says it on the wall clock.
     */
    private final Clock wallClock = Clock.systemUTC();
    private final Counter sent;
    private final Counter skipped;
    private final Map<String, MeterReading> inKafka = new HashMap<>();
    private volatile boolean running;
    private volatile Thread worker;
    private volatile Instant lastSuccess;
    private volatile String lastError;
    private volatile Failure lastFailure;
    private boolean tailKnown;

    SpoolSender(ReadingSpool spool, KafkaTemplate<String, byte[]> kafka, ProducerFactory<String, byte[]> producers,
            AgentProperties properties, TopicsProperties topics, MeterRegistry registry) {
        this.spool = spool;
        this.kafka = kafka;
        this.topic = topics.names().readings();
        this.tail = new KafkaTail(producers.getConfigurationProperties(), topic);
        this.properties = properties;
        this.sent = registry.counter("wattwatch.agent.readings.sent");
        this.skipped = registry.counter("wattwatch.agent.readings.already.in.kafka");
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "spool-sender");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        Duration pause = Duration.ofMillis(500);
        while (running || spool.size() > 0 && lastError == null) {
            try {
                Optional<byte[]> head = spool.peek(running ? 500 : 0);
                if (head.isEmpty()) {
                    if (!running) {
                        return;
                    }
                    continue;
                }
                send(head.get());
                pause = Duration.ofMillis(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Failure failure = Failure.of(e);
                if (failure == Failure.READING) {
                    // the broker refuses this reading itself, never the next: set aside, counted, and on
                    spool.setAsideOldest(e.toString());
                    continue;
                }
                if (!e.toString().equals(lastError)) {
                    if (failure == Failure.REFUSED) {
                        LOG.error("Kafka refuses this agent ({}): {} readings wait in the spool until its credentials "
                                + "or ACLs are fixed", e.toString(), spool.size());
                    } else {
                        LOG.warn("Kafka unreachable, {} readings wait in the spool: {}", spool.size(), e.toString());
                    }
                }
                lastFailure = failure;
                lastError = e.toString();
                tailKnown = false;
                if (!running || !pause(pause)) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private void send(byte[] json) throws Exception {
        if (!tailKnown) {
            inKafka.clear();
            inKafka.putAll(tail.lastReadings(properties.agentId(),
                    properties.meters().stream().map(AgentProperties.Meter::id).toList(), TAIL_TIMEOUT));
            tailKnown = true;
        }
        MeterReading reading = EventJson.read(json, MeterReading.class);
        if (alreadySent(reading, inKafka.get(reading.meterId()))) {
            skipped.increment();
            spool.removeOldest();
            return;
        }
        kafka.send(topic, reading.meterId(), json).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        spool.removeOldest();
        inKafka.put(reading.meterId(), reading);
        sent.increment();
        if (lastError != null) {
            LOG.info("Kafka reachable again; {} readings still waiting", spool.size());
        }
        lastError = null;
        lastSuccess = wallClock.instant();
    }

    /** Why a send failed: Kafka away for now, Kafka refusing this agent, or the reading itself. */
    enum Failure {
        UNREACHABLE, REFUSED, READING;

        static Failure of(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof AuthenticationException || t instanceof AuthorizationException
                        || t instanceof InvalidTopicException) {
                    return REFUSED;
                }
                if (t instanceof RecordTooLargeException || t instanceof InvalidRecordException
                        || t instanceof CorruptRecordException || t instanceof SerializationException
                        || t instanceof EventFormatException) {
                    return READING;
                }
            }
            return UNREACHABLE;
        }
    }

    static boolean alreadySent(MeterReading reading, MeterReading newestInKafka) {
        return newestInKafka != null && reading.sequence() <= newestInKafka.sequence()
                && !reading.intervalEnd().isAfter(newestInKafka.intervalEnd());
    }

    private boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis()); // back off from an unreachable broker
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives the sender a few seconds to deliver what the last cut added, then stops it. */
    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after, and stops after, the reading cutter (see its phase). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    @Override
    public Health health() {
        Health.Builder health = lastError == null ? Health.up() : Health.down().withDetail("error", lastError)
                .withDetail("kind", lastFailure == Failure.REFUSED
                        ? "refused: waits until the agent's credentials or ACLs are fixed"
                        : "unreachable: retried with a growing pause");
        return health.withDetail("lastSent", String.valueOf(lastSuccess)).withDetail("waiting", spool.size())
                .withDetails(Map.of("topic", topic)).build();
    }

}
