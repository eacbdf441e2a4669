package org.wattwatch.trainer.retrain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.wattwatch.event.reading.MeterReading;

/**
 * Which of a meter's history a retrain learns from. A period the owner called a real problem is left out;
 * one the owner called expected is learned, and weighs more, so that usage the household means, rare as it
 * may be (the sauna on Sundays), finds room in the usual range. An alert nobody said anything of is learned
 * when it recurs at that time of day on several days (a new habit: a heat pump, a home office), and left
 * out when it is a one-off (a heater left on must not become normal because nobody answered).
 */
final class TrainingData {

    /** Days an unlabelled alert's time of day must recur on to be a habit rather than a fault. */
    static final int HABIT_DAYS = 3;
    /** How much more a window of an expected period weighs in the training. */
    static final int EXPECTED_WEIGHT = 6;

    /**
     * @param readings the readings learned from
     * @param expected the periods the owner called expected, learned with {@link #EXPECTED_WEIGHT}
     * @param leftOut  how many readings were left out, and why
     */
    record Selection(List<MeterReading> readings, List<AlertPeriods.Period> expected, int leftOutProblem,
            int leftOutOneOff) {
    }

    private TrainingData() {
    }

    /**
     * @param alerts   what the model in use raised on the same history
     * @param problems periods the owner called real problems
     * @param expected periods the owner called expected
     */
    static Selection select(List<MeterReading> readings, List<AlertPeriods.Period> alerts,
            List<AlertPeriods.Period> problems, List<AlertPeriods.Period> expected, ZoneId zone) {
        List<AlertPeriods.Period> oneOffs = new ArrayList<>();
        for (AlertPeriods.Period a : alerts) {
            if (!AlertPeriods.anyOverlaps(expected, a.from(), a.to()) && !recurs(a, alerts, zone)) {
                oneOffs.add(a);
            }
        }
        List<MeterReading> kept = new ArrayList<>();
        int problem = 0;
        int oneOff = 0;
        for (MeterReading r : readings) {
            if (AlertPeriods.anyOverlaps(problems, r.intervalStart(), r.intervalEnd())) {
                problem++;
            } else if (AlertPeriods.anyOverlaps(oneOffs, r.intervalStart(), r.intervalEnd())) {
                oneOff++;
            } else {
                kept.add(r);
            }
        }
        return new Selection(kept, expected, problem, oneOff);
    }

    /** Whether alerts began within an hour of this one's time of day on at least {@link #HABIT_DAYS} days. */
    private static boolean recurs(AlertPeriods.Period alert, List<AlertPeriods.Period> alerts, ZoneId zone) {
        int minute = minuteOfDay(alert.from(), zone);
        Set<LocalDate> days = new HashSet<>();
        for (AlertPeriods.Period other : alerts) {
            int distance = Math.abs(minuteOfDay(other.from(), zone) - minute);
            if (Math.min(distance, 1440 - distance) <= 60) {
                days.add(other.from().atZone(zone).toLocalDate());
            }
        }
        return days.size() >= HABIT_DAYS;
    }

    private static int minuteOfDay(Instant t, ZoneId zone) {
        var local = t.atZone(zone).toLocalTime();
        return local.getHour() * 60 + local.getMinute();
    }

    /** Whether a window starting at {@code start} lies in an expected period. */
    static boolean expected(Selection selection, Instant start, Duration length) {
        return AlertPeriods.anyOverlaps(selection.expected(), start, start.plus(length));
    }
}
