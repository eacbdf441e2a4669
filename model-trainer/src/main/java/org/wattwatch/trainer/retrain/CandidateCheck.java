package org.wattwatch.trainer.retrain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.event.learning.ModelDecision;
import org.wattwatch.event.reading.MeterReading;

/**
 * The retrain's judgement of a candidate against the model in use on recent readings: what
 * {@code ./wattwatch retrain} decides, and {@code ./wattwatch backtest --retrain-every ... --retrain-rule checked}
 * applies at each retrain (without the owner's labels).
 */
public final class CandidateCheck {

    /** The verdict and both models' figures. */
    public record Result(boolean promoted, String reason, ModelDecision.Figures current,
            ModelDecision.Figures candidate) {
    }

    /** How a retrain judges unless told otherwise, as its options' defaults say it (text). */
    public static final String DEFAULT_RECENT_DAYS = "28";
    public static final String DEFAULT_PROBES = "6";
    public static final String DEFAULT_PROBE_WATTS = "2000";

    private CandidateCheck() {
    }

    public static Result check(EnvelopeModel current, EnvelopeModel candidate, List<MeterReading> recent, ZoneId zone,
            int probes, double probeWatts, double alertBudget, long seed) {
        return check(current, candidate, recent, zone, probes, probeWatts, alertBudget, seed, List.of(), List.of());
    }

    /**
     * @param problems periods the owner called real problems: an alert there is not counted against a model
     * @param labelled every period the owner labelled, for precision
     */
    static Result check(EnvelopeModel current, EnvelopeModel candidate, List<MeterReading> recent, ZoneId zone,
            int probes, double probeWatts, double alertBudget, long seed, List<AlertPeriods.Period> problems,
            List<AlertPeriods.Period> labelled) {
        if (recent.isEmpty()) {
            ModelDecision.Figures none = new ModelDecision.Figures(0, 0, 0, 0, 0, 0, 0);
            return new Result(true, "no recent history to judge on", none, none);
        }
        Duration readingLength = Retrainer.commonLength(recent);
        Comparison comparison = new Comparison(Retrainer.serviceDetector(zone), recent,
                Probes.place(recent, probes, RetrainSettings.PROBE_LENGTH, seed), probeWatts, problems, labelled,
                zone, readingLength);
        ModelDecision.Figures now = comparison.figures(current);
        ModelDecision.Figures next = comparison.figures(candidate);
        RetrainRule.Verdict verdict = RetrainRule.decide(now, next, alertBudget, Retrainer.isSeed(current));
        return new Result(verdict.promoted(), verdict.reason(), now, next);
    }
}
