package org.wattwatch.bench;

import java.util.Arrays;
import java.util.function.Consumer;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.wattwatch.event.json.MeterReadingJson;

/**
 * Pipelines between the pass-through and the scoring topology, each adding one thing the scoring
 * topology has to do, so {@code ./wattwatch bench ... --parts} shows what each costs on the same
 * broker in the same run: a processor hop; a cached, changelogged state store written for every
 * record (as the meter's window is); output as large as a scored reading; parsing and validating the
 * reading.
 */
enum TopologyParts {

    HOP(false, false, false),
    STATE(true, false, false),
    STATE_LARGER_OUTPUT(true, true, false),
    STATE_LARGER_OUTPUT_PARSE(true, true, true);

    /** About what a 15-reading window takes in the store, and what scoring adds to a reading. */
    private static final int STATE_BYTES = 300;
    private static final int SCORE_BYTES = 140;

    private final boolean state;
    private final boolean largerOutput;
    private final boolean parse;

    TopologyParts(boolean state, boolean largerOutput, boolean parse) {
        this.state = state;
        this.largerOutput = largerOutput;
        this.parse = parse;
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    Consumer<StreamsBuilder> topology(String input, String output) {
        return builder -> {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("part-state"),
                    Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
            builder.stream(input, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                    .processValues(Part::new, "part-state")
                    .to(output, Produced.with(Serdes.String(), Serdes.ByteArray()));
        };
    }

    private final class Part implements FixedKeyProcessor<String, byte[], byte[]> {

        private FixedKeyProcessorContext<String, byte[]> context;
        private KeyValueStore<String, byte[]> store;

        @Override
        public void init(FixedKeyProcessorContext<String, byte[]> context) {
            this.context = context;
            this.store = context.getStateStore("part-state");
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            if (parse) {
                MeterReadingJson.readValid(record.value());
            }
            if (state) {
                store.put(record.key(), new byte[STATE_BYTES]);
            }
            byte[] out = record.value();
            if (largerOutput) {
                out = Arrays.copyOf(out, out.length + SCORE_BYTES);
                Arrays.fill(out, out.length - SCORE_BYTES, out.length, (byte) ' ');
            }
            context.forward(record.withValue(out));
        }
    }
}
