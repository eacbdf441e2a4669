package org.wattwatch.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/**
 * A package the trainer made (test resource {@code seed-like-gbm.zip}: trained on 90 days whose
 * per-hour min/max are the seed envelope, {@code --quantiles 0.001,0.999}), read with h2o-genmodel.
 */
class ModelPackageTest {

    private static byte[] bytes() throws IOException {
        try (InputStream in = ModelPackageTest.class.getResourceAsStream("/models/seed-like-gbm.zip")) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsTheManifestAndScoresLikeTheSeed() throws IOException {
        EnvelopeModel model = Models.read(new ByteArrayInputStream(bytes()), "seed-like-gbm.zip");

        assertThat(model).isInstanceOf(PackagedEnvelope.class);
        ModelManifest manifest = ((PackagedEnvelope) model).manifest();
        assertThat(manifest.version()).isEqualTo(model.version()).startsWith("gbm-");
        assertThat(manifest.windowMinutes()).isEqualTo(60);
        assertThat(manifest.features()).containsExactly("hour", "day_of_week", "month");
        assertThat(manifest.training().rows()).isEqualTo(2160);
        assertThat(manifest.backtest().windows()).isEqualTo(2160);
        assertThat(manifest.alertBudget()).as("a package trained before the alert budget still loads").isNull();
        double score = model.expected(LocalDateTime.parse("2026-01-05T04:00"), Duration.ofHours(1)).score(1500);
        assertThat(score).isCloseTo(5.4588, within(5.4588 * 0.01));
        assertThat(model.expected(LocalDateTime.parse("2026-01-05T04:22:30"), Duration.ofMinutes(15)).highWh())
                .isCloseTo(model.expected(LocalDateTime.parse("2026-01-05T04:00"), Duration.ofHours(1)).highWh() / 4,
                        within(1e-9));
    }

    @Test
    void aPackageWhoseContentDoesNotMatchItsVersionIsRefused() throws IOException {
        byte[] tampered = edited(m -> m.replaceFirst("\"highExtension\" : [0-9.Ee-]+", "\"highExtension\" : 0.5"),
                null, null);
        assertThatThrownBy(() -> Models.read(new ByteArrayInputStream(tampered), "t.zip"))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("does not match its version");
    }

    /** The test package with model.json's text changed by {@code edit}, and an extra entry when given. */
    private static byte[] edited(java.util.function.UnaryOperator<String> edit, String extraName, byte[] extra)
            throws IOException {
        ByteArrayOutputStream changed = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes()));
                ZipOutputStream out = new ZipOutputStream(changed)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("model.json")) {
                    content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
            if (extraName != null) {
                out.putNextEntry(new ZipEntry(extraName));
                out.write(extra);
                out.closeEntry();
            }
        }
        return changed.toByteArray();
    }

    @Test
    void aZipBombIsRefusedWhileItIsReadNotAfterItFilledTheMemory() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bomb)) {
            out.putNextEntry(new ZipEntry("low.zip"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                out.write(zeros); // 64 MB of zeros: a few tens of kB zipped
            }
            out.closeEntry();
        }
        assertThat(bomb.size()).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> Models.read(new ByteArrayInputStream(bomb.toByteArray()), "bomb.zip"))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("low.zip inflates beyond 32 MB");
        assertThatThrownBy(() -> Models.read(new ByteArrayInputStream(edited(m -> m, "extra.bin", new byte[1])),
                "extra.zip")).hasMessageContaining("unexpected entry 'extra.bin'");
    }

    @Test
    void manifestValuesAScorerCannotUseAreRefusedOnLoad() {
        assertThatThrownBy(() -> Models.read(new ByteArrayInputStream(edited(
                m -> m.replaceFirst("\"windowMinutes\" : [0-9]+", "\"windowMinutes\" : 0"), null, null)), "w.zip"))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("windowMinutes must be 1 to 1440, was 0");
        assertThatThrownBy(() -> Models.read(new ByteArrayInputStream(edited(
                m -> m.replaceFirst("\"highExtension\" : [0-9.Ee-]+", "\"highExtension\" : -1.0"), null, null)),
                "x.zip")).hasMessageContaining("highExtension must be finite and not negative");
    }

    @Test
    void unknownKindsAndNonPackagesAreNamed() {
        assertThatThrownBy(() -> Models.read(new ByteArrayInputStream(new byte[0]), "model.bin"))
                .hasMessageContaining("unknown model kind");
        assertThatThrownBy(() -> Models.read(new ByteArrayInputStream(new byte[0]), "empty.zip"))
                .hasMessageContaining("not a WattWatch model package (no model.json)");
    }

    @Test
    void calibrationLeavesTheWantedShareOutside() {
        double[] excess = new double[1000];
        for (int i = 0; i < excess.length; i++) {
            excess[i] = i / 100.0 - 5; // -5 .. 4.99
        }
        double extension = Calibration.extension(excess, 0.005);
        long above = java.util.Arrays.stream(excess).filter(x -> x > extension).count();
        assertThat(above).isEqualTo(5);
        assertThat(Calibration.extension(new double[] {-1, -2}, 0.01)).isZero();
    }
}
