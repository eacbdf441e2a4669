package org.wattwatch.agent.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattwatch.agent.TestAgents;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.agent.spool.ReadingSpool;
import org.wattwatch.event.reading.MeterReading;

class SequenceNumbersTest {

    @TempDir
    Path dir;

    private AgentProperties properties() {
        return TestAgents.properties(dir, TestAgents.meter("main", 17, 1000, Duration.ZERO));
    }

    /** The first number the last {@link #take} run handed out. */
    private long first;

    private long take(long count, boolean cleanStop) throws Exception {
        long last = -1;
        first = -1;
        try (ReadingSpool spool = new ReadingSpool(properties(), new SimpleMeterRegistry())) {
            SequenceNumbers sequences = new SequenceNumbers(properties(), spool);
            for (long i = 0; i < count; i++) {
                last = sequences.take("main");
                first = first < 0 ? last : first;
            }
            if (cleanStop) {
                sequences.close();
            }
        }
        return last;
    }

    @Test
    void aCleanRestartGoesOnWithoutAGapAndAPowerCutNeverHandsANumberOutTwice() throws Exception {
        assertThat(take(5, true)).isEqualTo(4);
        assertThat(take(1, false)).as("after a clean stop").isEqualTo(5);
        long afterPowerCut = take(1, false);
        assertThat(afterPowerCut).as("after a power cut: above every number handed out").isGreaterThan(5)
                .isLessThanOrEqualTo(5 + SequenceNumbers.BLOCK);
        long many = SequenceNumbers.BLOCK * 3 + 7;
        long last = take(many, true);
        assertThat(first).isGreaterThan(afterPowerCut);
        assertThat(last).as("consecutive across the blocks reserved on the way").isEqualTo(first + many - 1);
        assertThat(take(1, true)).isEqualTo(last + 1);
    }

    @Test
    void numberingNeverStartsBelowWhatTheSpoolHolds() throws Exception {
        try (ReadingSpool spool = new ReadingSpool(properties(), new SimpleMeterRegistry())) {
            Instant at = Instant.parse("2026-01-05T10:00:00Z");
            spool.append(new MeterReading(MeterReading.SCHEMA_VERSION, "main", at, at.plusSeconds(60), 1, 1, "a", 41));
        }
        assertThat(take(1, true)).isEqualTo(42);
    }

    @Test
    void aFileThatCannotBeWrittenDoesNotStopTheNumbering() throws Exception {
        take(3, true);
        Path file = dir.resolve("sequences.properties");
        Files.delete(file);
        Files.createDirectory(file); // nothing can be renamed onto a directory: every store fails
        try (ReadingSpool spool = new ReadingSpool(properties(), new SimpleMeterRegistry())) {
            SequenceNumbers sequences = new SequenceNumbers(properties(), spool);
            assertThat(sequences.take("main")).isZero(); // the file is unreadable too: numbering from the spool
            assertThat(sequences.take("main")).isEqualTo(1);
            sequences.close();
        }
    }
}
