package org.wattwatch.scoring.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.wattwatch.event.reading.MeterReading;

/**
 * Re-cuts a meter's readings into slots aligned on the clock, for the history. A reading's energy is
 * shared among the slots it overlaps in proportion to time (usage within a reading is not known finer).
 * A slot is written once the readings have wholly covered it; a slot they leave partly uncovered (the
 * agent was off) is not written, so the history has a gap there rather than too little energy. A reading
 * longer than a slot (an hourly meter) is written as it is.
 */
public final class SlotCutter {

    /** Marks the history's records: they were cut by the scoring service, not counted by an agent. */
    public static final String AGENT_ID = "history";

    /** The slot being filled: its start, the energy so far and how much of it the readings covered. */
    public record OpenSlot(Instant start, double wh, long coveredMillis) {
    }

    /**
     * The slot still open after a reading, the slots it completed, to be written, and how many slots it left
     * behind partly covered, not to be written.
     */
    public record Cut(OpenSlot open, List<MeterReading> complete, int incomplete) {
    }

    private final long slotMillis;

    public SlotCutter(Duration slot) {
        this.slotMillis = slot.toMillis();
    }

    /** @param open the meter's open slot, or null */
    public Cut add(OpenSlot open, MeterReading reading) {
        List<MeterReading> complete = new ArrayList<>();
        long from = reading.intervalStart().toEpochMilli();
        long to = reading.intervalEnd().toEpochMilli();
        if (to - from > slotMillis) {
            complete.add(slot(reading.meterId(), from, to, reading.wh()));
            return new Cut(null, complete, open == null ? 0 : 1);
        }
        int incomplete = 0;
        long at = from;
        while (at < to) {
            long slotStart = Math.floorDiv(at, slotMillis) * slotMillis;
            long until = Math.min(to, slotStart + slotMillis);
            double share = reading.wh() * (until - at) / (to - from);
            if (open != null && open.start().toEpochMilli() != slotStart) {
                open = null; // a slot left behind partly covered: a gap in the history
                incomplete++;
            }
            open = open == null ? new OpenSlot(Instant.ofEpochMilli(slotStart), share, until - at)
                    : new OpenSlot(open.start(), open.wh() + share, open.coveredMillis() + until - at);
            if (open.coveredMillis() >= slotMillis) {
                complete.add(slot(reading.meterId(), slotStart, slotStart + slotMillis, open.wh()));
                open = null;
            }
            at = until;
        }
        return new Cut(open, complete, incomplete);
    }

    private MeterReading slot(String meter, long start, long end, double wh) {
        return new MeterReading(MeterReading.SCHEMA_VERSION, meter, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end),
                wh, 0, AGENT_ID, start / slotMillis);
    }
}
