package org.wattwatch.trainer.scales;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.detection.Detection;
import org.wattwatch.detection.MeterState;
import org.wattwatch.detection.Replay;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.LevelScale;
import org.wattwatch.envelope.WithScales;
import org.wattwatch.event.reading.MeterReading;

/**
 * Learns the level scales: per window length and hour of day, the usual level (the median of the
 * training windows around that hour) and the highest one, then how far above the highest a level
 * must go to be told, so that the detector keeps the alert budget on weeks it has not seen.
 *
 * <p>The highest level is what this home has sustained at that time; a tail beyond it cannot be
 * estimated from a few weeks. So each scale's margin is calibrated by cross-validation: the
 * history is cut into consecutive folds, each fold is replayed through the detector with the
 * ranges learned from the other folds, and the smallest margin whose alerts stay within the
 * scale's share of the budget is kept. An in-sample replay would find no alerts at all with a
 * margin of zero, and promise a quiet that the next weeks do not keep.
 */
public final class ScaleTrainer {

    /** Neighbouring hours pooled into an hour's range: habits shift by an hour from day to day. */
    static final double POOL_HOURS = 1.5;
    private static final double UNREACHABLE_WH = 1e12;

    private final AnomalyDetector detector;
    private final EnvelopeModel envelope;
    private final List<Duration> lengths;
    private final PrintStream log;
    /** The usual ranges by scale and left-out fold: the same for every margin tried. */
    private final Map<String, Usual> usual = new HashMap<>();

    public ScaleTrainer(AnomalyDetector detector, EnvelopeModel envelope, List<Duration> lengths, PrintStream log) {
        this.detector = detector;
        this.envelope = envelope;
        this.lengths = lengths.stream().sorted().toList();
        this.log = log;
    }

    /** One window's level at one scale, with the fractional local hour of its middle. */
    private record Sample(int reading, double hour, double wh) {
    }

    /**
     * @param histories each file's readings, in time order
     * @param budget    alerts a month the calibrated scales may give together on unseen weeks
     */
    public List<LevelScale> train(List<List<MeterReading>> histories, double budget) {
        List<MeterReading> readings = new ArrayList<>();
        histories.forEach(readings::addAll);
        List<List<Sample>> samples = samples(histories);
        int folds = folds(readings);
        log.printf(Locale.ROOT, "  level scales %s, margins checked on %d folds of the history%n",
                lengths.stream().map(l -> l.toMinutes() + " min").toList(), folds);
        double days = 0;
        for (List<MeterReading> h : histories) {
            days += Duration.between(h.get(0).intervalStart(), h.get(h.size() - 1).intervalEnd()).toMinutes() / 1440.0;
        }
        double months = Math.max(days, 1) / 30.4;
        List<LevelScale> result = new ArrayList<>();
        for (int s = 0; s < lengths.size(); s++) {
            double margin = margin(s, samples, readings, months, folds, budget / lengths.size());
            LevelScale scale = usual(s, samples.get(s), -1, -1).withMargin(margin);
            log.printf(Locale.ROOT, "  level scale %3d min: margin %.0f W above the highest level seen%n",
                    lengths.get(s).toMinutes(), margin);
            result.add(scale);
        }
        return result;
    }

    /** Every reading's level at every scale, from one pass of the detector over each history. */
    private List<List<Sample>> samples(List<List<MeterReading>> histories) {
        List<LevelScale> placeholders = lengths.stream().map(l -> flat((int) l.toMinutes(), UNREACHABLE_WH)).toList();
        EnvelopeModel model = new WithScales(envelope, placeholders);
        List<List<Sample>> samples = new ArrayList<>();
        lengths.forEach(l -> samples.add(new ArrayList<>()));
        int index = 0;
        for (List<MeterReading> history : histories) {
            MeterState state = MeterState.EMPTY;
            for (MeterReading reading : history) {
                Detection d = detector.next(state, reading, model);
                if (!d.late()) {
                    state = d.state();
                }
                for (int s = 0; s < lengths.size(); s++) {
                    double wh = AnomalyDetector.levelWh(state.levels(), reading.intervalEnd(), placeholders,
                            lengths.get(s));
                    if (!Double.isNaN(wh)) {
                        Instant middle = reading.intervalEnd().minus(lengths.get(s).dividedBy(2));
                        LocalDateTime local = detector.clock().local(middle);
                        samples.get(s).add(new Sample(index, local.getHour() + local.getMinute() / 60.0, wh));
                    }
                }
                index++;
            }
        }
        return samples;
    }

