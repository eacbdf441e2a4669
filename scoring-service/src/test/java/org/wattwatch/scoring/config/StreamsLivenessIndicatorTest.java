package org.wattwatch.scoring.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class StreamsLivenessIndicatorTest {

    @Test
    void aClientThatFailedForGoodIsNotAliveOneStartingOrRebalancingIs() {
        assertThat(StreamsLivenessIndicator.of(KafkaStreams.State.ERROR).getStatus()).isEqualTo(Status.DOWN);
        assertThat(StreamsLivenessIndicator.of(KafkaStreams.State.PENDING_ERROR).getStatus()).isEqualTo(Status.DOWN);
        for (KafkaStreams.State alive : new KafkaStreams.State[] {KafkaStreams.State.CREATED,
                KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING}) {
            assertThat(StreamsLivenessIndicator.of(alive).getStatus()).as(alive.name()).isEqualTo(Status.UP);
        }
        assertThat(StreamsLivenessIndicator.of(null).getDetails()).containsEntry("state", "NOT_STARTED");
    }
}
