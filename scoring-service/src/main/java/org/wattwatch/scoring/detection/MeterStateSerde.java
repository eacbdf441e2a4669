package org.wattwatch.scoring.detection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary form of {@link MeterState} for the state store and its changelog: it is read and
 * written for every reading, so JSON's cost would be paid on the hot path. Starts with a format
 * version byte so the layout can change.
 */
public final class MeterStateSerde {

    private static final byte FORMAT = 1;

    private MeterStateSerde() {
    }

    public static Serde<MeterState> serde() {
        Serializer<MeterState> serializer = (topic, state) -> state == null ? null : write(state);
        Deserializer<MeterState> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static byte[] write(MeterState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + 24 * state.recent().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeShort(state.recent().size());
            for (MeterState.Slice s : state.recent()) {
                writeInstant(out, s.start());
                writeInstant(out, s.end());
                out.writeDouble(s.wh());
            }
            out.writeBoolean(state.latestEnd() != null);
            if (state.latestEnd() != null) {
                writeInstant(out, state.latestEnd());
            }
            MeterState.OpenAlert alert = state.alert();
            out.writeBoolean(alert != null);
            if (alert != null) {
                out.writeUTF(alert.alertId());
                writeInstant(out, alert.raisedAt());
                out.writeDouble(alert.excessWh());
                writeInstant(out, alert.lastEventEnd());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static MeterState read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("meter state format " + format + " is not " + FORMAT);
            }
            int n = in.readUnsignedShort();
            List<MeterState.Slice> recent = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                recent.add(new MeterState.Slice(readInstant(in), readInstant(in), in.readDouble()));
            }
            Instant latestEnd = in.readBoolean() ? readInstant(in) : null;
            MeterState.OpenAlert alert = in.readBoolean()
                    ? new MeterState.OpenAlert(in.readUTF(), readInstant(in), in.readDouble(), readInstant(in)) : null;
            return new MeterState(List.copyOf(recent), latestEnd, alert);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
