package org.wattwatch.scoring.topology;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.model.json.EventFormatException;
import org.wattwatch.model.json.EventJson;
import org.wattwatch.model.reading.MeterReading;
import org.wattwatch.model.score.ScoredReading;
import org.wattwatch.model.topic.Topics;
import org.wattwatch.model.validation.InvalidEventException;
import org.wattwatch.scoring.detection.AnomalyDetector;
import org.wattwatch.scoring.detection.Detection;
import org.wattwatch.scoring.detection.MeterState;
import org.wattwatch.scoring.scoring.ReadingScorer;

/**
 * Parses, validates and scores one reading, then lets the meter's detector judge its window and
 * move its alert along. A bad record becomes a {@link ScoringOutcome.Rejected} carrying its reason
 * in a header, so the stream never stops for it and nothing is lost.
 */
final class ScoringProcessor implements FixedKeyProcessor<String, byte[], ScoringOutcome> {

    static final String METER_STATES = "meter-states";

    private final ReadingScorer scorer;
    private final AnomalyDetector detector;
    private final ScoringMetrics metrics;
    private FixedKeyProcessorContext<String, ScoringOutcome> context;
    private KeyValueStore<String, MeterState> states;

    ScoringProcessor(ReadingScorer scorer, AnomalyDetector detector, ScoringMetrics metrics) {
        this.scorer = scorer;
        this.detector = detector;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ScoringOutcome> context) {
        this.context = context;
        this.states = context.getStateStore(METER_STATES);
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        MeterReading reading;
        try {
            reading = EventJson.readValid(record.value(), MeterReading.class, MeterReading::violations);
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
        MeterState state = states.get(reading.meterId());
        Detection detection = detector.next(state == null ? MeterState.EMPTY : state, scored, model);
        if (!detection.late()) {
            states.put(reading.meterId(), detection.state());
        }
        metrics.scored(detection, System.nanoTime() - started);
        context.forward(record.withValue(new ScoringOutcome.Scored(detection.scored(), detection.event())));
    }

    private void reject(FixedKeyRecord<String, byte[]> record, String reason) {
        metrics.deadLettered();
        record.headers().remove(Topics.DLQ_REASON_HEADER).add(Topics.DLQ_REASON_HEADER,
                reason.getBytes(StandardCharsets.UTF_8));
        context.forward(record.withValue(new ScoringOutcome.Rejected(record.value(), reason)));
    }
}
