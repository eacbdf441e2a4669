package org.wattwatch.detection;

import java.util.Optional;

import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.score.ExpectedRange;
import org.wattwatch.event.score.ScoredReading;

/**
 * What one reading did: its scored form, the lifecycle event it caused if any, and the meter's
 * state after it.
 *
 * @param late        the reading began before the meter's latest one ended: judged alone, state untouched
 * @param windowScore the score the detector judged by: the window's when there was a verdict, else the reading's
 * @param window      the usual range the window was judged against, or null without a window verdict
 */
public record Detection(ScoredReading scored, Optional<Anomaly> event, MeterState state, boolean late,
        double windowScore, ExpectedRange window) {

    /** Whether the meter is in an alert after this reading. */
    public boolean inAlert() {
        return scored.anomaly();
    }
}
