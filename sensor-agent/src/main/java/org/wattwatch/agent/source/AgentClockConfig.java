package org.wattwatch.agent.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wattwatch.agent.config.AgentProperties;
import org.slf4j.LoggerFactory;
import org.wattwatch.event.history.History;
import org.wattwatch.event.history.HistoryCsv;
import org.wattwatch.event.history.HistoryRow;

/** The agent's time: the system clock, or for a replay the history's own time. */
@Configuration
class AgentClockConfig {

    @Bean
    Clock agentClock(AgentProperties properties, List<HistoryRow> replayHistory) {
        if (properties.source() != AgentProperties.Source.REPLAY) {
            return Clock.systemUTC();
        }
        return new ReplayClock(replayHistory.get(0).start().atZone(properties.zone()).toInstant());
    }

    @Bean
    List<HistoryRow> replayHistory(AgentProperties properties) {
        return properties.source() == AgentProperties.Source.REPLAY ? history(properties) : List.of();
    }

    private static List<HistoryRow> history(AgentProperties properties) {
        if (properties.replay().file() == null) {
            throw new IllegalStateException("wattwatch.agent.replay.file must be set when wattwatch.agent.source=replay");
        }
        try {
            History history = HistoryCsv.read(properties.replay().file(), properties.zone());
            LoggerFactory.getLogger(AgentClockConfig.class).info("replay history {}", history.report());
            return history.rows();
        } catch (IOException e) {
            throw new UncheckedIOException("wattwatch.agent.replay.file=" + properties.replay().file() + ": "
                    + e.getMessage(), e);
        }
    }
}
