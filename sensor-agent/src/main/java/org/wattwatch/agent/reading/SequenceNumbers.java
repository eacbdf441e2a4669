package org.wattwatch.agent.reading;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.agent.spool.ReadingSpool;

/**
 * Per-meter sequence numbers, never handed out twice: the file in the spool directory (written to a
 * temporary file, forced to disk and renamed, so a power cut leaves the old or the new value, never half
 * of one) holds a number not yet handed out, and numbering never starts below what the spool holds.
 * Forcing a file to an SD card for every reading would double what a reading costs the card, so the file
 * reserves a block of numbers ahead and is written once per block, and at a clean stop with the exact next
 * numbers: a clean restart goes on without a gap, a power cut skips at most the rest of a block.
 * A file that cannot be written (a full or failing card) does not stop the numbering: the numbers of this
 * run are still unique, and the reservation is written again at the next number.
 */
@Component
public class SequenceNumbers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SequenceNumbers.class);
    /** Numbers reserved per write of the file. */
    static final long BLOCK = 1000;

    private final Path file;
    private final Properties reserved = new Properties();
    private final Map<String, Long> next = new HashMap<>();

    public SequenceNumbers(AgentProperties properties, ReadingSpool spool) throws IOException {
        this.file = properties.spool().dir().resolve("sequences.properties");
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                reserved.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.error("cannot read sequence numbers from {} ({}); numbering from what the spool holds", file,
                        e.toString());
            }
        }
        for (AgentProperties.Meter meter : properties.meters()) {
            long fromSpool = spool.lastSequence(meter.id()).map(s -> s + 1).orElse(0L);
            long fromFile = number(reserved.getProperty(meter.id(), "0"));
            next.put(meter.id(), Math.max(fromSpool, fromFile));
            reserved.setProperty(meter.id(), Long.toString(Math.max(fromSpool, fromFile)));
        }
    }

    /**
     * A damaged file counts as none: numbering again from what the spool holds is safe, since the
     * sender tells a new reading from one Kafka has by its time too.
     */
    private static long number(String stored) {
        try {
            return Long.parseLong(stored.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Takes the meter's next number; it is never handed out again, after a restart or a power cut. */
    public synchronized long take(String meterId) {
        long sequence = next.getOrDefault(meterId, 0L);
        next.put(meterId, sequence + 1);
        if (sequence >= number(reserved.getProperty(meterId, "0"))) {
            reserved.setProperty(meterId, Long.toString(sequence + BLOCK));
            if (!tryStore()) {
                // not reserved on disk: ask again at the next number
                reserved.setProperty(meterId, Long.toString(sequence));
            }
        }
        return sequence;
    }

    /** At a clean stop, the exact next numbers: the next run goes on without a gap. */
    @Override
    public synchronized void close() {
        next.forEach((meter, n) -> reserved.setProperty(meter, Long.toString(n)));
        tryStore();
    }

    private boolean tryStore() {
        try {
            store();
            return true;
        } catch (IOException e) {
            LOG.error("cannot store sequence numbers in {} ({}); numbering goes on", file, e.toString());
            return false;
        }
    }

    private void store() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            reserved.store(out, "per meter, a sequence number not handed out yet");
        }
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
