package org.wattwatch.scoring.config;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Alive unless the Kafka Streams client has failed for good (ERROR: its threads could not be
 * replaced). In the liveness group, so the orchestrator restarts an instance that would otherwise
 * answer HTTP while scoring nothing; a client that is starting or rebalancing is not restarted.
 */
@Component("streamsAlive")
class StreamsLivenessIndicator implements HealthIndicator {

    private final StreamsBuilderFactoryBean streams;

    StreamsLivenessIndicator(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        return of(kafkaStreams == null ? null : kafkaStreams.state());
    }

    static Health of(KafkaStreams.State state) {
        boolean failed = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
        return (failed ? Health.down() : Health.up()).withDetail("state", state == null ? "NOT_STARTED" : state.name())
                .build();
    }
}
