package org.wattwatch.scoring.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.wattwatch.model.score.ScoredReading;

/**
 * Counts what the topology does. Under exactly-once a task that aborts re-processes its records,
 * so these counters may run slightly ahead of the committed output; the topics are the truth.
 */
@Component
class ScoringMetrics {

    private final Counter scored;
    private final Counter anomalies;
    private final Counter deadLettered;
    private final DistributionSummary scores;

    ScoringMetrics(MeterRegistry registry) {
        scored = Counter.builder("wattwatch.scoring.readings.scored").description("readings scored").register(registry);
        anomalies = Counter.builder("wattwatch.scoring.anomalies.raised").description("anomalies emitted")
                .register(registry);
        deadLettered = Counter.builder("wattwatch.scoring.readings.dead.lettered")
                .description("readings sent to the dead-letter topic").register(registry);
        scores = DistributionSummary.builder("wattwatch.scoring.score").description("scores of readings")
                .serviceLevelObjectives(0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 5.0).register(registry);
    }

    void scored(ScoredReading reading) {
        scored.increment();
        scores.record(reading.score());
        if (reading.anomaly()) {
            anomalies.increment();
        }
    }

    void deadLettered() {
        deadLettered.increment();
    }
}
