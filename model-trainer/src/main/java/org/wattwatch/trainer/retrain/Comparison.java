package org.wattwatch.trainer.retrain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.detection.Replay;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.event.learning.ModelDecision;
import org.wattwatch.event.reading.MeterReading;

/**
 * A model on a meter's recent weeks through the scoring service's detector: the alerts it raises on the
 * readings as they were, and the injected loads it raises on the readings with the probes added.
 *
 * @param problems periods the owner called real problems: an alert there is right, not counted against it
 * @param labelled every period the owner labelled, for precision
 */
record Comparison(AnomalyDetector detector, List<MeterReading> recent, List<AlertPeriods.Period> probes,
        double probeWatts, List<AlertPeriods.Period> problems, List<AlertPeriods.Period> labelled, ZoneId zone,
        Duration readingLength) {

    ModelDecision.Figures figures(EnvelopeModel model) {
        List<AlertPeriods.Period> alerts = AlertPeriods.of(Replay.run(detector, model, recent), readingLength, zone);
        int counted = 0;
        int labelledAlerts = 0;
        int labelledProblem = 0;
        for (AlertPeriods.Period a : alerts) {
            boolean problem = AlertPeriods.anyOverlaps(problems, a.from(), a.to());
            counted += problem ? 0 : 1;
            if (AlertPeriods.anyOverlaps(labelled, a.from(), a.to())) {
                labelledAlerts++;
                labelledProblem += problem ? 1 : 0;
            }
        }
        List<AlertPeriods.Period> probed = AlertPeriods.of(
                Replay.run(detector, model, Probes.inject(recent, probes, probeWatts)), readingLength, zone);
        int caught = 0;
        Duration late = detector.settings().window().plus(readingLength);
        for (AlertPeriods.Period p : probes) {
            boolean raised = AlertPeriods.anyOverlaps(probed, p.from(), p.to().plus(late));
            boolean anyway = AlertPeriods.anyOverlaps(alerts, p.from(), p.to().plus(late));
            caught += raised && !anyway ? 1 : 0;
        }
        double days = recent.isEmpty() ? 0
                : Duration.between(recent.get(0).intervalStart(), recent.get(recent.size() - 1).intervalEnd())
                        .toMinutes() / 1440.0;
        return new ModelDecision.Figures(days, counted, counted / Math.max(days, 1.0) * 30.4, probes.size(), caught,
                labelledAlerts, labelledProblem);
    }
}
