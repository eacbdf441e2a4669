package org.wattwatch.agent.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.squareup.tape2.QueueFile;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.model.json.EventJson;
import org.wattwatch.model.reading.MeterReading;

/**
 * Every reading is written here before anything tries to send it, and leaves only once Kafka has
 * acknowledged it. Backed by Tape's {@link QueueFile}: every add and remove is written through to
 * the disk (synchronous writes, {@code rwd}) with a crash-safe header, so a reading that was
 * appended survives a power cut, and the queue stays consistent if the power goes mid-write.
 *
 * <p>Bounded by {@code wattwatch.agent.spool.max-readings}: when full, the oldest waiting reading is
 * dropped and counted ({@code wattwatch_agent_spool_dropped_total}), because after weeks without a
 * broker the newest usage matters most. Health warns from {@code warn-ratio} on.
 */
@Component("spool")
public class ReadingSpool implements HealthIndicator, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingSpool.class);

    private final QueueFile queue;
    private final int maxReadings;
    private final double warnRatio;
    private final Counter dropped;
    private final Map<String, Long> lastSequence = new HashMap<>();

    public ReadingSpool(AgentProperties properties, MeterRegistry registry) throws IOException {
        Path dir = properties.spool().dir();
        Files.createDirectories(dir);
        this.queue = new QueueFile.Builder(dir.resolve("readings.queue").toFile()).build();
        this.maxReadings = properties.spool().maxReadings();
        this.warnRatio = properties.spool().warnRatio();
        this.dropped = registry.counter("wattwatch.agent.spool.dropped");
        Gauge.builder("wattwatch.agent.spool.readings", this, ReadingSpool::size)
                .description("readings waiting for Kafka").register(registry);
        Gauge.builder("wattwatch.agent.spool.bytes", this, s -> s.queue.file().length())
                .description("size of the spool file").register(registry);
        for (byte[] entry : queue) {
            MeterReading reading = EventJson.read(entry, MeterReading.class);
            lastSequence.merge(reading.meterId(), reading.sequence(), Math::max);
        }
        LOG.info("spool {}: {} readings waiting from before", queue.file(), queue.size());
    }

    public synchronized void append(MeterReading reading) {
        try {
            while (queue.size() >= maxReadings) {
                queue.remove();
                dropped.increment();
                LOG.warn("spool full ({} readings): dropped the oldest waiting reading", maxReadings);
            }
            queue.add(EventJson.write(reading));
            lastSequence.merge(reading.meterId(), reading.sequence(), Math::max);
            notifyAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the spool " + queue.file(), e);
        }
    }

    /** The oldest waiting reading, waiting up to {@code millis} for one. */
    public synchronized Optional<byte[]> peek(long millis) throws InterruptedException {
        if (queue.isEmpty() && millis > 0) {
            wait(millis);
        }
        try {
            return Optional.ofNullable(queue.peek());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spool " + queue.file(), e);
        }
    }

    /** Kafka has the oldest reading: it leaves the spool. */
    public synchronized void removeOldest() {
        try {
            queue.remove();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the spool " + queue.file(), e);
        }
    }

    public synchronized int size() {
        return queue.size();
    }

    /** Highest sequence number ever spooled for the meter (including ones sent since). */
    public synchronized Optional<Long> lastSequence(String meterId) {
        return Optional.ofNullable(lastSequence.get(meterId));
    }

    @Override
    public Health health() {
        int size = size();
        double usage = (double) size / maxReadings;
        Health.Builder health = usage >= warnRatio ? Health.down().withDetail("warning",
                "spool " + Math.round(usage * 100) + "% full: readings are not reaching Kafka") : Health.up();
        return health.withDetail("waiting", size).withDetail("capacity", maxReadings)
                .withDetail("dropped", (long) dropped.count()).build();
    }

    @Override
    public synchronized void close() throws IOException {
        queue.close();
    }
}
