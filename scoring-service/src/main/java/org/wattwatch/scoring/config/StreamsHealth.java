package org.wattwatch.scoring.config;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** The Kafka Streams client's state, read two ways: as readiness, and as liveness. */
@Configuration
class StreamsHealth {

    /** Ready only while the topology runs (or rebalances): a dead stream scores nothing. */
    @Bean("streams")
    HealthIndicator streamsReady(StreamsBuilderFactoryBean streams) {
        return () -> ready(state(streams));
    }

    /**
     * Alive unless the client has failed for good (ERROR: its threads could not be replaced). In the
     * liveness group, so the orchestrator restarts an instance that would otherwise answer HTTP while
     * scoring nothing; a client that is starting or rebalancing is not restarted.
     */
    @Bean("streamsAlive")
    HealthIndicator streamsAlive(StreamsBuilderFactoryBean streams) {
        return () -> alive(state(streams));
    }

    /** Null before the client is created. */
    private static KafkaStreams.State state(StreamsBuilderFactoryBean streams) {
        KafkaStreams client = streams.getKafkaStreams();
        return client == null ? null : client.state();
    }

    static Health ready(KafkaStreams.State state) {
        return of(state != null && state.isRunningOrRebalancing(), state);
    }

    static Health alive(KafkaStreams.State state) {
        return of(state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR, state);
    }

    private static Health of(boolean up, KafkaStreams.State state) {
        return (up ? Health.up() : Health.down()).withDetail("state", state == null ? "NOT_STARTED" : state.name())
                .build();
    }
}
