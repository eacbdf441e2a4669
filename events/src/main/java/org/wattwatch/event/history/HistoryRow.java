package org.wattwatch.event.history;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One interval of a consumption history.
 *
 * @param start  the interval's start on the home's clock
 * @param length the interval's length
 * @param wh     energy used in it, or NaN where the history has no data (a gap)
 * @param line   the line of the file it came from, for messages
 */
public record HistoryRow(LocalDateTime start, Duration length, double wh, int line) {

    public boolean isGap() {
        return Double.isNaN(wh);
    }
}
