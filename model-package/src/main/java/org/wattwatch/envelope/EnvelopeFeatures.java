package org.wattwatch.envelope;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a trained envelope knows of a time: hour of day, day of week and month, on the home's wall
 * clock. One definition for the trainer and the scorer, so both ask the model the same question.
 */
public final class EnvelopeFeatures {

    public static final List<String> NAMES = List.of("hour", "day_of_week", "month");
    /** Every combination of the features: 24 hours x 7 days x 12 months. */
    public static final int CELLS = 24 * 7 * 12;

    private EnvelopeFeatures() {
    }

    public static double[] of(LocalDateTime localStart) {
        return new double[] {localStart.getHour(), localStart.getDayOfWeek().getValue(), localStart.getMonthValue()};
    }

    /** Index of the time's feature combination, 0..CELLS-1. */
    public static int cell(LocalDateTime localStart) {
        return cell(localStart.getHour(), localStart.getDayOfWeek().getValue(), localStart.getMonthValue());
    }

    static int cell(int hour, int dayOfWeek, int month) {
        return ((month - 1) * 7 + (dayOfWeek - 1)) * 24 + hour;
    }
}
