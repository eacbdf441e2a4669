package org.wattwatch.scoring.detection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.wattwatch.detection.MeterState;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary form of {@link MeterState} for the state store and its changelog: it is written
 * for every reading, so JSON's cost (or even a stream's) would be paid on the hot path. One buffer
 * of the exact size, big-endian. Starts with a format version byte so the layout can change.
 */
public final class MeterStateSerde {

    /**
     * 2 added the trailing levels and the presence; a store or changelog written in format 1 is still read.
     * Fields added to format 2 since go at its end and are read when there (the presence's spoolSince, then
     * the meter's energy total).
     */
    private static final byte FORMAT = 2;
    private static final byte FORMAT_WITHOUT_LEVELS = 1;
    private static final int INSTANT_BYTES = Long.BYTES + Integer.BYTES;
    private static final int SLICE_BYTES = 2 * INSTANT_BYTES + Double.BYTES;

    private MeterStateSerde() {
    }

    public static Serde<MeterState> serde() {
        Serializer<MeterState> serializer = (topic, state) -> state == null ? null : write(state);
        Deserializer<MeterState> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static byte[] write(MeterState state) {
        MeterState.OpenAlert alert = state.alert();
        byte[] alertId = alert == null ? null : alert.alertId().getBytes(StandardCharsets.UTF_8);
        MeterState.Levels levels = state.levels();
        int size = 1 + Short.BYTES + SLICE_BYTES * state.recent().size() + 1
                + (state.latestEnd() == null ? 0 : INSTANT_BYTES) + 1
                + (alert == null ? 0 : Short.BYTES + alertId.length + 2 * INSTANT_BYTES + Double.BYTES + Integer.BYTES)
                + 1 + (levels.since() == null ? 0 : INSTANT_BYTES) + Short.BYTES
                + levels.trailing().size() * (INSTANT_BYTES + Double.BYTES)
                + 4 + (state.presence().lastSeen() == null ? 0 : INSTANT_BYTES)
                + (state.presence().silentSince() == null ? 0 : INSTANT_BYTES)
                + (state.presence().darkSince() == null ? 0 : INSTANT_BYTES)
                + 1 + (state.presence().spoolSince() == null ? 0 : INSTANT_BYTES) + Double.BYTES;
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT);
        out.putShort((short) state.recent().size());
        for (MeterState.Slice s : state.recent()) {
            putInstant(out, s.start());
            putInstant(out, s.end());
            out.putDouble(s.wh());
        }
        out.put((byte) (state.latestEnd() == null ? 0 : 1));
        if (state.latestEnd() != null) {
            putInstant(out, state.latestEnd());
        }
        out.put((byte) (alert == null ? 0 : 1));
        if (alert != null) {
            out.putShort((short) alertId.length).put(alertId);
            putInstant(out, alert.raisedAt());
            out.putDouble(alert.excessWh());
            putInstant(out, alert.lastEventEnd());
            out.putInt(alert.scaleMinutes());
        }
        out.put((byte) (levels.since() == null ? 0 : 1));
        if (levels.since() != null) {
            putInstant(out, levels.since());
        }
        out.putShort((short) levels.trailing().size());
        for (MeterState.Level l : levels.trailing()) {
            putInstant(out, l.end());
            out.putDouble(l.power());
        }
        putOptionalInstant(out, state.presence().lastSeen());
        putOptionalInstant(out, state.presence().silentSince());
        putOptionalInstant(out, state.presence().darkSince());
        out.put((byte) (state.presence().darkTold() ? 1 : 0));
        putOptionalInstant(out, state.presence().spoolSince());
        out.putDouble(state.totalWh());
        return out.array();
    }

    static MeterState read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte format = in.get();
        if (format != FORMAT && format != FORMAT_WITHOUT_LEVELS) {
            throw new IllegalStateException("meter state format " + format + " is not " + FORMAT);
        }
        int n = Short.toUnsignedInt(in.getShort());
        List<MeterState.Slice> recent = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            recent.add(new MeterState.Slice(getInstant(in), getInstant(in), in.getDouble()));
        }
        Instant latestEnd = in.get() != 0 ? getInstant(in) : null;
        MeterState.OpenAlert alert = null;
        if (in.get() != 0) {
            byte[] alertId = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(alertId);
            alert = new MeterState.OpenAlert(new String(alertId, StandardCharsets.UTF_8), getInstant(in),
                    in.getDouble(), getInstant(in), format == FORMAT ? in.getInt() : 0);
        }
        MeterState.Levels levels = MeterState.Levels.EMPTY;
        if (format == FORMAT) {
            Instant since = in.get() != 0 ? getInstant(in) : null;
            int count = Short.toUnsignedInt(in.getShort());
            List<MeterState.Level> trailing = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                trailing.add(new MeterState.Level(getInstant(in), in.getDouble()));
            }
            levels = new MeterState.Levels(since, List.copyOf(trailing));
        }
        MeterState.Presence presence = MeterState.Presence.UNKNOWN;
        if (format == FORMAT) {
            presence = new MeterState.Presence(getOptionalInstant(in), getOptionalInstant(in), getOptionalInstant(in),
                    in.get() != 0, in.hasRemaining() ? getOptionalInstant(in) : null);
        }
        double totalWh = in.hasRemaining() ? in.getDouble() : 0;
        return new MeterState(List.copyOf(recent), latestEnd, alert, levels, presence, totalWh);
    }

    private static void putOptionalInstant(ByteBuffer out, Instant instant) {
        out.put((byte) (instant == null ? 0 : 1));
        if (instant != null) {
            putInstant(out, instant);
        }
    }

    private static Instant getOptionalInstant(ByteBuffer in) {
        return in.get() != 0 ? getInstant(in) : null;
    }

    private static void putInstant(ByteBuffer out, Instant instant) {
        out.putLong(instant.getEpochSecond()).putInt(instant.getNano());
    }

    private static Instant getInstant(ByteBuffer in) {
        return Instant.ofEpochSecond(in.getLong(), in.getInt());
    }
}
