package org.wattwatch.scoring.detection;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.model.alert.Anomaly;
import org.wattwatch.model.alert.AnomalyState;
import org.wattwatch.model.reading.MeterReading;
import org.wattwatch.model.score.ExpectedRange;
import org.wattwatch.model.score.ScoredReading;
import org.wattwatch.scoring.scoring.HomeClock;

/**
 * The detection rule. Readings as long as the window or longer (hourly readings, the seed's) are
 * judged one by one. Shorter ones (per-minute) are judged by the trailing window: its energy, less
 * its largest readings that add up to the spike allowance and scaled back to the whole window, is
 * scored against the model's envelope for the window's length. So a heater that stays on raises an
 * anomaly within the window, while a kettle's two minutes are left out. After a start or a gap, a
 * verdict waits until readings cover half a window, and the covered part stands for the whole.
 *
 * <p>Each meter has at most one open alert: RAISED when its window becomes unusual, ONGOING at most
 * once per window length while it stays so (with the energy above normal so far), RESOLVED at the
 * first complete window that is usual again. The alert id comes from the meter and the moment the
 * alert began, so replays and retries give the same id.
 */
public final class AnomalyDetector {

    private final HomeClock clock;
    private final double threshold;
    private final Duration window;
    private final Duration spikeAllowance;

    public AnomalyDetector(ZoneId zone, double threshold, Duration window, Duration spikeAllowance) {
        this.clock = new HomeClock(zone);
        this.threshold = threshold;
        this.window = window;
        this.spikeAllowance = spikeAllowance;
    }

    public Detection next(MeterState state, ScoredReading scored, EnvelopeModel model) {
        MeterReading reading = scored.reading();
        if (state.latestEnd() != null && reading.intervalStart().isBefore(state.latestEnd())) {
            return late(state, scored);
        }
        Instant windowStart = reading.intervalEnd().minus(window);
        List<MeterState.Slice> previous = state.recent();
        int from = 0;
        while (from < previous.size() && !previous.get(from).end().isAfter(windowStart)) {
            from++; // oldest first: what fell out of the window is at the front
        }
        MeterState.Slice[] kept = new MeterState.Slice[previous.size() - from + 1];
        for (int i = from; i < previous.size(); i++) {
            kept[i - from] = previous.get(i);
        }
        kept[kept.length - 1] = new MeterState.Slice(reading.intervalStart(), reading.intervalEnd(), reading.wh());
        List<MeterState.Slice> recent = Collections.unmodifiableList(Arrays.asList(kept));

        Judgement judgement = judge(kept, scored, model);
        MeterState.OpenAlert alert = state.alert();
        Optional<Anomaly> event = Optional.empty();
        if (judgement != null) {
            if (alert == null && judgement.unusual()) {
                alert = new MeterState.OpenAlert(Anomaly.alertIdFor(reading.meterId(), judgement.start()),
                        judgement.start(), excess(scored), judgement.end());
                event = Optional.of(event(AnomalyState.RAISED, reading, judgement, alert, judgement.start(), scored.modelVersion()));
            } else if (alert != null && judgement.unusual()) {
                alert = new MeterState.OpenAlert(alert.alertId(), alert.raisedAt(), alert.excessWh() + excess(scored),
                        alert.lastEventEnd());
                if (!judgement.end().isBefore(alert.lastEventEnd().plus(window))) {
                    alert = new MeterState.OpenAlert(alert.alertId(), alert.raisedAt(), alert.excessWh(),
                            judgement.end());
                    event = Optional.of(event(AnomalyState.ONGOING, reading, judgement, alert, judgement.start(),
                            scored.modelVersion()));
                }
            } else if (alert != null) {
                // usual again since about where the window's kept readings begin
                Instant since = reading.duration().compareTo(window) >= 0 ? judgement.start()
                        : judgement.start().plus(spikeAllowance);
                Instant normalSince = since.isBefore(alert.raisedAt()) ? alert.raisedAt() : since;
                event = Optional.of(event(AnomalyState.RESOLVED, reading, judgement, alert, normalSince, scored.modelVersion()));
                alert = null;
            }
        }
        MeterState next = new MeterState(recent, reading.intervalEnd(), alert);
        return new Detection(withVerdict(scored, alert != null), event, next, false);
    }

