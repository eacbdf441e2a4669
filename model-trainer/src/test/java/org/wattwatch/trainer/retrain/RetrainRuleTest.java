package org.wattwatch.trainer.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wattwatch.event.learning.ModelDecision;

class RetrainRuleTest {

    private static ModelDecision.Figures figures(double alertsPerMonth, int caught) {
        return new ModelDecision.Figures(28, (int) alertsPerMonth, alertsPerMonth, 6, caught, 0, 0);
    }

    @Test
    void aCandidateOverTheBudgetIsKeptOutWithTheFigures() {
        RetrainRule.Verdict v = RetrainRule.decide(figures(30, 6), figures(3, 6), 2, false);
        assertThat(v.promoted()).isFalse();
        assertThat(v.reason()).contains("3 alert(s) in the recent 28 days").contains("budget of 2.0 a month allows (2");
    }

    @Test
    void theBudgetIsAMonthsProRataInWholeAlerts() {
        assertThat(RetrainRule.allowed(2, 28)).isEqualTo(2);
        assertThat(RetrainRule.allowed(2, 7)).isEqualTo(1);
        assertThat(RetrainRule.allowed(0, 28)).isZero();
        assertThat(RetrainRule.allowed(2, 30.4)).isEqualTo(2);
    }

    @Test
    void aCandidateThatMissesLoadsTheModelInUseRaisesIsKeptOut() {
        RetrainRule.Verdict v = RetrainRule.decide(figures(5, 6), figures(0, 4), 2, false);
        assertThat(v.promoted()).isFalse();
        assertThat(v.reason()).contains("4 of 6 injected loads, the model in use 6");
    }

    @Test
    void aQuieterCandidateThatRaisesTheSameLoadsGoesLiveAndTheSeedGivesWayToOneWithinBudget() {
        assertThat(RetrainRule.decide(figures(30, 5), figures(1, 5), 2, false).promoted()).isTrue();
        RetrainRule.Verdict seed = RetrainRule.decide(figures(10, 6), figures(1, 3), 2, true);
        assertThat(seed.promoted()).isTrue();
        assertThat(seed.reason()).startsWith("replaces the seed envelope");
    }
}
