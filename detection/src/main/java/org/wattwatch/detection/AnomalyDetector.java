package org.wattwatch.detection;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.LevelScale;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ExpectedRange;
import org.wattwatch.event.score.ScoredReading;

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
        List<LevelScale> scales = model.scales();
        Duration shortest = scales.isEmpty() ? window : shortest(scales);
        boolean byScales = !scales.isEmpty() && reading.duration().compareTo(shortest) <= 0;
        Instant windowStart = reading.intervalEnd().minus(byScales && shortest.compareTo(window) > 0 ? shortest : window);
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

        Judgement judgement;
        MeterState.Levels levels = MeterState.Levels.EMPTY;
        MeterState.OpenAlert alert = state.alert();
        if (byScales) {
            levels = levels(kept, reading, shortest, longest(scales), state);
            judgement = held(judgeScales(levels, reading, shortest, scales), alert, resolveScore(reading));
        } else {
            judgement = judge(kept, scored, model);
        }
        Optional<Anomaly> event = Optional.empty();
        double score = judgement == null ? scored.score() : judgement.score();
        if (judgement != null) {
            double excess = judgement.excess(reading);
            if (alert == null && score > settings.threshold()) {
                alert = new MeterState.OpenAlert(Anomaly.alertIdFor(reading.meterId(), judgement.start()),
                        judgement.start(), excess, judgement.end(), judgement.scaleMinutes());
                event = Optional.of(event(AnomalyState.RAISED, reading, judgement, alert, judgement.start(), scored.modelVersion()));
            } else if (alert != null && score > resolveScore(reading)) {
                alert = new MeterState.OpenAlert(alert.alertId(), alert.raisedAt(), alert.excessWh() + excess,
                        alert.lastEventEnd(), judgement.scaleMinutes());
                if (!judgement.end().isBefore(alert.lastEventEnd().plus(window))) {
                    alert = new MeterState.OpenAlert(alert.alertId(), alert.raisedAt(), alert.excessWh(),
                            judgement.end(), alert.scaleMinutes());
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
        double total = state.totalWh() + reading.wh();
        MeterState next = new MeterState(recent, reading.intervalEnd(), alert, levels, state.presence(), total);
        ExpectedRange expected = judgement == null ? null : judgement.expected();
        return new Detection(withVerdict(scored, alert != null).withTotalWh(total), event, next, false, score,
                expected);
    }

    /**
     * A reading that arrives after a later one was scored is judged on its own, as a one-off; it adds nothing
     * to the meter's energy, as its time was counted (a replay) or the timeline has moved past it.
     */
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
        return new Detection(withVerdict(scored, unusual).withTotalWh(state.totalWh()), event, state, true,
                scored.score(), null);
    }

    /** @param wh the window's energy, for the owner */
    private record Judgement(Instant start, Instant end, double wh, ExpectedRange expected, double score,
            int scaleMinutes) {

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
            return new Judgement(reading.intervalStart(), reading.intervalEnd(), reading.wh(),
                    new ExpectedRange(scored.expectedLowWh(), scored.expectedHighWh()), scored.score(), 0);
        }
        // runs for every reading: plain loops over the (at most window-long) array, epoch millis
        Instant start = reading.intervalEnd().minus(window);
        long windowMillis = window.toMillis();
        Coverage coverage = coverage(recent, reading.intervalEnd(), window);
        if (coverage == null) {
            return null;
        }
        double total = 0;
        for (int i = coverage.first(); i < recent.length; i++) {
            total += recent[i].wh();
        }
        double levelWh = level(recent, coverage) * windowMillis;
        ExpectedRange expected = model.expected(clock.local(start), window);
        return new Judgement(start, reading.intervalEnd(), total * windowMillis / coverage.millis(), expected,
                expected.score(levelWh), 0);
    }

    /**
     * The trailing levels after this reading: the shortest scale's window level added (when its
     * readings cover half of it), what no scale can need any more dropped, and everything dropped
     * when the readings broke off.
     */
    private MeterState.Levels levels(MeterState.Slice[] recent, MeterReading reading, Duration base, Duration longest,
            MeterState state) {
        Instant end = reading.intervalEnd();
        Coverage coverage = coverage(recent, end, base);
        if (coverage == null) {
            return MeterState.Levels.EMPTY;
        }
        double level = level(recent, coverage);
        MeterState.Levels before = state.levels();
        boolean continues = before.since() != null && reading.intervalStart().equals(state.latestEnd());
        List<MeterState.Level> trailing = new ArrayList<>(continues ? before.trailing() : List.of());
        while (!trailing.isEmpty() && trailing.get(trailing.size() - 1).power() >= level) {
            trailing.remove(trailing.size() - 1);
        }
        trailing.add(new MeterState.Level(end, level));
        Instant horizon = end.minus(longest.minus(base));
        while (trailing.get(0).end().isBefore(horizon)) {
            trailing.remove(0);
        }
        return new MeterState.Levels(continues ? before.since() : end, List.copyOf(trailing));
    }

    /**
     * The verdict of each scale whose window the levels cover, by the lowest level of the
     * shortest-scale windows inside it.
     */
    private List<Judgement> judgeScales(MeterState.Levels levels, MeterReading reading, Duration base,
            List<LevelScale> scales) {
        if (levels.since() == null) {
            return List.of();
        }
        Instant end = reading.intervalEnd();
        List<Judgement> judged = new ArrayList<>(scales.size());
        for (LevelScale scale : scales) {
            Duration length = scale.window();
            double wh = levelWh(levels, end, base, length);
            if (Double.isNaN(wh)) {
                continue; // not yet covered since the readings began or broke off
            }
            Instant start = end.minus(length);
            ExpectedRange expected = scale.expected(clock.local(start));
            judged.add(new Judgement(start, end, wh, expected, expected.score(wh), scale.windowMinutes()));
        }
        return judged;
    }

    /**
     * The level (as energy over the scale's window) that a scale of this length judges after a
     * reading ending at {@code end}, or NaN while the levels do not cover it: what the trainer
     * learns each scale's usual range from.
     */
    public static double levelWh(MeterState.Levels levels, Instant end, List<LevelScale> scales, Duration length) {
        return levelWh(levels, end, shortest(scales), length);
    }

    /** The lowest level of the shortest-scale ({@code base}) windows inside the window, or NaN. */
    private static double levelWh(MeterState.Levels levels, Instant end, Duration base, Duration length) {
        if (levels.since() == null) {
            return Double.NaN;
        }
        Instant from = end.minus(length.minus(base));
        return levels.since().isAfter(from) ? Double.NaN : levels.lowestFrom(from) * length.toMillis();
    }

    /**
     * @param first  the oldest of the contiguous readings that reach into the window
     * @param millis how much of the window they cover
     */
    private record Coverage(int first, long millis) {
    }

    /**
     * The contiguous readings ending at {@code end} that reach into the window of this length, or
     * null while they cover less than half of it: after a start or a gap, a verdict waits for half a
     * window, and the covered part stands for the whole.
     */
    private static Coverage coverage(MeterState.Slice[] recent, Instant end, Duration length) {
        Instant start = end.minus(length);
        Instant covered = end;
        int first = recent.length;
        for (int i = recent.length - 1; i >= 0 && covered.isAfter(start) && recent[i].end().equals(covered); i--) {
            covered = recent[i].start();
            first = i;
        }
        if (covered.isBefore(start)) {
            covered = start;
        }
        long millis = end.toEpochMilli() - covered.toEpochMilli();
        return millis * 2 < length.toMillis() ? null : new Coverage(first, millis);
    }

    /** The {@link WindowLevel} of the covered readings, in Wh per millisecond. */
    private double level(MeterState.Slice[] recent, Coverage coverage) {
        int n = recent.length - coverage.first();
        double[] wh = new double[n];
        long[] millis = new long[n];
        for (int i = 0; i < n; i++) {
            wh[i] = recent[coverage.first() + i].wh();
            millis[i] = recent[coverage.first() + i].millis();
        }
        return WindowLevel.of(wh, millis, n, settings.dipAllowance().toMillis());
    }

    /**
     * Which verdict counts: with no alert open, the scale that stands out most; with one open, the
     * scale that holds it, so the alert ends when the load that scale saw ends, even if the usage
     * that follows sits high in another scale's range. When that scale lets go while another is
     * above the threshold, the other holds it on: one alert, not a resolve and a raise.
     */
    private Judgement held(List<Judgement> judged, MeterState.OpenAlert alert, double resolveScore) {
        Judgement best = null;
        Judgement holding = null;
        for (Judgement j : judged) {
            if (alert != null && j.scaleMinutes() == alert.scaleMinutes()) {
                holding = j;
            }
            if (best == null || j.score() > best.score()) {
                best = j;
            }
        }
        if (holding != null && (holding.score() > resolveScore || best.score() <= settings.threshold())) {
            return holding;
        }
        return best;
    }

    /**
     * A reading at least as long as the window is a whole verdict on its own: an hour inside its
     * range is sustained normal usage, so it ends the alert. Windows of short readings move minute
     * by minute, and resolve only once well inside.
     */
    private double resolveScore(MeterReading reading) {
        return reading.duration().compareTo(window) >= 0 ? settings.threshold() : settings.resolveScore();
    }

    private static Duration shortest(List<LevelScale> scales) {
        Duration shortest = scales.get(0).window();
        for (LevelScale s : scales) {
            shortest = s.window().compareTo(shortest) < 0 ? s.window() : shortest;
        }
        return shortest;
    }

    private static Duration longest(List<LevelScale> scales) {
        Duration longest = scales.get(0).window();
        for (LevelScale s : scales) {
            longest = s.window().compareTo(longest) > 0 ? s.window() : longest;
        }
        return longest;
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
