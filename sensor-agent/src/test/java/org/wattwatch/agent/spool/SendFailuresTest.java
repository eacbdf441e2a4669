package org.wattwatch.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.KafkaException;
import org.wattwatch.agent.TestAgents;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;

/** A send that fails is told apart: Kafka away (retried), Kafka refusing the agent (shown), or the reading. */
class SendFailuresTest {

    @TempDir
    Path dir;

    @Test
    void failuresAreToldApartAsKafkaHandsThemOver() {
        assertThat(SpoolSender.Failure.of(new ExecutionException(new TimeoutException("no broker"))))
                .isEqualTo(SpoolSender.Failure.UNREACHABLE);
        assertThat(SpoolSender.Failure.of(new KafkaException("Send failed",
                new TopicAuthorizationException("not authorized to write power.readings"))))
                .isEqualTo(SpoolSender.Failure.REFUSED);
        assertThat(SpoolSender.Failure.of(new ExecutionException(new RecordTooLargeException("too large"))))
                .isEqualTo(SpoolSender.Failure.READING);
    }

    @Test
    void aReadingTheBrokerRefusesIsSetAsideWithItsReasonAndTheNextOneIsFirst() throws Exception {
        AgentProperties p = TestAgents.properties(dir, TestAgents.meter("main", 17, 1000, Duration.ofMillis(10)));
        AgentProperties properties = new AgentProperties(p.agentId(), p.zone(), p.interval(), p.source(), p.gpio(),
                p.meters(), new AgentProperties.Spool(dir, 100, 0.8), p.simulator(), p.replay());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ReadingSpool spool = new ReadingSpool(properties, registry)) {
            Instant start = Instant.parse("2026-01-05T10:00:00Z");
            for (int i = 0; i < 2; i++) {
                spool.append(new MeterReading(1, "main", start.plusSeconds(60L * i), start.plusSeconds(60L * i + 60),
                        5, 5, "a", i));
            }
            spool.setAsideOldest("RecordTooLargeException: too large");
            assertThat(spool.size()).isEqualTo(1);
            assertThat(EventJson.read(spool.peek(0).orElseThrow(), MeterReading.class).sequence()).isEqualTo(1);
            assertThat(registry.counter("wattwatch.agent.spool.set.aside").count()).isEqualTo(1);
        }
        try (Stream<Path> kept = Files.list(dir.resolve("set-aside"))) {
            List<String> names = kept.map(f -> f.getFileName().toString()).toList();
            String reading = names.stream().filter(n -> n.startsWith("refused-") && n.endsWith(".bad")).findFirst()
                    .orElseThrow();
            assertThat(names).as("the reason beside its reading").contains(reading + ".reason");
            assertThat(Files.readString(dir.resolve("set-aside").resolve(reading + ".reason")))
                    .contains("RecordTooLargeException: too large");
        }
    }
}
