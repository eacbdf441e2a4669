package org.wattwatch.agent.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import org.wattwatch.event.json.EventFormatException;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;

/**
 * Every reading is written here before anything tries to send it, and leaves only once Kafka has
 * acknowledged it. Backed by Tape's {@link QueueFile}: every add and remove is written through to
 * the disk (synchronous writes, {@code rwd}) with a crash-safe header, so a reading that was
 * appended survives a power cut, and the queue stays consistent if the power goes mid-write.
 *
 * <p>Bounded by {@code wattwatch.agent.spool.max-readings}: when full, the oldest waiting reading is
 * dropped and counted ({@code wattwatch_agent_spool_dropped_total}), because after weeks without a
 * broker the newest usage matters most. Health warns from {@code warn-ratio} on. What cannot be read
 * back at start is set aside, never fatal (see {@link #readable}).
 */
@Component("spool")
public class ReadingSpool implements HealthIndicator, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingSpool.class);

    private final QueueFile queue;
    private final int maxReadings;
    private final double warnRatio;
    private final Counter dropped;
    private final Counter setAside;
    private final Path setAsideDir;
    private final Map<String, Long> lastSequence = new HashMap<>();

    public ReadingSpool(AgentProperties properties, MeterRegistry registry) throws IOException {
        Path dir = properties.spool().dir();
        Files.createDirectories(dir);
        this.setAside = registry.counter("wattwatch.agent.spool.set.aside");
        this.setAsideDir = dir.resolve("set-aside");
        this.queue = readable(dir.resolve("readings.queue"));
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

    /**
     * The spool file with only readings in it. A file the queue cannot open (a torn SD card write)
     * and entries that are not readings are moved into {@code set-aside/} and counted: the agent
     * starts and goes on measuring, and what was unreadable stays on disk for whoever looks.
     */
    private QueueFile readable(Path file) throws IOException {
        QueueFile opened;
        try {
            opened = queueFile(file);
        } catch (IOException | RuntimeException e) {
            moveAside(file, e);
            return queueFile(file);
        }
        List<byte[]> good = new ArrayList<>();
        List<byte[]> bad = new ArrayList<>();
        RuntimeException broken = null;
        try {
            for (byte[] entry : opened) {
                (isReading(entry) ? good : bad).add(entry);
            }
        } catch (RuntimeException e) {
            broken = e; // the entries before the break are kept
        }
        if (broken == null && bad.isEmpty()) {
            return opened;
        }
        for (byte[] entry : bad) {
            Files.write(setAsideFile("entry"), entry);
            setAside.increment();
        }
        if (!bad.isEmpty()) {
            LOG.error("spool {}: {} entries that are not readings moved to {}", file, bad.size(), setAsideDir);
        }
        if (broken != null) {
            opened.close();
            moveAside(file, broken);
            opened = queueFile(file);
        } else {
            opened.clear();
        }
        for (byte[] entry : good) {
            opened.add(entry);
        }
        return opened;
    }

    /**
     * A removed reading is not overwritten with zeros: the header alone says where the queue is, and the
     * extra synchronous write per reading would cost the SD card for nothing (the readings are the
     * owner's own, on the owner's Pi).
     */
    private static QueueFile queueFile(Path file) throws IOException {
        return new QueueFile.Builder(file.toFile()).zero(false).build();
    }

    private void moveAside(Path file, Exception why) throws IOException {
        Path kept = setAsideFile("readings.queue");
        Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
        setAside.increment();
        LOG.error("spool {} cannot be read to its end ({}): moved to {}, the readings before the damage kept",
                file, why.toString(), kept);
    }

    private static boolean isReading(byte[] entry) {
        try {
            EventJson.read(entry, MeterReading.class);
            return true;
        } catch (EventFormatException e) {
            return false;
        }
    }

    private Path setAsideFile(String name) throws IOException {
        Files.createDirectories(setAsideDir);
        return Files.createTempFile(setAsideDir, name + "-", ".bad");
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

    /** The broker refuses the oldest reading itself: kept in {@code set-aside/} with the reason, counted. */
    public synchronized void setAsideOldest(String reason) {
        try {
            byte[] entry = queue.peek();
            if (entry == null) {
                return;
            }
            Path kept = setAsideFile("refused");
            Files.write(kept, entry);
            // the reason beside the reading it belongs to
            Files.writeString(kept.resolveSibling(kept.getFileName() + ".reason"), reason + System.lineSeparator());
            queue.remove();
            setAside.increment();
            LOG.error("reading set aside in {}: {}", setAsideDir, reason);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set a reading aside in " + setAsideDir, e);
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
