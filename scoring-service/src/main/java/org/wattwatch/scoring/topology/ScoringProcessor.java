package org.wattwatch.scoring.topology;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.model.json.EventFormatException;
import org.wattwatch.model.json.EventJson;
import org.wattwatch.model.json.MeterReadingJson;
import org.wattwatch.model.reading.MeterReading;
import org.wattwatch.model.score.ScoredReading;
import org.wattwatch.model.topic.TopicNames;
import org.wattwatch.model.topic.Topics;
import org.wattwatch.model.validation.InvalidEventException;
import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.detection.Detection;
import org.wattwatch.detection.MeterState;
import org.wattwatch.scoring.scoring.ReadingScorer;

/**
 * Parses, validates and scores one reading, then lets the meter's detector judge its window and
 * move its alert along. A bad record goes to the dead-letter topic with its reason in a header, so
 * the stream never stops for it and nothing is lost.
 */
final class ScoringProcessor implements FixedKeyProcessor<String, byte[], Outgoing> {

    static final String METER_STATES = "meter-states";

    private final ReadingScorer scorer;
    private final AnomalyDetector detector;
    private final ScoringMetrics metrics;
    private final TopicNames topics;
    /**
     * The store's content as objects. The store (changelogged, cached) stays the truth and is
     * written for every reading; this only spares reading it back, which would deserialise the
     * whole window each time. Only this processor writes the store, and a task that is revived
     * after a failure is initialised again, which empties it.
     */
    private final Map<String, MeterState> states = new HashMap<>();
    private FixedKeyProcessorContext<String, Outgoing> context;
    private KeyValueStore<String, MeterState> store;

    ScoringProcessor(ReadingScorer scorer, AnomalyDetector detector, ScoringMetrics metrics, TopicNames topics) {
        this.scorer = scorer;
        this.detector = detector;
        this.metrics = metrics;
        this.topics = topics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Outgoing> context) {
        this.context = context;
        this.store = context.getStateStore(METER_STATES);
        states.clear();
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
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
        long started = System.nanoTime();
        EnvelopeModel model = scorer.model(reading.meterId());
        ScoredReading scored = scorer.score(reading, model);
        Detection detection = detector.next(state(reading.meterId()), scored, model);
        if (!detection.late()) {
            store.put(reading.meterId(), detection.state());
            states.put(reading.meterId(), detection.state());
        }
        metrics.scored(detection, System.nanoTime() - started);
        context.forward(record.withValue(new Outgoing(topics.scored(),
                ScoredReadingJson.write(detection.scored(), record.value()))));
        detection.event().ifPresent(anomaly -> context.forward(
                record.withValue(new Outgoing(topics.anomalies(), EventJson.write(anomaly)))));
    }

    @Override
    public void close() {
        states.clear();
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

    private void reject(FixedKeyRecord<String, byte[]> record, String reason) {
        metrics.deadLettered();
        record.headers().remove(Topics.DLQ_REASON_HEADER).add(Topics.DLQ_REASON_HEADER,
                reason.getBytes(StandardCharsets.UTF_8));
        context.forward(record.withValue(new Outgoing(topics.readingsDlq(), record.value())));
    }
}