    /** A reading that arrives after a later one was scored is judged on its own, as a one-off. */
    private Detection late(MeterState state, ScoredReading scored) {
        boolean unusual = scored.score() > threshold;
        Optional<Anomaly> event = Optional.empty();
        if (unusual) {
            MeterReading r = scored.reading();
            event = Optional.of(new Anomaly(Anomaly.SCHEMA_VERSION, Anomaly.alertIdFor(r.meterId(), r.intervalStart()),
                    AnomalyState.RAISED, r.meterId(), r.intervalStart(), r.intervalEnd(),
                    clock.local(r.intervalStart()), clock.zone().getId(), r.wh(), scored.expectedLowWh(),
                    scored.expectedHighWh(), scored.score(), scored.modelVersion(), r.intervalStart(), excess(scored)));
        }
        return new Detection(withVerdict(scored, unusual), event, state, true);
    }

    private record Judgement(Instant start, Instant end, double wh, ExpectedRange expected, double score,
            boolean unusual) {
    }

    /** The window's verdict, or null while the readings do not yet cover a whole window. */
    private Judgement judge(MeterState.Slice[] recent, ScoredReading scored, EnvelopeModel model) {
        MeterReading reading = scored.reading();
        if (reading.duration().compareTo(window) >= 0) {
            return new Judgement(reading.intervalStart(), reading.intervalEnd(), reading.wh(),
                    new ExpectedRange(scored.expectedLowWh(), scored.expectedHighWh()), scored.score(),
                    scored.score() > threshold);
        }
        // runs for every reading: plain loops over the (at most window-long) array, epoch millis
        Instant start = reading.intervalEnd().minus(window);
        long windowMillis = window.toMillis();
        Instant covered = reading.intervalEnd();
        int first = recent.length;
        for (int i = recent.length - 1; i >= 0 && covered.isAfter(start) && recent[i].end().equals(covered); i--) {
            covered = recent[i].start();
            first = i;
        }
        if (covered.isBefore(start)) {
            covered = start;
        }
        long coveredMillis = reading.intervalEnd().toEpochMilli() - covered.toEpochMilli();
        if (coveredMillis * 2 < windowMillis) {
            return null; // after a start or a gap, wait for half a window of readings
        }
        // next() kept only slices ending inside the window
        // the energies copied once: the picks below compare them several times each
        int n = recent.length - first;
        double[] wh = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            wh[i] = recent[first + i].wh();
            total += wh[i];
        }
        // leave out the largest readings while they fit the allowance: a few picks, no sort needed
        boolean[] left = new boolean[n];
        long allowed = spikeAllowance.toMillis();
        double kept = total;
        long keptMillis = coveredMillis;
        while (true) {
            int largest = -1;
            for (int i = 0; i < n; i++) {
                if (!left[i] && (largest < 0 || wh[i] > wh[largest])) {
                    largest = i;
                }
            }
            if (largest < 0) {
                break;
            }
            long length = recent[first + largest].millis();
            if (length > allowed || length >= keptMillis) {
                break;
            }
            left[largest] = true;
            allowed -= length;
            kept -= wh[largest];
            keptMillis -= length;
        }
        // what the kept readings would come to over the whole window
        double trimmed = kept * windowMillis / keptMillis;
        ExpectedRange expected = model.expected(clock.local(start), window);
        double score = expected.score(trimmed);
        return new Judgement(start, reading.intervalEnd(), total * windowMillis / coveredMillis, expected, score,
                score > threshold);
    }

    private Anomaly event(AnomalyState state, MeterReading reading, Judgement j, MeterState.OpenAlert alert,
            Instant eventStart, String modelVersion) {
        return new Anomaly(Anomaly.SCHEMA_VERSION, alert.alertId(), state, reading.meterId(), eventStart, j.end(),
                clock.local(eventStart), clock.zone().getId(), j.wh(), j.expected().lowWh(),
                j.expected().highWh(), j.score(), modelVersion, alert.raisedAt(), alert.excessWh());
    }

    private static double excess(ScoredReading scored) {
        return Math.max(0, scored.reading().wh() - scored.expectedHighWh());
    }

    private static ScoredReading withVerdict(ScoredReading s, boolean anomaly) {
        return new ScoredReading(s.schemaVersion(), s.reading(), s.expectedLowWh(), s.expectedHighWh(), s.score(),
                anomaly, s.modelVersion());
    }
}
