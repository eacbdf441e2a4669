package org.wattwatch.scoring.dashboard;

import java.time.Instant;

/**
 * One point of a meter's line: a reading, or the sum of the readings of one minute when they are
 * shorter. Energies in Wh over {@code [start, end)}; the page draws them as average watts.
 *
 * @param above the energy was beyond the expected range (score above the threshold)
 */
public record UsagePoint(Instant start, Instant end, double wh, double expectedLowWh, double expectedHighWh,
        double score, boolean above) {

    double seconds() {
        return (end.toEpochMilli() - start.toEpochMilli()) / 1000.0;
    }

    /** Average power over the point, in W. */
    public double watts() {
        return wh * 3600 / seconds();
    }

    public double expectedLowWatts() {
        return expectedLowWh * 3600 / seconds();
    }

    public double expectedHighWatts() {
        return expectedHighWh * 3600 / seconds();
    }
}
