package org.wattwatch.scoring.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.wattwatch.detection.MeterState;
import org.junit.jupiter.api.Test;

class MeterStateSerdeTest {

    @Test
    void roundTripsEveryField() {
        Instant t = Instant.parse("2026-01-05T03:00:00.123456789Z");
        MeterState state = new MeterState(List.of(new MeterState.Slice(t, t.plusSeconds(60), 2.5),
                new MeterState.Slice(t.plusSeconds(60), t.plusSeconds(120), 35.8)), t.plusSeconds(120),
                new MeterState.OpenAlert("a-1", t, 123.4, t.plusSeconds(120), 60),
                new MeterState.Levels(t.plusSeconds(60), List.of(new MeterState.Level(t.plusSeconds(60), 0.0004),
                        new MeterState.Level(t.plusSeconds(120), 0.0006))),
                new MeterState.Presence(t.plusSeconds(125), t.plusSeconds(1125), t.minusSeconds(7200), true,
                        t.minusSeconds(60)), 123456.5);
        assertThat(MeterStateSerde.read(MeterStateSerde.write(state))).isEqualTo(state);
        assertThat(MeterStateSerde.read(MeterStateSerde.write(MeterState.EMPTY))).isEqualTo(MeterState.EMPTY);
    }

    @Test
    void readsAStateWrittenBeforeLevelsWereKept() {
        Instant t = Instant.parse("2026-01-05T03:00:00Z");
        MeterState state = new MeterState(List.of(new MeterState.Slice(t, t.plusSeconds(60), 2.5)), t.plusSeconds(60),
                null);
        byte[] current = MeterStateSerde.write(state);
        // format 1 is format 2 without the trailing levels (no since, none) and presence (no instants, not told)
        byte[] formatOne = java.util.Arrays.copyOf(current, current.length - 1 - Short.BYTES - 4 - 1 - Double.BYTES);
        formatOne[0] = 1;
        assertThat(MeterStateSerde.read(formatOne)).isEqualTo(state);
    }

    @Test
    void readsAStateWrittenBeforeTheSpoolWasFollowed() {
        Instant t = Instant.parse("2026-01-05T03:00:00Z");
        MeterState state = MeterState.EMPTY.withPresence(new MeterState.Presence(t, null, t, false));
        byte[] current = MeterStateSerde.write(state);
        // without the trailing spoolSince and energy total
        byte[] before = java.util.Arrays.copyOf(current, current.length - 1 - Double.BYTES);
        assertThat(MeterStateSerde.read(before)).isEqualTo(state);
    }

    @Test
    void readsAStateWrittenBeforeEnergyWasCounted() {
        Instant t = Instant.parse("2026-01-05T03:00:00Z");
        MeterState state = MeterState.EMPTY.withPresence(new MeterState.Presence(t, null, null, false, t));
        byte[] current = MeterStateSerde.write(state);
        byte[] before = java.util.Arrays.copyOf(current, current.length - Double.BYTES);
        assertThat(MeterStateSerde.read(before)).isEqualTo(state);
    }
}
