package org.wattwatch.scoring.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.scoring.config.ScoringProperties;
import org.wattwatch.scoring.history.HistoryProperties;
import org.wattwatch.scoring.history.OpenSlotSerde;
import org.wattwatch.scoring.history.SlotCutter;
import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.scoring.detection.MeterStateSerde;
import org.wattwatch.scoring.model.ReadingScorer;

/**
 * readings -> score and detect (per-meter state store) -> {@code power.scored} (every reading, its
 * verdict: is the meter in an alert), {@code power.anomalies} (alert lifecycle events),
 * {@code power.readings.dlq} (unparsable or invalid, original bytes and a reason), {@code power.history} (the
 * readings re-cut into slots, for retraining).
 */
@Component
public class ScoringTopology {

    private static final Produced<String, Outgoing> OUT = Produced.<String, Outgoing>with(Serdes.String(),
            Serdes.serdeFrom((topic, outgoing) -> outgoing.value(), (topic, bytes) -> {
                throw new UnsupportedOperationException("outgoing records are only written");
            })).withName("outputs");

    private final ReadingScorer scorer;
    private final ScoringMetrics metrics;
    private final TopicNames topics;
    private final AnomalyDetector detector;
    private final ScoringProperties properties;
    private final KnownMeters knownMeters;

    private final HistoryProperties history;

    public ScoringTopology(ReadingScorer scorer, ScoringMetrics metrics, TopicNames topics,
            ScoringProperties properties) {
        this(scorer, metrics, topics, properties, HistoryProperties.DEFAULT);
    }

    @Autowired
    public ScoringTopology(ReadingScorer scorer, ScoringMetrics metrics, TopicNames topics,
            ScoringProperties properties, HistoryProperties history) {
        this.history = history;
        this.scorer = scorer;
        this.metrics = metrics;
        this.topics = topics;
        this.detector = new AnomalyDetector(properties.zone(), properties.detector());
        this.properties = properties;
        this.knownMeters = new KnownMeters(properties.maxMeters());
    }

    @Autowired
    public void build(StreamsBuilder builder) {
        // a few kB per meter: in memory, rebuilt from its changelog after a restart; the cache sends one
        // changelog write per meter per commit instead of one per reading
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ScoringProcessor.METER_STATES),
                Serdes.String(), MeterStateSerde.serde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ScoringProcessor.HISTORY_SLOTS),
                Serdes.String(), OpenSlotSerde.serde()).withCachingEnabled());
        builder.stream(topics.readings(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("readings"))
                .process(() -> new ScoringProcessor(scorer, detector, metrics, topics, properties, knownMeters,
                        new SlotCutter(history.slot())),
                        Named.as("score"),
                        ScoringProcessor.METER_STATES, ScoringProcessor.HISTORY_SLOTS)
                .to((meter, outgoing, context) -> outgoing.topic(), OUT);
    }
}
