package org.wattwatch.event.learning;

import java.time.Instant;
import java.util.List;

import org.wattwatch.event.validation.Checks;
import org.wattwatch.event.validation.Violation;

/**
 * One retrain's decision on a meter's model, on {@code power.models.decisions}: what was trained, how it
 * and the model in use did on the meter's recent weeks, and whether it went live and why.
 *
 * @param meterId          the meter
 * @param at               when the decision was made
 * @param currentVersion   the model in use when it was made
 * @param candidateVersion the model trained, or null when none could be (too little history)
 * @param promoted         whether the candidate went live
 * @param reason           why, in words the dashboard shows
 * @param trainedFrom      first day of history the candidate learned from (null without a candidate)
 * @param trainedTo        last day
 * @param current          the model in use on the recent weeks
 * @param candidate        the candidate on the same weeks (null without a candidate)
 */
public record ModelDecision(int schemaVersion, String meterId, Instant at, String currentVersion,
        String candidateVersion, boolean promoted, String reason, Instant trainedFrom, Instant trainedTo,
        Figures current, Figures candidate) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * A model on the recent weeks.
     *
     * @param days            days of recent history it was replayed on
     * @param alerts          alerts it raised there, without the injected probes and the periods the owner called
     *                        real problems
     * @param alertsPerMonth  the same per 30 days
     * @param probes          injected loads
     * @param probesCaught    injected loads it raised an alert for
     * @param labelled        its alerts that overlap a period the owner labelled
     * @param labelledProblem of those, the ones labelled a real problem (precision = labelledProblem / labelled)
     */
    public record Figures(double days, int alerts, double alertsPerMonth, int probes, int probesCaught, int labelled,
            int labelledProblem) {

        /** Precision on the owner's labels, or NaN when none of its alerts was labelled. */
        public double precision() {
            return labelled == 0 ? Double.NaN : (double) labelledProblem / labelled;
        }
    }

    public List<Violation> violations() {
        return new Checks()
                .schemaVersion(schemaVersion, SCHEMA_VERSION)
                .meterId("meterId", meterId)
                .notNull("at", at)
                .notBlank("currentVersion", currentVersion)
                .notBlank("reason", reason)
                .notNull("current", current)
                .result();
    }
}
