package org.wattwatch.envelope;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import hex.genmodel.GenModel;
import hex.genmodel.MojoModel;
import hex.genmodel.MojoReaderBackendFactory;

import org.wattwatch.event.json.EventFormatException;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.validation.Checks;

import tools.jackson.core.JacksonException;
import org.wattwatch.event.score.ExpectedRange;

/**
 * A model package: one zip with {@code model.json} ({@link ModelManifest}) and two H2O MOJOs,
 * {@code low.zip} and {@code high.zip}, the envelope's lower and upper quantile models. Read with
 * h2o-genmodel alone; its version is a hash of its content, checked when read.
 */
public final class ModelPackage {

    static final String MANIFEST = "model.json";
    static final String LOW = "low.zip";
    static final String HIGH = "high.zip";

    private ModelPackage() {
    }

    /** The version a package with these MOJOs and settings has: same content, same version. */
    public static String versionOf(byte[] lowMojo, byte[] highMojo, int windowMinutes, double lowExtension,
            double highExtension, List<Double> baseLow, List<Double> baseHigh, List<LevelScale> scales) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(lowMojo);
            sha.update(highMojo);
            // without scales, the same text as before they existed: older packages keep their version
            sha.update((windowMinutes + "|" + lowExtension + "|" + highExtension + "|" + baseLow + "|" + baseHigh
                    + (scales == null || scales.isEmpty() ? "" : "|" + scales)).getBytes(StandardCharsets.UTF_8));
            return "gbm-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static void write(OutputStream out, ModelManifest manifest, byte[] lowMojo, byte[] highMojo)
            throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, MANIFEST, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            entry(zip, LOW, lowMojo);
            entry(zip, HIGH, highMojo);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Beyond what any trained package holds: a zip that inflates past it (a zip bomb, a few kB that
     * unpack to gigabytes) is refused while it is being read, before it can fill the memory.
     */
    static final int MAX_ENTRY_BYTES = 32 * 1024 * 1024;

