package org.wattwatch.scoring.detection;

import java.util.Optional;

import org.wattwatch.model.alert.Anomaly;
import org.wattwatch.model.score.ScoredReading;

/**
 * What one reading did: its scored form, the lifecycle event it caused if any, and the meter's
 * state after it.
 *
 * @param late the reading began before the meter's latest one ended: judged alone, state untouched
 */
public record Detection(ScoredReading scored, Optional<Anomaly> event, MeterState state, boolean late) {
}
