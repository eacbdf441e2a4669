package org.wattwatch.scoring.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.detection.Detection;
import org.wattwatch.detection.HomeClock;
import org.wattwatch.detection.MeterState;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.event.alert.AlertKind;
import org.wattwatch.scoring.config.ScoringProperties;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.json.EventFormatException;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.json.MeterReadingJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.score.ExpectedRange;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.event.validation.InvalidEventException;
import org.wattwatch.scoring.history.SlotCutter;
import org.wattwatch.scoring.model.ReadingScorer;

/**
 * Parses, validates and scores one reading, then lets the meter's detector judge its window and
 * move its alert along. A bad record — unparsable, invalid, ending ahead of the wall clock, or one
 * that scoring throws on — goes to the dead-letter topic with its reason in a header, so the stream
 * never stops for it and nothing is lost.
 *
 * <p>It also watches that each meter keeps sending: a meter not heard from for the silence time on
 * the wall clock is told as silent (a {@link AlertKind#SILENT} alert, RAISED), and its next reading
 * resolves that alert; a meter whose readings stay at zero for the dark time while its model expects
 * usage is told as dark ({@link AlertKind#DARK}: the sensor has likely come off the LED), and its
 * first reading above zero resolves it. A monitor that stops seeing the house must say so.
 */
final class ScoringProcessor implements Processor<String, byte[], String, Outgoing> {

    static final String METER_STATES = "meter-states";
    static final String HISTORY_SLOTS = "history-slots";
    /** How often the meters' silence is checked on the wall clock. */
    static final Duration SILENCE_CHECK = Duration.ofMinutes(1);

    private final ReadingScorer scorer;
    private final AnomalyDetector detector;
    private final ScoringMetrics metrics;
    private final TopicNames topics;
    private final Duration silence;
    private final Duration dark;
    private final Duration aheadTolerance;
    private final double spoolNearlyFull;
    private final KnownMeters knownMeters;
    /** Meters of this task's store, counted in {@link #knownMeters} while the task runs here. */
    private int ownMeters;
    private final HomeClock clock;
    /**
     * The store's content as objects. The store (changelogged, cached) stays the truth and is
     * written for every reading; this only spares reading it back, which would deserialise the
     * whole window each time. Only this processor writes the store, and a task that is revived
     * after a failure is initialised again, which empties it.
     */
    private final Map<String, MeterState> states = new HashMap<>();
    private ProcessorContext<String, Outgoing> context;
    private KeyValueStore<String, MeterState> store;
    private final SlotCutter slots;
    private KeyValueStore<String, SlotCutter.OpenSlot> openSlots;

    ScoringProcessor(ReadingScorer scorer, AnomalyDetector detector, ScoringMetrics metrics, TopicNames topics,
            ScoringProperties properties, KnownMeters knownMeters, SlotCutter slots) {
        this.slots = slots;
        this.scorer = scorer;
        this.detector = detector;
        this.metrics = metrics;
        this.topics = topics;
        this.silence = properties.silence();
        this.dark = properties.dark();
        this.aheadTolerance = properties.aheadTolerance();
        this.spoolNearlyFull = properties.spoolNearlyFull();
        this.knownMeters = knownMeters;
        this.clock = detector.clock();
    }

