package org.wattwatch.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.wattwatch.agent.AgentApplication;
import org.wattwatch.notifier.NotifierApplication;
import org.wattwatch.scoring.ScoringApplication;

/**
 * What {@code ./wattwatch local} shows when the Pi goes away: the agent stops, and after the silence time
 * the owner is told through the log channel (the lines the launcher prints) that the meter sends nothing;
 * the agent starts again, and the same alert is resolved.
 */
@ExtendWith(OutputCaptureExtension.class)
class NeverBlindIT {

    private static final String[] AGENT = {"--wattwatch.agent.interval=1s", "--wattwatch.agent.agent-id=pi",
        "--wattwatch.agent.meters[0].id=main"};

    private static String[] agentArgs(Path spool) {
        String[] args = java.util.Arrays.copyOf(AGENT, AGENT.length + 1);
        args[AGENT.length] = "--wattwatch.agent.spool.dir=" + spool;
        return args;
    }

    @Test
    void aStoppedAgentIsToldThroughTheLogChannelAndItsReturnResolvesIt(CapturedOutput output) throws Exception {
        Path spool = Files.createTempDirectory("wattwatch-blind-spool");
        try (EmbeddedSystem system = new EmbeddedSystem()) {
            system.start(ScoringApplication.builder(), "--wattwatch.scoring.silence=2m",
                    "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("wattwatch-blind-streams"));
            system.start(NotifierApplication.builder());
            ConfigurableApplicationContext agent = system.start(AgentApplication.builder(), agentArgs(spool));
            // the meter is heard from: its readings reach Kafka
            await().atMost(Duration.ofMinutes(3)).until(() -> agent.getBean(MeterRegistry.class)
                    .counter("wattwatch.agent.readings.sent").count() >= 3);
            agent.close(); // the Pi goes away

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> output.getOut().contains("RAISED [main] Meter main has sent no reading since"));
            assertThat(output.getOut()).doesNotContain("RESOLVED [main] Meter main is sending readings again");

            system.start(AgentApplication.builder(), agentArgs(spool)); // and comes back
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> output.getOut().contains("RESOLVED [main] Meter main is sending readings again"));
            assertThat(output.getOut().lines().filter(l -> l.contains("RAISED [main] Meter main has sent no reading"))
                    .count()).as("told once").isEqualTo(1);
        }
    }
}
