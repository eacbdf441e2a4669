package org.wattwatch.trainer.retrain;

import java.util.Locale;

import org.wattwatch.event.learning.ModelDecision;

/**
 * When a candidate goes live: it keeps the alert budget on the recent weeks, and raises at least the
 * injected loads the model in use raises; a model that is quieter because it has stopped seeing heaters is
 * no better. The bundled seed envelope is not this home's model: once the home has the history to learn
 * from, a candidate that keeps the budget replaces it.
 */
final class RetrainRule {

    record Verdict(boolean promoted, String reason) {
    }

    private RetrainRule() {
    }

    static Verdict decide(ModelDecision.Figures current, ModelDecision.Figures candidate, double budget,
            boolean currentIsSeed) {
        if (candidate.alertsPerMonth() > budget) {
            return new Verdict(false, String.format(Locale.ROOT, "kept out: it would raise %.1f alerts a month on the "
                    + "recent weeks, more than the budget of %.1f (the model in use: %.1f)", candidate.alertsPerMonth(),
                    budget, current.alertsPerMonth()));
        }
        if (!currentIsSeed && candidate.probesCaught() < current.probesCaught()) {
            return new Verdict(false, String.format(Locale.ROOT, "kept out: it raises %d of %d injected loads, the "
                    + "model in use %d", candidate.probesCaught(), candidate.probes(), current.probesCaught()));
        }
        return new Verdict(true, String.format(Locale.ROOT, "%s: %.1f alerts a month on the recent weeks (budget "
                + "%.1f; the model in use: %.1f), %d of %d injected loads raised (the model in use: %d)",
                currentIsSeed ? "replaces the seed envelope" : "promoted", candidate.alertsPerMonth(), budget,
                current.alertsPerMonth(), candidate.probesCaught(), candidate.probes(), current.probesCaught()));
    }
}