    @Override
    public void init(ProcessorContext<String, Outgoing> context) {
        this.context = context;
        this.store = context.getStateStore(METER_STATES);
        this.openSlots = context.getStateStore(HISTORY_SLOTS);
        states.clear();
        ownMeters = 0;
        try (KeyValueIterator<String, MeterState> all = store.all()) {
            while (all.hasNext()) {
                all.next();
                ownMeters++;
            }
        }
        knownMeters.add(ownMeters);
        context.schedule(SILENCE_CHECK, PunctuationType.WALL_CLOCK_TIME, this::tellSilentMeters);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        MeterReading reading;
        try {
            reading = MeterReadingJson.readValid(record.value());
        } catch (EventFormatException | InvalidEventException e) {
            reject(record, e.getMessage());
            return;
        }
        if (record.key() != null && !record.key().equals(reading.meterId())) {
            reject(record, "key '" + record.key() + "' differs from meterId '" + reading.meterId()
                    + "': readings must be keyed by meter id to stay ordered");
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (reading.intervalEnd().isAfter(now.plus(aheadTolerance))) {
            reject(record, "intervalEnd " + reading.intervalEnd() + " is ahead of this service's clock (" + now
                    + ") by more than " + aheadTolerance + ": the sender's clock is wrong");
            return;
        }
        long started = System.nanoTime();
        MeterState state = state(reading.meterId());
        if (!states.containsKey(reading.meterId())) { // state() keeps every meter it knows here
            if (!knownMeters.admit()) {
                reject(record, "meterId '" + reading.meterId() + "' is one meter more than this service keeps ("
                        + knownMeters.max() + ", wattwatch.scoring.max-meters)");
                return;
            }
            ownMeters++;
            states.put(reading.meterId(), MeterState.EMPTY);
        }
        MeterState.Presence presence = state.presence();
        List<Anomaly> sensorEvents = new ArrayList<>();
        EnvelopeModel model;
        Detection detection;
        MeterState next;
        try {
            model = scorer.model(reading.meterId());
            detection = detector.next(state, scorer.score(reading, model), model);
            MeterState.Presence nextPresence = detection.late()
                    ? new MeterState.Presence(now, null, presence.darkSince(), presence.darkTold(),
                            presence.spoolSince())
                    : spool(reading, presence.spoolSince(), dark(reading, presence, now, model, sensorEvents), model,
                            sensorEvents);
            next = (detection.late() ? state : detection.state()).withPresence(nextPresence);
        } catch (RuntimeException e) {
            // a reading the model or the detector cannot take (nothing written yet): set aside with the
            // reason, and the meter's next reading is scored from its state as it was
            reject(record, "cannot be scored: " + e);
            return;
        }
        store.put(reading.meterId(), next);
        states.put(reading.meterId(), next);
        metrics.scored(detection, System.nanoTime() - started);
        Record<String, byte[]> keyed = record.withKey(reading.meterId());
        context.forward(keyed.withValue(new Outgoing(topics.scored(),
                ScoredReadingJson.write(detection.scored(), record.value()))));
        detection.event().ifPresent(anomaly -> context.forward(
                keyed.withValue(new Outgoing(topics.anomalies(), EventJson.write(anomaly)))));
        if (presence.silentSince() != null) {
            context.forward(keyed.withValue(new Outgoing(topics.anomalies(), EventJson.write(
                    silent(AnomalyState.RESOLVED, reading.meterId(), presence.lastSeen(), now, model)))));
        }
        sensorEvents.forEach(e -> context.forward(keyed.withValue(new Outgoing(topics.anomalies(), EventJson.write(e)))));
        if (!detection.late()) {
            keepHistory(reading, keyed);
        }
    }

    /** The reading into the meter's history slots; each slot it completes goes to {@code power.history}. */
    private void keepHistory(MeterReading reading, Record<String, byte[]> keyed) {
        SlotCutter.Cut cut = slots.add(openSlots.get(reading.meterId()), reading);
        metrics.historySlotsWithGaps(cut.incomplete());
        if (cut.open() == null) {
            openSlots.delete(reading.meterId());
        } else {
            openSlots.put(reading.meterId(), cut.open());
        }
        cut.complete().forEach(slot -> context.forward(keyed.withValue(new Outgoing(topics.history(),
                EventJson.write(slot)))));
    }

    /**
     * Follows the meter's run of zero readings: told as dark once it has lasted the dark time while
     * the model expects at least a blink over it, resolved by the first reading above zero.
     */
    private MeterState.Presence dark(MeterReading reading, MeterState.Presence presence, Instant now,
            EnvelopeModel model, List<Anomaly> events) {
        String meter = reading.meterId();
        if (reading.wh() > 0) {
            if (presence.darkTold()) {
                events.add(darkEvent(AnomalyState.RESOLVED, meter, presence.darkSince(), reading.intervalStart(), model));
            }
            return new MeterState.Presence(now, null, null, false);
        }
        Instant since = presence.darkSince() != null ? presence.darkSince() : reading.intervalStart();
        boolean told = presence.darkTold();
        if (!told && Duration.between(since, reading.intervalEnd()).compareTo(dark) >= 0
                && expected(model, since, reading.intervalEnd()).lowWh() >= 1) {
            events.add(darkEvent(AnomalyState.RAISED, meter, since, reading.intervalEnd(), model));
            metrics.dark();
            told = true;
        }
        return new MeterState.Presence(now, null, since, told);
    }

    /**
     * Told once a reading comes with its agent's spool nearly full, resolved by the first that comes with
     * room again: the agent cannot tell anyone while it cannot reach Kafka, its readings tell once they
     * arrive.
     */
    private MeterState.Presence spool(MeterReading reading, Instant since, MeterState.Presence next,
            EnvelopeModel model, List<Anomaly> events) {
        boolean nearlyFull = reading.spoolUse() >= spoolNearlyFull;
        if (nearlyFull && since == null) {
            events.add(spoolEvent(AnomalyState.RAISED, reading.meterId(), reading.intervalEnd(), reading, model));
            metrics.spoolNearlyFull();
            return next.withSpoolSince(reading.intervalEnd());
        }
        if (!nearlyFull && since != null) {
            events.add(spoolEvent(AnomalyState.RESOLVED, reading.meterId(), since, reading, model));
            return next.withSpoolSince(null);
        }
        return next.withSpoolSince(since);
    }

    /** A spool event: from the first reading that came with the spool nearly full to this reading's end. */
    private Anomaly spoolEvent(AnomalyState state, String meter, Instant since, MeterReading reading,
            EnvelopeModel model) {
        Instant until = reading.intervalEnd().isAfter(since) ? reading.intervalEnd() : since.plusMillis(1);
        return new Anomaly(Anomaly.SCHEMA_VERSION, Anomaly.alertIdFor(meter + "|spool", since), state, meter, since,
                until, clock.local(since), clock.zone().getId(), 0, 0, 0, 0, model.version(), since, 0,
                AlertKind.SPOOL);
    }

    private ExpectedRange expected(EnvelopeModel model, Instant from, Instant to) {
        return model.expected(clock.local(from), Duration.between(from, to));
    }

    /** A dark-sensor event: zero readings from {@code since} to {@code until}. */
    private Anomaly darkEvent(AnomalyState state, String meter, Instant since, Instant until, EnvelopeModel model) {
        ExpectedRange usual = expected(model, since, until);
        return new Anomaly(Anomaly.SCHEMA_VERSION, Anomaly.alertIdFor(meter + "|dark", since), state, meter, since,
                until, clock.local(since), clock.zone().getId(), 0, usual.lowWh(), usual.highWh(), 0, model.version(),
                since, 0, AlertKind.DARK);
    }

    /** Raises a silent alert for each meter not heard from for the silence time, once. */
    private void tellSilentMeters(long wallClockMillis) {
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        List<KeyValue<String, MeterState>> silent = new ArrayList<>();
        try (KeyValueIterator<String, MeterState> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, MeterState> meter = all.next();
                MeterState.Presence p = meter.value.presence();
                if (p.lastSeen() != null && p.silentSince() == null
                        && !now.isBefore(p.lastSeen().plus(silence))) {
                    silent.add(meter);
                }
            }
        }
        for (KeyValue<String, MeterState> meter : silent) {
            MeterState.Presence p = meter.value.presence();
            MeterState next = meter.value.withPresence(new MeterState.Presence(p.lastSeen(), now, p.darkSince(),
                    p.darkTold(), p.spoolSince()));
            store.put(meter.key, next);
            states.put(meter.key, next);
            metrics.silent();
            context.forward(new Record<>(meter.key, new Outgoing(topics.anomalies(), EventJson.write(
                    silent(AnomalyState.RAISED, meter.key, p.lastSeen(), now, scorer.model(meter.key)))),
                    wallClockMillis));
        }
    }

