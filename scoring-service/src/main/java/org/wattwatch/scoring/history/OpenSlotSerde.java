package org.wattwatch.scoring.history;

import java.nio.ByteBuffer;
import java.time.Instant;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** A meter's open history slot in the state store: start (epoch ms), energy, covered ms. */
public final class OpenSlotSerde {

    private static final int BYTES = Long.BYTES + Double.BYTES + Long.BYTES;

    private OpenSlotSerde() {
    }

    public static Serde<SlotCutter.OpenSlot> serde() {
        return Serdes.serdeFrom((topic, slot) -> slot == null ? null
                : ByteBuffer.allocate(BYTES).putLong(slot.start().toEpochMilli()).putDouble(slot.wh())
                        .putLong(slot.coveredMillis()).array(),
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    ByteBuffer in = ByteBuffer.wrap(bytes);
                    return new SlotCutter.OpenSlot(Instant.ofEpochMilli(in.getLong()), in.getDouble(), in.getLong());
                });
    }
}