    /** Consecutive folds of about a week each, two to four. */
    private static int folds(List<MeterReading> readings) {
        long days = Duration.between(readings.get(0).intervalStart(),
                readings.get(readings.size() - 1).intervalEnd()).toDays();
        return (int) Math.max(2, Math.min(4, days / 7));
    }

    /**
     * The smallest margin (W) whose cross-validated alerts a month stay within the scale's share; a
     * scale that cannot keep it gets a margin no load reaches.
     */
    private double margin(int s, List<List<Sample>> samples, List<MeterReading> all, double months, int folds,
            double share) {
        double low = 0;
        double high = 250;
        while (alerts(s, samples, all, folds, high) / months > share && high < 64_000) {
            low = high;
            high *= 2;
        }
        if (low == 0 && alerts(s, samples, all, folds, 0) / months <= share) {
            return 0;
        }
        while (high - low > 10) {
            double middle = (low + high) / 2;
            if (alerts(s, samples, all, folds, middle) / months <= share) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    /** Alerts of scale s alone over every fold, each judged with the ranges of the other folds. */
    private int alerts(int s, List<List<Sample>> samples, List<MeterReading> all, int folds, double margin) {
        int alerts = 0;
        for (int f = 0; f < folds; f++) {
            int from = all.size() * f / folds;
            int to = all.size() * (f + 1) / folds;
            List<LevelScale> scales = new ArrayList<>();
            for (int t = 0; t < lengths.size(); t++) {
                scales.add(t == s ? usual(s, samples.get(s), from, to).withMargin(margin)
                        : flat((int) lengths.get(t).toMinutes(), UNREACHABLE_WH));
            }
            alerts += Replay.run(detector, new WithScales(envelope, scales), all.subList(from, to)).alerts().size();
        }
        return alerts;
    }

    /** Per hour, the median and the highest level seen: a scale before its margin. */
    private record Usual(Duration length, double[] lows, double[] highs) {

        LevelScale withMargin(double watts) {
            double marginWh = watts * length.toMillis() / 3_600_000.0;
            return new LevelScale((int) length.toMinutes(), Arrays.stream(lows).boxed().toList(),
                    Arrays.stream(highs).map(h -> h + marginWh).boxed().toList());
        }
    }

    /**
     * Per hour, the median and highest level of the samples within {@link #POOL_HOURS} of the hour's
     * middle, leaving out readings [from, to) (none when from is -1).
     */
    private Usual usual(int s, List<Sample> samples, int from, int to) {
        return usual.computeIfAbsent(s + "/" + from + "/" + to, key -> {
            double[] lows = new double[24];
            double[] highs = new double[24];
            double[] everything = samples.stream().filter(x -> x.reading() < from || x.reading() >= to)
                    .mapToDouble(Sample::wh).sorted().toArray();
            for (int h = 0; h < 24; h++) {
                double centre = h + 0.5;
                double[] values = samples.stream()
                        .filter(x -> (x.reading() < from || x.reading() >= to) && distance(x.hour(), centre) <= POOL_HOURS)
                        .mapToDouble(Sample::wh).sorted().toArray();
                if (values.length == 0) {
                    values = everything;
                }
                lows[h] = values.length == 0 ? 0 : values[values.length / 2];
                highs[h] = values.length == 0 ? 0 : values[values.length - 1];
            }
            return new Usual(lengths.get(s), lows, highs);
        });
    }

    private static double distance(double hour, double centre) {
        double d = Math.abs(hour - centre) % 24;
        return Math.min(d, 24 - d);
    }

    private static LevelScale flat(int minutes, double highWh) {
        return new LevelScale(minutes, Collections.nCopies(24, 0.0), Collections.nCopies(24, highWh));
    }
}
