package org.wattwatch.envelope;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.wattwatch.event.score.ExpectedRange;

/**
 * The 2018 demo's model: one (low, high) energy range per hour of day, learned as Wh per hour.
 * Shorter or longer intervals get the range scaled to their length: the same mean power, which
 * keeps the seed's score for an hourly reading and treats a minute at 25 Wh like an hour at 1500 Wh.
 */
public final class HourlyEnvelope implements EnvelopeModel {

    private static final double SECONDS_PER_HOUR = 3600.0;

    private final List<ExpectedRange> byHour;
    private final String version;

    public HourlyEnvelope(List<ExpectedRange> byHour, String version) {
        if (byHour.size() != 24) {
            throw new IllegalArgumentException("an hourly envelope needs 24 hours, got " + byHour.size());
        }
        this.byHour = List.copyOf(byHour);
        this.version = version;
    }

    /** Blended between neighbouring hours ({@link HourBlend}), scaled to the interval's length. */
    @Override
    public ExpectedRange expected(LocalDateTime localStart, Duration length) {
        double factor = length.toMillis() / 1000.0 / SECONDS_PER_HOUR;
        return HourBlend.expected(localStart, length, hour -> byHour.get(hour.getHour()), factor);
    }

    public ExpectedRange forHour(int hour) {
        return byHour.get(hour);
    }

    @Override
    public String version() {
        return version;
    }
}
