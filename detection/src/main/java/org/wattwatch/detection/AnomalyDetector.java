package org.wattwatch.detection;

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

/**
 * The detection rule and the alert lifecycle, one plain-Java place that the scoring service's
 * topology and the backtest both run.
 *
 * <p>Readings as long as the window or longer (hourly readings, the seed's) are judged one by one,
 * by the seed's score. Shorter ones (per-minute) are judged by the trailing window's <em>level</em>:
 * the power usage held for the whole window but its dip allowance, as energy over the window,
 * scored against the model's envelope for the window. A heater lifts that level for as long as it
 * runs; a kettle, an oven's element or a fridge's compressor add peaks the level does not see. After
 * a start or a gap, a verdict waits until readings cover half a window.
 *
 * <p>Each meter has at most one open alert: RAISED when its window's score goes above the
 * threshold, ONGOING at most once per window length while it stays open (with the energy above the
 * usual range so far), RESOLVED when the score falls to {@link DetectorSettings#RESOLVE_SHARE} of
 * the threshold: usage that eases a little stays one alert, a load switched off ends it at once.
 * The alert id comes from the meter and the moment the alert began, so replays and retries give the
 * same id.
 */
public final class AnomalyDetector {

    private final HomeClock clock;
    private final DetectorSettings settings;
    private final Duration window;

    public AnomalyDetector(ZoneId zone, DetectorSettings settings) {
        this.clock = new HomeClock(zone);
        this.settings = settings;
        this.window = settings.window();
    }

    public DetectorSettings settings() {
        return settings;
    }

    public HomeClock clock() {
        return clock;
    }

    /** A reading on its own against the model: the seed's score for its interval. */
    public static ScoredReading score(MeterReading reading, EnvelopeModel model, HomeClock clock, double threshold) {
        ExpectedRange expected = model.expected(clock.local(reading.intervalStart()), reading.duration());
        double score = expected.score(reading.wh());
        return new ScoredReading(ScoredReading.SCHEMA_VERSION, reading, expected.lowWh(), expected.highWh(), score,
                score > threshold, model.version());
    }

    /** Scores the reading and judges its window: what the scoring service does for each reading. */
    public Detection next(MeterState state, MeterReading reading, EnvelopeModel model) {
        return next(state, score(reading, model, clock, settings.threshold()), model);
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
        double score = judgement == null ? scored.score() : judgement.score();
        if (judgement != null) {
            double excess = judgement.excess(reading);
            if (alert == null && score > settings.threshold()) {
                alert = new MeterState.OpenAlert(Anomaly.alertIdFor(reading.meterId(), judgement.start()),
                        judgement.start(), excess, judgement.end());
                event = Optional.of(event(AnomalyState.RAISED, reading, judgement, alert, judgement.start(), scored.modelVersion()));
            } else if (alert != null && score > settings.resolveScore()) {
                alert = new MeterState.OpenAlert(alert.alertId(), alert.raisedAt(), alert.excessWh() + excess,
                        alert.lastEventEnd());
                if (!judgement.end().isBefore(alert.lastEventEnd().plus(window))) {
                    alert = new MeterState.OpenAlert(alert.alertId(), alert.raisedAt(), alert.excessWh(),
                            judgement.end());
                    event = Optional.of(event(AnomalyState.ONGOING, reading, judgement, alert, judgement.start(),
                            scored.modelVersion()));
                }
            } else if (alert != null) {
                // usual again since about where the window's level fell: its newest reading
                Instant since = reading.duration().compareTo(window) >= 0 ? judgement.start() : reading.intervalStart();
                Instant normalSince = since.isBefore(alert.raisedAt()) ? alert.raisedAt() : since;
                event = Optional.of(event(AnomalyState.RESOLVED, reading, judgement, alert, normalSince, scored.modelVersion()));
                alert = null;
            }
        }
        MeterState next = new MeterState(recent, reading.intervalEnd(), alert);
        ExpectedRange expected = judgement == null ? null : judgement.expected();
        return new Detection(withVerdict(scored, alert != null), event, next, false, score, expected);
    }

    /** A reading that arrives after a later one was scored is judged on its own, as a one-off. */
    private Detection late(MeterState state, ScoredReading scored) {
        boolean unusual = scored.score() > settings.threshold();
        Optional<Anomaly> event = Optional.empty();
        if (unusual) {
            MeterReading r = scored.reading();
            event = Optional.of(new Anomaly(Anomaly.SCHEMA_VERSION, Anomaly.alertIdFor(r.meterId(), r.intervalStart()),
                    AnomalyState.RAISED, r.meterId(), r.intervalStart(), r.intervalEnd(),
                    clock.local(r.intervalStart()), clock.zone().getId(), r.wh(), scored.expectedLowWh(),
                    scored.expectedHighWh(), scored.score(), scored.modelVersion(), r.intervalStart(), excess(scored)));
        }
        return new Detection(withVerdict(scored, unusual), event, state, true, scored.score(), null);
    }

    /**
     * @param wh    the window's energy, for the owner
     * @param level what was scored: the window's level as energy over the window, or a long reading's energy
     */
    private record Judgement(Instant start, Instant end, double wh, double level, ExpectedRange expected,
            double score) {

        /** How far a reading went above the usual range, for the alert's energy above normal. */
        double excess(MeterReading reading) {
            double share = (double) reading.duration().toMillis() / Duration.between(start, end).toMillis();
            return Math.max(0, reading.wh() - expected.highWh() * share);
        }
    }

    /** The window's verdict, or null while the readings do not yet cover half a window. */
    private Judgement judge(MeterState.Slice[] recent, ScoredReading scored, EnvelopeModel model) {
        MeterReading reading = scored.reading();
        if (reading.duration().compareTo(window) >= 0) {
            return new Judgement(reading.intervalStart(), reading.intervalEnd(), reading.wh(), reading.wh(),
                    new ExpectedRange(scored.expectedLowWh(), scored.expectedHighWh()), scored.score());
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
        int n = recent.length - first;
        double[] wh = new double[n];
        long[] millis = new long[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            MeterState.Slice slice = recent[first + i];
            wh[i] = slice.wh();
            millis[i] = slice.millis();
            total += wh[i];
        }
        double level = WindowLevel.of(wh, millis, n, settings.dipAllowance().toMillis());
        double levelWh = level * windowMillis;
        ExpectedRange expected = model.expected(clock.local(start), window);
        return new Judgement(start, reading.intervalEnd(), total * windowMillis / coveredMillis, levelWh, expected,
                expected.score(levelWh));
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
