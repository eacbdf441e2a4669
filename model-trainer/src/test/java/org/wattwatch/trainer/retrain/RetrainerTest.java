package org.wattwatch.trainer.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.Models;
import org.wattwatch.event.learning.AlertFeedback;
import org.wattwatch.event.learning.ModelDecision;
import org.wattwatch.event.reading.MeterReading;

/** A retrain on hourly histories, H2O and all: what it learns, and what it puts live. */
class RetrainerTest {

    private static final RetrainSettings SETTINGS = new RetrainSettings(365, 7, 4, 2000, 2, 14, 42,
            RetrainTestHomes.ZONE);
    private final Retrainer retrainer = new Retrainer(SETTINGS, new PrintStream(OutputStream.nullOutputStream()),
            Clock.systemUTC());

    private static Instant at(int day, int hour) {
        return RetrainTestHomes.FIRST.plusDays(day).plusHours(hour).atZone(RetrainTestHomes.ZONE).toInstant();
    }

    private static EnvelopeModel model(Retrainer.Outcome outcome) throws Exception {
        return Models.read(new ByteArrayInputStream(outcome.candidatePackage()), "candidate.zip");
    }

    @Test
    void aNewEveningHabitIsLearnedAndTheCandidateGoesLive() throws Exception {
        // from day 28, a 1 kW load every evening 19-21
        List<MeterReading> history = RetrainTestHomes.days(35, (d, h) -> d >= 28 && h >= 19 && h < 21 ? 1000.0 : 0.0);
        Retrainer.Outcome outcome = retrainer.retrain("home", history, List.of(), RetrainTestHomes.knowingTheDay());
        ModelDecision d = outcome.decision();
        assertThat(d.current().alerts()).as("the model in use alerts on the new habit").isGreaterThanOrEqualTo(5);
        assertThat(d.promoted()).as(d.reason()).isTrue();
        assertThat(d.candidate().alertsPerMonth()).isLessThanOrEqualTo(2);
        assertThat(d.candidate().probesCaught()).isGreaterThanOrEqualTo(d.current().probesCaught());
    }

    @Test
    void expectedFeedbackOnAOneOffMakesTheNextRetrainLearnIt() throws Exception {
        // once, at night: 2 kW from 02:00 to 04:00 on day 20
        List<MeterReading> history = RetrainTestHomes.days(28, (d, h) -> d == 20 && h >= 2 && h < 4 ? 2000.0 : 0.0);
        AlertFeedback expected = new AlertFeedback(1, "a-1", "home", AlertFeedback.Label.EXPECTED, at(20, 2), at(20, 4),
                at(20, 5));

        EnvelopeModel unanswered = model(retrainer.retrain("home", history, List.of(), RetrainTestHomes.knowingTheDay()));
        EnvelopeModel answered = model(retrainer.retrain("home", history, List.of(expected),
                RetrainTestHomes.knowingTheDay()));

        double highUnanswered = unanswered.expected(RetrainTestHomes.FIRST.plusDays(27).plusHours(3), Duration.ofHours(1))
                .highWh();
        double highAnswered = answered.expected(RetrainTestHomes.FIRST.plusDays(27).plusHours(3), Duration.ofHours(1))
                .highWh();
        assertThat(highUnanswered).as("left out: the night stays as it was").isLessThan(1000);
        assertThat(highAnswered).as("learned: the night makes room for it").isGreaterThan(highUnanswered + 500);
    }

    @Test
    void tooLittleHistoryTrainsNothingAndSaysWhy() throws Exception {
        Retrainer.Outcome outcome = retrainer.retrain("home", RetrainTestHomes.days(5, (d, h) -> 0.0), List.of(),
                RetrainTestHomes.knowingTheDay());
        assertThat(outcome.decision().promoted()).isFalse();
        assertThat(outcome.decision().candidateVersion()).isNull();
        assertThat(outcome.decision().reason()).contains("5 day(s), a model needs 14");
    }
}
