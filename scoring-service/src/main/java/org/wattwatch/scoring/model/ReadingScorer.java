package org.wattwatch.scoring.model;

import java.time.ZoneId;

import org.springframework.stereotype.Component;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.scoring.config.ScoringProperties;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.detection.HomeClock;

/** Scores a reading against the active model on the home's wall clock. */
@Component
public class ReadingScorer {

    private final ModelSource model;
    private final HomeClock clock;
    private final double threshold;

    public ReadingScorer(ModelSource model, ScoringProperties properties) {
        this.model = model;
        this.clock = new HomeClock(properties.zone());
        this.threshold = properties.threshold();
    }

    public ScoredReading score(MeterReading reading) {
        return score(reading, model.modelFor(reading.meterId()));
    }

    /** With a given model, so a reading and its window are judged by the same one during a swap. */
    public ScoredReading score(MeterReading reading, EnvelopeModel current) {
        return AnomalyDetector.score(reading, current, clock, threshold);
    }

    public ZoneId zone() {
        return clock.zone();
    }

    public double threshold() {
        return threshold;
    }

    public boolean hasOwnModel(String meterId) {
        return model.hasOwnModel(meterId);
    }

    /** The model for a meter, or with {@link ModelAssignment#DEFAULT} the default one. */
    public EnvelopeModel model(String meterId) {
        return model.modelFor(meterId);
    }
}
