package org.wattwatch.scoring.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.wattwatch.model.json.EventJson;
import org.wattwatch.model.topic.TopicNames;
import org.wattwatch.scoring.scoring.ReadingScorer;

/**
 * readings -> score -> {@code power.scored} (every reading), {@code power.anomalies} (score above
 * the threshold), {@code power.readings.dlq} (unparsable or invalid, original bytes and a reason).
 */
@Component
public class ScoringTopology {

    private static final Produced<String, byte[]> JSON_OUT = Produced.with(Serdes.String(), Serdes.ByteArray());

    private final ReadingScorer scorer;
    private final ScoringMetrics metrics;
    private final TopicNames topics;

    ScoringTopology(ReadingScorer scorer, ScoringMetrics metrics, TopicNames topics) {
        this.scorer = scorer;
        this.metrics = metrics;
        this.topics = topics;
    }

    @Autowired
    public void build(StreamsBuilder builder) {
        KStream<String, ScoringOutcome> outcomes = builder
                .stream(topics.readings(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("readings"))
                .processValues(() -> new ScoringProcessor(scorer, metrics), Named.as("score"));

        outcomes.split(Named.as("outcome-"))
                .branch((meter, outcome) -> outcome instanceof ScoringOutcome.Rejected, Branched.withConsumer(
                        rejected -> rejected.mapValues(o -> ((ScoringOutcome.Rejected) o).original())
                                .to(topics.readingsDlq(), JSON_OUT), "rejected"))
                .defaultBranch(Branched.withConsumer(scored -> {
                    KStream<String, ScoringOutcome.Scored> ok = scored.mapValues(o -> (ScoringOutcome.Scored) o);
                    ok.mapValues(o -> EventJson.write(o.scored())).to(topics.scored(), JSON_OUT);
                    ok.flatMapValues(o -> o.anomaly().stream().toList())
                            .mapValues(EventJson::write)
                            .to(topics.anomalies(), JSON_OUT);
                }, "scored"));
    }
}
