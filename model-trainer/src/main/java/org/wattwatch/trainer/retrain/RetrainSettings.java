package org.wattwatch.trainer.retrain;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How a retrain learns and judges.
 *
 * @param trainDays   the trailing days of history the candidate learns from
 * @param recentDays  the trailing days both models are replayed on
 * @param probes      injected loads on those days
 * @param probeWatts  each probe's power, held for {@link #PROBE_LENGTH}
 * @param alertBudget alerts a month the candidate may raise on the recent days
 * @param minDays     days of history a meter needs before a candidate is trained
 * @param seed        for the GBMs and the probes' times, so a retrain can be repeated
 * @param zone        the home's time zone
 */
record RetrainSettings(int trainDays, int recentDays, int probes, double probeWatts, double alertBudget, int minDays,
        long seed, ZoneId zone) {

    static final Duration PROBE_LENGTH = Duration.ofHours(1);
}
