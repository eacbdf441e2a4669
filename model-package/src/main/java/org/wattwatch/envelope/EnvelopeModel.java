package org.wattwatch.envelope;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.wattwatch.event.score.ExpectedRange;

/** What a model knows: the usual energy range for an interval starting at a local time. */
public interface EnvelopeModel {

    /**
     * @param localStart the interval's start on the home's wall clock
     * @param length     the interval's length
     */
    ExpectedRange expected(LocalDateTime localStart, Duration length);

    /** Identifies the model's content, so every score says which model made it. */
    String version();

    /**
     * Window lengths at which the detector judges the level usage held, each with its usual range;
     * none for a model that only knows energy per interval (the seed's envelope, older packages).
     */
    default List<LevelScale> scales() {
        return List.of();
    }
}
