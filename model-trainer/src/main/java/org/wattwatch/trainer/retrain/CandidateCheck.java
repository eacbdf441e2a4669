package org.wattwatch.trainer.retrain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.detection.DetectorSettings;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.event.learning.ModelDecision;
import org.wattwatch.event.reading.MeterReading;

/**
 * The retrain's judgement of a candidate against the model in use on recent readings, without the owner's
 * labels: what {@code ./wattwatch backtest --retrain-every ... --retrain-rule checked} applies at each retrain.
 */
public final class CandidateCheck {

    /** The verdict and both models' figures. */
    public record Result(boolean promoted, String reason, ModelDecision.Figures current,
            ModelDecision.Figures candidate) {
    }

    private CandidateCheck() {
    }

    public static Result check(EnvelopeModel current, EnvelopeModel candidate, List<MeterReading> recent, ZoneId zone,
            int probes, double probeWatts, double alertBudget, long seed) {
        if (recent.isEmpty()) {
            ModelDecision.Figures none = new ModelDecision.Figures(0, 0, 0, 0, 0, 0, 0);
            return new Result(true, "no recent history to judge on", none, none);
        }
        Duration readingLength = Retrainer.commonLength(recent);
        Comparison comparison = new Comparison(new AnomalyDetector(zone, DetectorSettings.of(Retrainer.THRESHOLD,
                DetectorSettings.DEFAULT_WINDOW)), recent,
                Probes.place(recent, probes, RetrainSettings.PROBE_LENGTH, seed), probeWatts, List.of(), List.of(),
                zone, readingLength);
        ModelDecision.Figures now = comparison.figures(current);
        ModelDecision.Figures next = comparison.figures(candidate);
        RetrainRule.Verdict verdict = RetrainRule.decide(now, next, alertBudget, Retrainer.isSeed(current));
        return new Result(verdict.promoted(), verdict.reason(), now, next);
    }
}
