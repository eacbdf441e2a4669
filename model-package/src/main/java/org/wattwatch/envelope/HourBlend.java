package org.wattwatch.envelope;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import org.wattwatch.event.score.ExpectedRange;

/**
 * Makes a per-hour envelope continuous in time of day: an interval is judged against the ranges of
 * the two hours whose centres its midpoint lies between, weighted by how near it is to each. Usage
 * that goes on smoothly across 15:00 then meets a range that moves smoothly too, instead of one
 * that steps at the hour; an interval centred on its hour (an hourly reading) gets that hour's
 * range exactly, which keeps the seed's table.
 */
final class HourBlend {

    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private HourBlend() {
    }

    /**
     * @param hourRange the range of the hour starting at a local time, for the envelope's own length
     * @param factor    the interval's length over the envelope's own length
     */
    static ExpectedRange expected(LocalDateTime localStart, Duration length,
            Function<LocalDateTime, ExpectedRange> hourRange, double factor) {
        LocalDateTime middle = localStart.plus(length.dividedBy(2));
        LocalDateTime hour = middle.truncatedTo(ChronoUnit.HOURS);
        double intoHour = Duration.between(hour, middle).toMillis() / MILLIS_PER_HOUR;
        LocalDateTime earlier = intoHour >= 0.5 ? hour : hour.minusHours(1);
        double laterWeight = intoHour >= 0.5 ? intoHour - 0.5 : intoHour + 0.5;
        ExpectedRange a = hourRange.apply(earlier);
        if (laterWeight == 0) {
            return factor == 1.0 ? a : a.scaled(factor);
        }
        ExpectedRange b = hourRange.apply(earlier.plusHours(1));
        double low = a.lowWh() + (b.lowWh() - a.lowWh()) * laterWeight;
        double high = a.highWh() + (b.highWh() - a.highWh()) * laterWeight;
        return new ExpectedRange(low * factor, Math.max(low, high) * factor);
    }
}
