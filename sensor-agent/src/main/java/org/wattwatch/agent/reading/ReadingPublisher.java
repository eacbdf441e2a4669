package org.wattwatch.agent.reading;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wattwatch.agent.config.AgentProperties;
import org.wattwatch.agent.source.SimulatedHousehold;
import org.wattwatch.model.json.EventJson;
import org.wattwatch.model.reading.MeterReading;
import org.wattwatch.model.topic.Topics;

/**
 * At every interval boundary, publishes the reading of the interval that just ended, keyed by
 * meter id. The sequence number is the interval's index since the epoch: gapless while the agent
 * runs, and the same after a restart, so consumers can reconcile without agent-side state.
 */
@Component
class ReadingPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingPublisher.class);

    private final AgentProperties properties;
    private final SimulatedHousehold household;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;
    private final Counter produced;
    private final Counter failed;
    private Instant lastPublishedStart = Instant.EPOCH;

    ReadingPublisher(AgentProperties properties, KafkaTemplate<String, byte[]> kafka, MeterRegistry registry) {
        this.properties = properties;
        this.household = new SimulatedHousehold(properties.simulator().seed(), properties.simulator().heaterWatts());
        this.kafka = kafka;
        this.clock = Clock.systemUTC();
        this.produced = registry.counter("wattwatch.agent.readings.produced");
        this.failed = registry.counter("wattwatch.agent.readings.failed");
        LOG.info("simulated meter '{}': a reading every {} on the {} clock", properties.meterId(),
                properties.interval(), properties.zone());
    }

    /** Runs often and publishes once per boundary, so readings stay aligned whatever the timer drift. */
    @Scheduled(fixedDelay = 250)
    void publishEndedInterval() {
        long intervalMillis = properties.interval().toMillis();
        long index = clock.millis() / intervalMillis - 1;
        Instant start = Instant.ofEpochMilli(index * intervalMillis);
        if (!start.isAfter(lastPublishedStart)) {
            return;
        }
        if (lastPublishedStart.equals(Instant.EPOCH)) {
            lastPublishedStart = start; // the first interval started before we did: its count would be partial
            return;
        }
        lastPublishedStart = start;
        publish(reading(index, start, properties.interval()));
    }

    private MeterReading reading(long index, Instant start, Duration length) {
        double watts = household.meanWatts(LocalDateTime.ofInstant(start, properties.zone()));
        long pulses = Math.round(watts * length.toMillis() / 3_600_000.0 * properties.impulsesPerKwh() / 1000.0);
        double wh = pulses * 1000.0 / properties.impulsesPerKwh();
        return new MeterReading(MeterReading.SCHEMA_VERSION, properties.meterId(), start, start.plus(length), wh,
                pulses, properties.agentId(), index);
    }

    private void publish(MeterReading reading) {
        kafka.send(Topics.READINGS, reading.meterId(), EventJson.write(reading)).whenComplete((result, error) -> {
            if (error == null) {
                produced.increment();
            } else {
                failed.increment();
                LOG.warn("reading {} of meter {} not delivered: {}", reading.sequence(), reading.meterId(),
                        error.toString());
            }
        });
    }
}
