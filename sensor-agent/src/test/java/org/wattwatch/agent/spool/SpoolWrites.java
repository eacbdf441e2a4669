package org.wattwatch.agent.spool;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.wattwatch.agent.TestAgents;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.agent.reading.SequenceNumbers;
import org.wattwatch.event.reading.MeterReading;

/**
 * What each reading costs the disk on its way through the agent: a sequence number taken, the reading
 * spooled, then removed once "Kafka has it". Run under strace by {@code devtools/spool-writes/measure},
 * which counts the synchronous writes per reading (docs/reliability.md).
 *
 * <p>Arguments: the spool directory (on the disk to measure), and how many readings.
 */
public final class SpoolWrites {

    private SpoolWrites() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int readings = Integer.parseInt(args[1]);
        AgentProperties properties = TestAgents.properties(dir, TestAgents.meter("main", 17, 1000, Duration.ZERO));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ReadingSpool spool = new ReadingSpool(properties, registry)) {
            SequenceNumbers sequences = new SequenceNumbers(properties, spool);
            Instant start = Instant.parse("2026-01-05T00:00:00Z");
            long began = System.nanoTime();
            for (int i = 0; i < readings; i++) {
                Instant from = start.plus(Duration.ofMinutes(i));
                spool.append(new MeterReading(MeterReading.SCHEMA_VERSION, "main", from, from.plusSeconds(60), 5, 5,
                        "measure", sequences.take("main")));
                spool.removeOldest();
            }
            long nanos = System.nanoTime() - began;
            sequences.close();
            System.out.printf("%d readings, %.3f ms each%n", readings, nanos / 1e6 / readings);
        }
    }
}
