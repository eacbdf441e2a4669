package org.wattwatch.scoring.model;

import org.wattwatch.envelope.EnvelopeModel;

/** Where the scorer gets the model for a meter. */
public interface ModelSource {

    EnvelopeModel modelFor(String meterId);

    /** Whether the meter has a model of its own rather than the default one. */
    default boolean hasOwnModel(String meterId) {
        return false;
    }
}
