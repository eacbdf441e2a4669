package org.wattwatch.scoring.topology;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.wattwatch.model.json.EventFormatException;
import org.wattwatch.model.json.EventJson;
import org.wattwatch.model.reading.MeterReading;
import org.wattwatch.model.score.ScoredReading;
import org.wattwatch.model.topic.Topics;
import org.wattwatch.model.validation.InvalidEventException;
import org.wattwatch.scoring.scoring.ReadingScorer;

/**
 * Parses, validates and scores one reading. A bad record becomes a {@link ScoringOutcome.Rejected}
 * carrying its reason in a header, so the stream never stops for it and nothing is lost.
 */
final class ScoringProcessor implements FixedKeyProcessor<String, byte[], ScoringOutcome> {

    private final ReadingScorer scorer;
    private final ScoringMetrics metrics;
    private FixedKeyProcessorContext<String, ScoringOutcome> context;

    ScoringProcessor(ReadingScorer scorer, ScoringMetrics metrics) {
        this.scorer = scorer;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ScoringOutcome> context) {
        this.context = context;
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
        ScoredReading scored = scorer.score(reading);
        metrics.scored(scored);
        context.forward(record.withValue(new ScoringOutcome.Scored(scored, scorer.anomalyOf(scored))));
    }

    private void reject(FixedKeyRecord<String, byte[]> record, String reason) {
        metrics.deadLettered();
        record.headers().remove(Topics.DLQ_REASON_HEADER).add(Topics.DLQ_REASON_HEADER,
                reason.getBytes(StandardCharsets.UTF_8));
        context.forward(record.withValue(new ScoringOutcome.Rejected(record.value(), reason)));
    }
}
