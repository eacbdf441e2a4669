package org.wattwatch.scoring.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class StreamsHealthTest {

    @Test
    void aClientThatFailedForGoodIsNotAliveOneStartingOrRebalancingIs() {
        assertThat(StreamsHealth.alive(KafkaStreams.State.ERROR).getStatus()).isEqualTo(Status.DOWN);
        assertThat(StreamsHealth.alive(KafkaStreams.State.PENDING_ERROR).getStatus()).isEqualTo(Status.DOWN);
        for (KafkaStreams.State alive : new KafkaStreams.State[] {KafkaStreams.State.CREATED,
                KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING}) {
            assertThat(StreamsHealth.alive(alive).getStatus()).as(alive.name()).isEqualTo(Status.UP);
        }
        assertThat(StreamsHealth.alive(null).getDetails()).containsEntry("state", "NOT_STARTED");
    }

    @Test
    void readyOnlyWhileTheTopologyRunsOrRebalances() {
        assertThat(StreamsHealth.ready(KafkaStreams.State.RUNNING).getStatus()).isEqualTo(Status.UP);
        assertThat(StreamsHealth.ready(KafkaStreams.State.REBALANCING).getStatus()).isEqualTo(Status.UP);
        for (KafkaStreams.State down : new KafkaStreams.State[] {KafkaStreams.State.CREATED,
                KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING}) {
            assertThat(StreamsHealth.ready(down).getStatus()).as(down.name()).isEqualTo(Status.DOWN);
        }
        assertThat(StreamsHealth.ready(null).getDetails()).containsEntry("state", "NOT_STARTED");
    }
}
