package org.wattwatch.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.agent.config.AgentProperties.Edge;
import org.wattwatch.agent.config.AgentProperties.Meter;
import org.wattwatch.agent.config.AgentProperties.Pull;

/** Agent settings for tests: simulated source (Pi4J mock pins), one-minute readings. */
public final class TestAgents {

    private TestAgents() {
    }

    public static Meter meter(String id, int pin, int impulsesPerKwh, Duration debounce) {
        return new Meter(id, pin, impulsesPerKwh, Edge.RISING, debounce, Pull.PULL_DOWN);
    }

    public static AgentProperties properties(Path spoolDir, Meter... meters) {
        return new AgentProperties("test-agent", ZoneId.of("Europe/Paris"), Duration.ofMinutes(1),
                AgentProperties.Source.SIMULATED, new AgentProperties.Gpio(AgentProperties.GpioProvider.GPIOD),
                List.of(meters), new AgentProperties.Spool(spoolDir, 1000, 0.8), new AgentProperties.Simulator(0, 1),
                new AgentProperties.Replay(null, 60, null));
    }
}
