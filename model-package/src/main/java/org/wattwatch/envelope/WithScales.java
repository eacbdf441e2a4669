package org.wattwatch.envelope;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.wattwatch.event.score.ExpectedRange;

/** A model's envelope with other level scales: the trainer's candidates while it calibrates them. */
public record WithScales(EnvelopeModel envelope, List<LevelScale> scales) implements EnvelopeModel {

    public WithScales {
        scales = List.copyOf(scales);
    }

    @Override
    public ExpectedRange expected(LocalDateTime localStart, Duration length) {
        return envelope.expected(localStart, length);
    }

    @Override
    public String version() {
        return envelope.version();
    }
}
