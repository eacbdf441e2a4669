package org.wattwatch.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattwatch.agent.TestAgents;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;

class ReadingSpoolTest {

    @TempDir
    Path dir;

    private static MeterReading reading(long sequence) {
        Instant start = Instant.parse("2026-01-05T10:00:00Z").plusSeconds(60 * sequence);
        return new MeterReading(1, "main", start, start.plusSeconds(60), 5, 5, "a", sequence);
    }

    private AgentProperties properties(int max) {
        AgentProperties p = TestAgents.properties(dir, TestAgents.meter("main", 17, 1000, Duration.ofMillis(10)));
        return new AgentProperties(p.agentId(), p.zone(), p.interval(), p.source(), p.gpio(), p.meters(),
                new AgentProperties.Spool(dir, max, 0.8), p.simulator(), p.replay());
    }

    @Test
    void readingsSurviveAReopenInOrder() throws Exception {
        try (ReadingSpool spool = new ReadingSpool(properties(100), new SimpleMeterRegistry())) {
            for (int i = 0; i < 5; i++) {
                spool.append(reading(i));
            }
            spool.removeOldest();
        }
        try (ReadingSpool reopened = new ReadingSpool(properties(100), new SimpleMeterRegistry())) {
            assertThat(reopened.size()).isEqualTo(4);
            assertThat(EventJson.read(reopened.peek(0).orElseThrow(), MeterReading.class).sequence()).isEqualTo(1);
            assertThat(reopened.lastSequence("main")).contains(4L);
        }
    }

    @Test
    void whenFullTheOldestIsDroppedCountedAndHealthWarns() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ReadingSpool spool = new ReadingSpool(properties(10), registry)) {
            for (int i = 0; i < 7; i++) {
                spool.append(reading(i));
            }
            assertThat(spool.health().getStatus().getCode()).isEqualTo("UP");
            for (int i = 7; i < 13; i++) {
                spool.append(reading(i));
            }
            assertThat(spool.size()).isEqualTo(10);
            assertThat(registry.get("wattwatch.agent.spool.dropped").counter().count()).isEqualTo(3);
            assertThat(EventJson.read(spool.peek(0).orElseThrow(), MeterReading.class).sequence()).isEqualTo(3);
            assertThat(spool.health().getStatus().getCode()).isEqualTo("DOWN");
            assertThat(spool.health().getDetails()).containsEntry("dropped", 3L);
        }
    }

    @Test
    void entriesThatAreNotReadingsAreSetAsideAndCountedNotFatal() throws Exception {
        java.nio.file.Files.createDirectories(dir);
        try (com.squareup.tape2.QueueFile raw = new com.squareup.tape2.QueueFile.Builder(
                dir.resolve("readings.queue").toFile()).build()) {
            raw.add(EventJson.write(reading(0)));
            raw.add("{\"half a reading".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            raw.add(EventJson.write(reading(1)));
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ReadingSpool spool = new ReadingSpool(properties(100), registry)) {
            assertThat(spool.size()).isEqualTo(2);
            assertThat(EventJson.read(spool.peek(0).orElseThrow(), MeterReading.class).sequence()).isZero();
            spool.removeOldest();
            assertThat(EventJson.read(spool.peek(0).orElseThrow(), MeterReading.class).sequence()).isEqualTo(1);
            assertThat(registry.counter("wattwatch.agent.spool.set.aside").count()).isEqualTo(1);
        }
        try (java.util.stream.Stream<Path> kept = java.nio.file.Files.list(dir.resolve("set-aside"))) {
            assertThat(kept).singleElement().satisfies(f -> assertThat(java.nio.file.Files.readString(f))
                    .isEqualTo("{\"half a reading"));
        }
    }

    @Test
    void aSpoolFileThatCannotBeOpenedIsMovedAsideAndTheAgentStartsEmpty() throws Exception {
        java.nio.file.Files.createDirectories(dir);
        byte[] torn = new byte[4096];
        java.util.Arrays.fill(torn, (byte) 0x7f);
        java.nio.file.Files.write(dir.resolve("readings.queue"), torn);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ReadingSpool spool = new ReadingSpool(properties(100), registry)) {
            assertThat(spool.size()).isZero();
            spool.append(reading(7));
            assertThat(spool.size()).isEqualTo(1);
            assertThat(registry.counter("wattwatch.agent.spool.set.aside").count()).isEqualTo(1);
        }
        try (java.util.stream.Stream<Path> kept = java.nio.file.Files.list(dir.resolve("set-aside"))) {
            assertThat(kept).singleElement().satisfies(f -> assertThat(java.nio.file.Files.readAllBytes(f)).isEqualTo(torn));
        }
    }
}
