package org.wattwatch.scoring.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wattwatch.event.reading.MeterReading;

class SlotCutterTest {

    private static final Instant T = Instant.parse("2026-01-05T03:00:00Z");
    private final SlotCutter cutter = new SlotCutter(Duration.ofMinutes(15));

    private static MeterReading reading(long fromSeconds, long toSeconds, double wh) {
        return new MeterReading(1, "main", T.plusSeconds(fromSeconds), T.plusSeconds(toSeconds), wh, (long) wh, "pi", 0);
    }

    private int incomplete;

    private List<MeterReading> feed(List<MeterReading> readings) {
        List<MeterReading> written = new ArrayList<>();
        SlotCutter.OpenSlot open = null;
        incomplete = 0;
        for (MeterReading r : readings) {
            SlotCutter.Cut cut = cutter.add(open, r);
            open = cut.open();
            written.addAll(cut.complete());
            incomplete += cut.incomplete();
        }
        return written;
    }

    @Test
    void minuteReadingsBecomeQuarterHoursWithTheirEnergyOnceEachIsWhollyCovered() {
        List<MeterReading> minutes = new ArrayList<>();
        for (int m = 0; m < 40; m++) {
            minutes.add(reading(60L * m, 60L * (m + 1), m));
        }
        List<MeterReading> slots = feed(minutes);
        assertThat(slots).hasSize(2);
        assertThat(slots.get(0).intervalStart()).isEqualTo(T);
        assertThat(slots.get(0).intervalEnd()).isEqualTo(T.plusSeconds(900));
        assertThat(slots.get(0).wh()).isEqualTo(105.0); // 0 + 1 + ... + 14
        assertThat(slots.get(1).wh()).isEqualTo(330.0); // 15 + ... + 29
        assertThat(slots).allMatch(s -> s.agentId().equals(SlotCutter.AGENT_ID) && s.violations().isEmpty());
    }

    @Test
    void aReadingAcrossASlotsEndIsSharedByTimeAndASlotWithAGapIsNotWritten() {
        List<MeterReading> slots = feed(List.of(
                reading(0, 600, 10), reading(600, 1200, 30), // the second: 5 min in the first slot, 5 in the next
                reading(1500, 1800, 50))); // 20-25 min missing: the second slot is partly uncovered
        assertThat(slots).hasSize(1);
        assertThat(slots.get(0).wh()).isEqualTo(25.0);
        assertThat(incomplete).as("the second slot is still open, not yet left behind").isZero();
        assertThat(feed(List.of(reading(0, 300, 1), reading(600, 900, 1)))).isEmpty();
        assertThat(feed(List.of(reading(0, 300, 1), reading(600, 900, 1), reading(900, 1800, 3)))).hasSize(1);
        assertThat(incomplete).as("the first slot, a gap inside it, counted once left behind").isEqualTo(1);
    }

    @Test
    void anHourlyMetersReadingsAreKeptAsTheyAre() {
        List<MeterReading> slots = feed(List.of(reading(0, 3600, 400), reading(3600, 7200, 250)));
        assertThat(slots).extracting(MeterReading::wh).containsExactly(400.0, 250.0);
        assertThat(slots.get(1).intervalStart()).isEqualTo(T.plusSeconds(3600));
    }
}
