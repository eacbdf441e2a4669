package org.wattwatch.trainer.retrain;

import java.util.Locale;

import org.wattwatch.event.learning.ModelDecision;

/**
 * When a candidate goes live: it keeps the alert budget on the recent weeks (pro rata, in whole alerts), and raises at least the
 * injected loads the model in use raises; a model that is quieter because it has stopped seeing heaters is
 * no better. The bundled seed envelope is not this home's model: once the home has the history to learn
 * from, a candidate that keeps the budget replaces it.
 */
final class RetrainRule {

    record Verdict(boolean promoted, String reason) {
    }

    private RetrainRule() {
    }

    /**
     * Whole alerts the budget allows over {@code days}: a month's budget pro rata, rounded up, so that a week
     * of recent history may hold one alert under a budget of two a month, and a budget of zero none.
     */
    static long allowed(double budgetPerMonth, double days) {
        return (long) Math.ceil(budgetPerMonth * days / 30.4 - 1e-9);
    }

    static Verdict decide(ModelDecision.Figures current, ModelDecision.Figures candidate, double budget,
            boolean currentIsSeed) {
        long allowed = allowed(budget, candidate.days());
        if (candidate.alerts() > allowed) {
            return new Verdict(false, String.format(Locale.ROOT, "kept out: it would raise %d alert(s) in the recent "
                    + "%.0f days, more than the budget of %.1f a month allows (%d; the model in use raised %d)",
                    candidate.alerts(), candidate.days(), budget, allowed, current.alerts()));
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
