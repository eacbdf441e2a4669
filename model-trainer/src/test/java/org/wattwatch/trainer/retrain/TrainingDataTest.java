package org.wattwatch.trainer.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wattwatch.event.reading.MeterReading;

class TrainingDataTest {

    private static Instant at(int day, int hour) {
        return RetrainTestHomes.FIRST.plusDays(day).plusHours(hour).atZone(RetrainTestHomes.ZONE).toInstant();
    }

    private static AlertPeriods.Period hours(int day, int from, int to) {
        return new AlertPeriods.Period(at(day, from), at(day, to));
    }

    private final List<MeterReading> month = RetrainTestHomes.days(28, (d, h) -> 0.0);

    @Test
    void aOneOffAlertNobodyAnsweredIsLeftOutAndAnExpectedOneIsLearned() {
        List<AlertPeriods.Period> heater = List.of(hours(20, 2, 4));

        TrainingData.Selection unanswered = TrainingData.select(month, heater, List.of(), List.of(),
                RetrainTestHomes.ZONE);
        assertThat(unanswered.readings()).hasSize(month.size() - 2);
        assertThat(unanswered.leftOutOneOff()).isEqualTo(2);

        TrainingData.Selection expected = TrainingData.select(month, heater, List.of(), heater, RetrainTestHomes.ZONE);
        assertThat(expected.readings()).hasSize(month.size());
        assertThat(TrainingData.expected(expected, at(20, 3), Duration.ofHours(1))).isTrue();
        assertThat(TrainingData.expected(expected, at(21, 3), Duration.ofHours(1))).isFalse();
    }

    @Test
    void anAlertThatRecursAtItsTimeOfDayIsANewHabitAndIsLearnedUnanswered() {
        List<AlertPeriods.Period> evenings = List.of(hours(24, 19, 21), hours(25, 19, 21), hours(26, 20, 21));
        TrainingData.Selection selection = TrainingData.select(month, evenings, List.of(), List.of(),
                RetrainTestHomes.ZONE);
        assertThat(selection.readings()).hasSize(month.size());
        assertThat(selection.leftOutOneOff()).isZero();
    }

    @Test
    void aRealProblemIsLeftOutEvenWhenItRecurs() {
        List<AlertPeriods.Period> nights = List.of(hours(24, 3, 4), hours(25, 3, 4), hours(26, 3, 4));
        TrainingData.Selection selection = TrainingData.select(month, nights, nights, List.of(), RetrainTestHomes.ZONE);
        assertThat(selection.readings()).hasSize(month.size() - 3);
        assertThat(selection.leftOutProblem()).isEqualTo(3);
    }
}
