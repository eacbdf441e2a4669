package org.wattwatch.scoring.topology;

import java.util.Optional;

import org.wattwatch.model.alert.Anomaly;
import org.wattwatch.model.score.ScoredReading;

/** What became of one record on {@code power.readings}. */
sealed interface ScoringOutcome {

    record Scored(ScoredReading scored, Optional<Anomaly> anomaly) implements ScoringOutcome {
    }

    /** Unparsable or invalid: the original bytes go to the dead-letter topic untouched. */
    record Rejected(byte[] original, String reason) implements ScoringOutcome {
    }
}
