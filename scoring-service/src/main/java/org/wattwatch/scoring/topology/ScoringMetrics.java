package org.wattwatch.scoring.topology;

import io.micrometer.core.instrument.Counter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.detection.Detection;

/**
 * Counts what the topology does. Under exactly-once a task that aborts re-processes its records,
 * so these counters may run slightly ahead of the committed output; the topics are the truth.
 */
@Component
public class ScoringMetrics {

    private final Counter scored;
    private final Counter anomalies;
    private final Counter resolved;
    private final Counter late;
    private final io.micrometer.core.instrument.Timer scoringTime;
    private final Counter deadLettered;
    private final Counter silent;
    private final Counter dark;
    private final Counter spoolNearlyFull;
    private final Counter slotsWithGaps;
    private final DistributionSummary scores;
    private final MeterRegistry registry;
    /** Latest scored reading per meter, for the "reading against its envelope" graph. */
    private final Map<String, ScoredReading> latest = new ConcurrentHashMap<>();

    public ScoringMetrics(MeterRegistry registry) {
        this.registry = registry;
        scored = Counter.builder("wattwatch.scoring.readings.scored").description("readings scored").register(registry);
        anomalies = Counter.builder("wattwatch.scoring.anomalies.raised").description("alerts raised")
                .register(registry);
        resolved = Counter.builder("wattwatch.scoring.anomalies.resolved").description("alerts resolved")
                .register(registry);
        dark = Counter.builder("wattwatch.scoring.meters.dark")
                .description("meters told as dark: zero readings for the dark time while usage was expected")
                .register(registry);
        spoolNearlyFull = Counter.builder("wattwatch.scoring.meters.spool.nearly.full")
                .description("meters told as keeping many unsent readings: their agent's spool nearly full")
                .register(registry);
        slotsWithGaps = Counter.builder("wattwatch.scoring.history.slots.incomplete")
                .description("history slots the readings left partly uncovered: not written to power.history (a gap)")
                .register(registry);
        silent = Counter.builder("wattwatch.scoring.meters.silent")
                .description("meters told as silent: no reading for the silence time").register(registry);
        late = Counter.builder("wattwatch.scoring.readings.late")
                .description("readings older than the meter's latest, judged on their own").register(registry);
        scoringTime = io.micrometer.core.instrument.Timer.builder("wattwatch.scoring.time")
                .description("scoring and detection of one reading").register(registry);
        deadLettered = Counter.builder("wattwatch.scoring.readings.dead.lettered")
                .description("readings sent to the dead-letter topic").register(registry);
        scores = DistributionSummary.builder("wattwatch.scoring.score").description("scores of readings")
                .serviceLevelObjectives(0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 5.0).register(registry);
    }

    void scored(Detection detection, long nanos) {
        scored(detection.scored());
        scoringTime.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (detection.late()) {
            late.increment();
        }
        detection.event().ifPresent(e -> {
            if (e.state() == AnomalyState.RAISED) {
                anomalies.increment();
            } else if (e.state() == AnomalyState.RESOLVED) {
                resolved.increment();
            }
        });
    }

    private void scored(ScoredReading reading) {
        if (latest.put(reading.reading().meterId(), reading) == null) {
            String meter = reading.reading().meterId();
            Gauge.builder("wattwatch.scoring.reading.wh", latest, m -> m.get(meter).reading().wh()).tag("meter", meter)
                    .description("energy of the meter's latest reading").register(registry);
            Gauge.builder("wattwatch.scoring.expected.low.wh", latest, m -> m.get(meter).expectedLowWh())
                    .tag("meter", meter).description("usual low for the latest reading").register(registry);
            Gauge.builder("wattwatch.scoring.expected.high.wh", latest, m -> m.get(meter).expectedHighWh())
                    .tag("meter", meter).description("usual high for the latest reading").register(registry);
        }
        scored.increment();
        scores.record(reading.score());
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void silent() {
        silent.increment();
    }

    void dark() {
        dark.increment();
    }

    void spoolNearlyFull() {
        spoolNearlyFull.increment();
    }

    void historySlotsWithGaps(int slots) {
        slotsWithGaps.increment(slots);
    }
}