    public static PackagedEnvelope read(InputStream in, String name) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.getName().equals(MANIFEST) && !e.getName().equals(LOW) && !e.getName().equals(HIGH)) {
                    throw new ModelFormatException(name + ": not a WattWatch model package (unexpected entry "
                            + Checks.printable(e.getName()) + "; a package holds " + MANIFEST + ", " + LOW
                            + " and " + HIGH + ")");
                }
                if (entries.containsKey(e.getName())) {
                    throw new ModelFormatException(name + ": " + e.getName() + " twice in the package");
                }
                byte[] bytes = zip.readNBytes(MAX_ENTRY_BYTES + 1);
                if (bytes.length > MAX_ENTRY_BYTES) {
                    throw new ModelFormatException(name + ": " + e.getName() + " inflates beyond "
                            + MAX_ENTRY_BYTES / (1024 * 1024) + " MB; no model is that large");
                }
                entries.put(e.getName(), bytes);
            }
        }
        for (String required : new String[] {MANIFEST, LOW, HIGH}) {
            if (!entries.containsKey(required)) {
                throw new ModelFormatException(name + ": not a WattWatch model package (no " + required + ")");
            }
        }
        ModelManifest manifest = manifest(entries.get(MANIFEST), name);
        if (manifest.formatVersion() != ModelManifest.FORMAT_VERSION || !ModelManifest.KIND.equals(manifest.kind())) {
            throw new ModelFormatException(name + ": package format " + manifest.formatVersion() + " kind "
                    + manifest.kind() + " is not one this build reads (" + ModelManifest.FORMAT_VERSION + ", "
                    + ModelManifest.KIND + ")");
        }
        if (manifest.baseLowWh() == null || manifest.baseLowWh().size() != 24 || manifest.baseHighWh() == null
                || manifest.baseHighWh().size() != 24) {
            throw new ModelFormatException(name + ": model.json needs 24 hourly baseLowWh and baseHighWh values");
        }
        saneValues(manifest, name);
        String actual = versionOf(entries.get(LOW), entries.get(HIGH), manifest.windowMinutes(),
                manifest.lowExtension(), manifest.highExtension(), manifest.baseLowWh(), manifest.baseHighWh(),
                manifest.scales());
        if (!actual.equals(manifest.version())) {
            throw new ModelFormatException(name + ": content does not match its version " + manifest.version()
                    + " (is " + actual + "): the package was altered or damaged");
        }
        return new PackagedEnvelope(manifest, table(mojo(entries.get(LOW)), mojo(entries.get(HIGH)), manifest));
    }

    /**
     * Values a scorer divides by, multiplies with or loops over: a window of 0 minutes made every
     * reading throw, a NaN extension made every score NaN. Refused at load, never applied.
     */
    private static void saneValues(ModelManifest m, String name) {
        if (m.windowMinutes() < 1 || m.windowMinutes() > 24 * 60) {
            throw new ModelFormatException(name + ": model.json windowMinutes must be 1 to 1440, was "
                    + m.windowMinutes());
        }
        if (!Double.isFinite(m.lowExtension()) || !Double.isFinite(m.highExtension()) || m.lowExtension() < 0
                || m.highExtension() < 0) {
            throw new ModelFormatException(name + ": model.json lowExtension and highExtension must be finite and "
                    + "not negative, were " + m.lowExtension() + " and " + m.highExtension());
        }
        for (int h = 0; h < 24; h++) {
            Double low = m.baseLowWh().get(h);
            Double high = m.baseHighWh().get(h);
            if (low == null || high == null || !Double.isFinite(low) || !Double.isFinite(high) || low < 0
                    || high < low) {
                throw new ModelFormatException(name + ": model.json baseLowWh/baseHighWh at hour " + h
                        + " must be finite with 0 <= low <= high, were " + low + " and " + high);
            }
        }
    }

    /**
     * Fields added to format 1 after its first packages (the alert budget, the window measure) are
     * optional: a package trained before them still loads, with them null.
     */
    private static ModelManifest manifest(byte[] json, String name) {
        try {
            return EventJson.readWithLaterFields(json, ModelManifest.class);
        } catch (EventFormatException e) {
            throw new ModelFormatException(name + ": unreadable model.json: "
                    + (e.getCause() instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage()));
        }
    }

    private static GenModel mojo(byte[] bytes) throws IOException {
        return MojoModel.load(MojoReaderBackendFactory.createReaderBackend(new ByteArrayInputStream(bytes),
                MojoReaderBackendFactory.CachingStrategy.MEMORY));
    }

    /**
     * Both quantile models at every feature combination (a crossing pair put in order), widened by
     * the calibrated extensions.
     */
    private static ExpectedRange[] table(GenModel low, GenModel high, ModelManifest m) {
        ExpectedRange[] byCell = new ExpectedRange[EnvelopeFeatures.CELLS];
        double[] lowOut = new double[low.getPredsSize()];
        double[] highOut = new double[high.getPredsSize()];
        int[] lowIdx = indexes(low);
        int[] highIdx = indexes(high);
        for (int month = 1; month <= 12; month++) {
            for (int day = 1; day <= 7; day++) {
                for (int hour = 0; hour < 24; hour++) {
                    double[] features = {hour, day, month};
                    // the low edge may sit below its hour's quantile for a day or month, never above: a low
                    // edge pushed up by one over-fitted cell would widen every envelope through the calibration
                    double a = Math.max(0, m.baseLowWh().get(hour)
                            + Math.min(0, low.score0(columns(features, lowIdx, low), lowOut)[0]));
                    double b = Math.max(0, m.baseHighWh().get(hour)
                            + high.score0(columns(features, highIdx, high), highOut)[0]);
                    byCell[EnvelopeFeatures.cell(hour, day, month)] =
                            Calibration.widen(Math.min(a, b), Math.max(a, b), m.lowExtension(), m.highExtension());
                }
            }
        }
        return byCell;
    }

    /**
     * Where each of our features sits in the MOJO's own column order, -1 for one it does not have:
     * H2O drops a feature that is constant in the training history (a month of minutes has one
     * month), and a model that never saw it varying cannot depend on it.
     */
    private static int[] indexes(GenModel model) {
        int[] idx = new int[EnvelopeFeatures.NAMES.size()];
        boolean any = false;
        for (int i = 0; i < idx.length; i++) {
            idx[i] = model.getColIdx(EnvelopeFeatures.NAMES.get(i));
            any |= idx[i] >= 0;
        }
        if (!any) {
            throw new ModelFormatException("the MOJO has none of the features " + EnvelopeFeatures.NAMES);
        }
        return idx;
    }

    private static double[] columns(double[] features, int[] idx, GenModel model) {
        double[] data = new double[model.getNames().length];
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] >= 0) {
                data[idx[i]] = features[i];
            }
        }
        return data;
    }
}