    /** A silent-meter event: from the last reading's arrival to now, on the wall clock. */
    private Anomaly silent(AnomalyState state, String meter, Instant lastSeen, Instant now, EnvelopeModel model) {
        return new Anomaly(Anomaly.SCHEMA_VERSION, Anomaly.alertIdFor(meter + "|silent", lastSeen), state, meter,
                lastSeen, now.isAfter(lastSeen) ? now : lastSeen.plusMillis(1), clock.local(lastSeen),
                clock.zone().getId(), 0, 0, 0, 0, model.version(), lastSeen, 0, AlertKind.SILENT);
    }

    @Override
    public void close() {
        states.clear();
        knownMeters.add(-ownMeters);
        ownMeters = 0;
    }

    private MeterState state(String meter) {
        MeterState state = states.get(meter);
        if (state == null) {
            state = store.get(meter);
            if (state == null) {
                return MeterState.EMPTY;
            }
            states.put(meter, state);
        }
        return state;
    }

    private void reject(Record<String, byte[]> record, String reason) {
        metrics.deadLettered();
        record.headers().remove(Topics.DLQ_REASON_HEADER).add(Topics.DLQ_REASON_HEADER,
                reason.getBytes(StandardCharsets.UTF_8));
        context.forward(record.withValue(new Outgoing(topics.readingsDlq(), record.value())));
    }
}
