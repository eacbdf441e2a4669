package org.wattwatch.detection;

import java.time.Instant;
import java.util.List;

/**
 * What the scoring service remembers per meter, in a Kafka Streams state store (changelogged, so it
 * survives a restart or a move to another instance).
 *
 * @param recent     the readings of the trailing window, oldest first
 * @param latestEnd  end of the latest reading, to tell a late reading from the next one
 * @param alert      the meter's open alert, or null
 */
public record MeterState(List<Slice> recent, Instant latestEnd, OpenAlert alert) {

    public static final MeterState EMPTY = new MeterState(List.of(), null, null);

    /** One reading, as the window needs it. */
    public record Slice(Instant start, Instant end, double wh) {

        public long millis() {
            return end.toEpochMilli() - start.toEpochMilli();
        }
    }

    /**
     * @param lastEventEnd end of the window the last RAISED/ONGOING event reported
     */
    public record OpenAlert(String alertId, Instant raisedAt, double excessWh, Instant lastEventEnd) {
    }
}
