package org.wattwatch.envelope;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.wattwatch.event.score.ExpectedRange;

/**
 * A trained envelope, as a table: the package's MOJOs are evaluated once, when the model is
 * loaded, for every combination of the features, so scoring a reading is an array lookup instead
 * of walking hundreds of trees twice. Same answers as the MOJOs, a small fraction of the cost.
 */
public final class PackagedEnvelope implements EnvelopeModel {

    private final ModelManifest manifest;
    private final ExpectedRange[] byCell;
    private final long windowMillis;

    PackagedEnvelope(ModelManifest manifest, ExpectedRange[] byCell) {
        this.manifest = manifest;
        this.byCell = byCell.clone();
        this.windowMillis = Duration.ofMinutes(manifest.windowMinutes()).toMillis();
    }

    /** Blended between neighbouring hours ({@link HourBlend}), scaled to the interval's length. */
    @Override
    public ExpectedRange expected(LocalDateTime localStart, Duration length) {
        long millis = length.toMillis();
        return HourBlend.expected(localStart, length, hour -> byCell[EnvelopeFeatures.cell(hour)],
                millis == windowMillis ? 1.0 : (double) millis / windowMillis);
    }

    @Override
    public List<LevelScale> scales() {
        return manifest.scales() == null ? List.of() : manifest.scales();
    }

    @Override
    public String version() {
        return manifest.version();
    }

    public ModelManifest manifest() {
        return manifest;
    }
}
