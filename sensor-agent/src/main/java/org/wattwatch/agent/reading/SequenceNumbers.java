package org.wattwatch.agent.reading;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

import org.springframework.stereotype.Component;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.agent.spool.ReadingSpool;

/**
 * Per-meter sequence numbers, gapless across restarts: the next number is kept in the spool
 * directory (written to a temporary file, forced to disk and renamed, so a power cut leaves the old
 * or the new value, never half of one), and never below what the spool already holds.
 */
@Component
public class SequenceNumbers {

    private final Path file;
    private final Properties next = new Properties();

    public SequenceNumbers(AgentProperties properties, ReadingSpool spool) throws IOException {
        this.file = properties.spool().dir().resolve("sequences.properties");
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                next.load(in);
            }
        }
        for (AgentProperties.Meter meter : properties.meters()) {
            long fromSpool = spool.lastSequence(meter.id()).map(s -> s + 1).orElse(0L);
            long fromFile = number(next.getProperty(meter.id(), "0"));
            next.setProperty(meter.id(), Long.toString(Math.max(fromSpool, fromFile)));
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

    /** Takes the meter's next number and records that it is taken. */
    public synchronized long take(String meterId) {
        long sequence = Long.parseLong(next.getProperty(meterId, "0"));
        next.setProperty(meterId, Long.toString(sequence + 1));
        store();
        return sequence;
    }

    private void store() {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                next.store(out, "next sequence number per meter");
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store sequence numbers in " + file, e);
        }
    }
}
