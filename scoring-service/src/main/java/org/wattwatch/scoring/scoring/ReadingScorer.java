package org.wattwatch.scoring.scoring;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.wattwatch.model.alert.Anomaly;
import org.wattwatch.model.alert.AnomalyState;
import org.wattwatch.model.reading.MeterReading;
import org.wattwatch.model.score.ExpectedRange;
import org.wattwatch.model.score.ScoredReading;
import org.wattwatch.scoring.config.ScoringProperties;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.scoring.model.ActiveModel;

/** Scores a reading against the active model on the home's wall clock. */
@Component
public class ReadingScorer {

    private final ActiveModel model;
    private final ZoneId zone;
    private final double threshold;

    public ReadingScorer(ActiveModel model, ScoringProperties properties) {
        this.model = model;
        this.zone = properties.zone();
        this.threshold = properties.threshold();
    }

    public ScoredReading score(MeterReading reading) {
        EnvelopeModel current = model.get();
        LocalDateTime localStart = LocalDateTime.ofInstant(reading.intervalStart(), zone);
        ExpectedRange expected = current.expected(localStart, reading.duration());
        double score = expected.score(reading.wh());
        return new ScoredReading(ScoredReading.SCHEMA_VERSION, reading, expected.lowWh(), expected.highWh(), score,
                score > threshold, current.version());
    }

    public Optional<Anomaly> anomalyOf(ScoredReading scored) {
        if (!scored.anomaly()) {
            return Optional.empty();
        }
        MeterReading r = scored.reading();
        return Optional.of(new Anomaly(Anomaly.SCHEMA_VERSION, Anomaly.alertIdFor(r.meterId(), r.intervalStart()),
                AnomalyState.RAISED, r.meterId(), r.intervalStart(), r.intervalEnd(),
                LocalDateTime.ofInstant(r.intervalStart(), zone), zone.getId(), r.wh(), scored.expectedLowWh(),
                scored.expectedHighWh(), scored.score(), scored.modelVersion(), r.intervalStart(),
                Math.max(0, r.wh() - scored.expectedHighWh())));
    }

    public ZoneId zone() {
        return zone;
    }

    public double threshold() {
        return threshold;
    }
}
