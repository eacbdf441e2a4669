package org.wattwatch.trainer.gbm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import hex.genmodel.utils.DistributionFamily;
import hex.tree.gbm.GBM;
import hex.tree.gbm.GBMModel;
import water.Job;
import water.Key;
import water.fvec.Frame;
import water.util.FrameUtils;

import org.wattwatch.envelope.EnvelopeFeatures;
import org.wattwatch.trainer.history.Window;

/**
 * Learns the envelope with H2O: two gradient-boosted models of the window energy's low and high
 * quantiles given hour of day, day of week and month, exported as MOJOs. Each starts from the
 * hour's own quantile of the history and learns what day of week and month add to it, so the trees
 * spend themselves on the interactions rather than on rediscovering the daily curve. A quantile (not the
 * min/max of the 2018 demo) lets one odd hour in the history stay odd instead of widening that hour
 * of every day for good.
 */
public final class QuantileGbm {

    /** The models learn the window energy less their per-hour starting point. */
    private static final String LOW = "wh_above_low_base";
    private static final String HIGH = "wh_above_high_base";

    private final GbmSettings settings;
    private final PrintStream progress;

    public QuantileGbm(GbmSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * @param baseLow  per hour of day, the lower model's starting point: it learns what to add to it
     * @param baseHigh per hour of day, the upper model's starting point
     * @param features the {@link EnvelopeFeatures} the models may use; the others are left out of the MOJOs
     * @return the low and high MOJOs
     */
    public byte[][] train(List<Window> windows, double[] baseLow, double[] baseHigh, List<String> features)
            throws IOException {
        H2OCluster.start();
        Path csv = Files.createTempFile("wattwatch-windows", ".csv");
        Frame frame = null;
        try {
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write(String.join(",", EnvelopeFeatures.NAMES) + "," + LOW + "," + HIGH + "\n");
                for (Window w : windows) {
                    double[] f = EnvelopeFeatures.of(w.start());
                    int hour = (int) f[0];
                    out.write(String.format(Locale.ROOT, "%d,%d,%d,%.4f,%.4f%n", hour, (int) f[1], (int) f[2],
                            w.wh() - baseLow[hour], w.wh() - baseHigh[hour]));
                }
            }
            frame = FrameUtils.parseFrame(Key.make("wattwatch-windows"), csv.toFile());
            List<String> unused = EnvelopeFeatures.NAMES.stream().filter(f -> !features.contains(f)).toList();
            return new byte[][] {mojo(frame, settings.lowQuantile(), "low", LOW, ignoring(HIGH, unused)),
                mojo(frame, settings.highQuantile(), "high", HIGH, ignoring(LOW, unused))};
        } finally {
            if (frame != null) {
                frame.delete();
            }
            Files.deleteIfExists(csv);
        }
    }

    private static String[] ignoring(String otherResponse, List<String> unusedFeatures) {
        List<String> ignored = new java.util.ArrayList<>(unusedFeatures);
        ignored.add(otherResponse);
        return ignored.toArray(String[]::new);
    }

    private byte[] mojo(Frame frame, double alpha, String name, String response, String[] ignored) {
        GBMModel.GBMParameters p = new GBMModel.GBMParameters();
        p._train = frame._key;
        p._response_column = response;
        p._ignored_columns = ignored;
        p._distribution = DistributionFamily.quantile;
        p._quantile_alpha = alpha;
        p._ntrees = settings.trees();
        p._max_depth = settings.maxDepth();
        p._min_rows = settings.minRows();
        p._learn_rate = settings.learnRate();
        p._seed = settings.seed();
        long started = System.nanoTime();
        Job<GBMModel> job = new GBM(p).trainModel();
        while (!job.isDone()) {
            progress.printf(Locale.ROOT, "\r  %s envelope (quantile %.3f): %3.0f%%", name, alpha, job.progress() * 100);
            waitABit();
        }
        GBMModel model = job.get();
        try {
            ByteArrayOutputStream mojo = new ByteArrayOutputStream();
            model.getMojo().writeTo(mojo);
            progress.printf(Locale.ROOT, "\r  %s envelope (quantile %.3f): done in %.1f s%n", name, alpha,
                    (System.nanoTime() - started) / 1e9);
            return mojo.toByteArray();
        } finally {
            model.delete();
        }
    }

    /** Progress is shown while H2O works in its own threads. */
    private static void waitABit() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        }
    }
}
