package org.wattwatch.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.notifier.TestAnomalies;

class RoutingPolicyTest {

    private static final Instant THREE_AM = LocalDateTime.parse("2026-01-05T03:00").atZone(TestAnomalies.ZONE).toInstant();
    private static final Instant NOON = LocalDateTime.parse("2026-01-05T12:00").atZone(TestAnomalies.ZONE).toInstant();

    private static ChannelRouting routing(double minScore, String quiet, double severe, String... meters) {
        return new ChannelRouting(minScore, Set.of(AnomalyState.values()), Duration.ofHours(2),
                quiet == null ? null : QuietHours.parse(quiet), severe, List.of(meters));
    }

    private static Anomaly withScore(double score) {
        return TestAnomalies.at("main", AnomalyState.RAISED, LocalDateTime.parse("2026-01-05T04:00"), Duration.ZERO,
                1500, score);
    }

    @Test
    void aSilentMeterHasNoScoreToFilterOnAndReachesAChannelWithAMinimumScore() {
        Anomaly usage = withScore(0);
        Anomaly silent = new Anomaly(usage.schemaVersion(), usage.alertId(), usage.state(), usage.meterId(),
                usage.intervalStart(), usage.intervalEnd(), usage.localStart(), usage.zone(), 0, 0, 0, 0,
                usage.modelVersion(), usage.raisedAt(), 0, org.wattwatch.event.alert.AlertKind.SILENT);
        ChannelRouting severeOnly = routing(3.0, null, 0);
        assertThat(RoutingPolicy.skipReason(usage, severeOnly, NOON, null)).isPresent();
        assertThat(RoutingPolicy.skipReason(silent, severeOnly, NOON, null)).isEmpty();
    }

    @Test
    void quietHoursWrapPastMidnight() {
        QuietHours night = QuietHours.parse("23:00-07:00");
        assertThat(night.contains(LocalTime.of(23, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(3, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
        assertThat(QuietHours.parse("12:00-14:00").contains(LocalTime.of(13, 0))).isTrue();
    }

    @Test
    void quietHoursSilenceAllButSevereAlertsOnTheHomesClock() {
        ChannelRouting speaker = routing(1.0, "23:00-07:00", 6.0);
        assertThat(RoutingPolicy.skipReason(withScore(5.46), speaker, THREE_AM, null)).get().asString()
                .startsWith("quiet hours 23:00-07:00");
        assertThat(RoutingPolicy.skipReason(withScore(6.5), speaker, THREE_AM, null)).isEmpty();
        assertThat(RoutingPolicy.skipReason(withScore(5.46), speaker, NOON, null)).isEmpty();
    }

    @Test
    void severityFloorPerChannel() {
        assertThat(RoutingPolicy.skipReason(withScore(1.5), routing(2.0, null, 0), NOON, null)).get().asString()
                .contains("below this channel's 2.0");
        assertThat(RoutingPolicy.skipReason(withScore(2.5), routing(2.0, null, 0), NOON, null)).isEmpty();
    }

    @Test
    void meterFilterAndEventFilter() {
        assertThat(RoutingPolicy.skipReason(withScore(5), routing(1, null, 0, "garage"), NOON, null)).isPresent();
        ChannelRouting raisedOnly = new ChannelRouting(1, Set.of(AnomalyState.RAISED), Duration.ofHours(2), null, 0,
                List.of());
        Anomaly resolved = TestAnomalies.at("main", AnomalyState.RESOLVED, LocalDateTime.parse("2026-01-05T04:00"),
                Duration.ofHours(3), 200, 0.3);
        assertThat(RoutingPolicy.skipReason(resolved, raisedOnly, NOON, null)).get().asString()
                .isEqualTo("RESOLVED events are not sent to this channel");
    }

    @Test
    void snoozeSilencesRemindersButNotBackToNormal() {
        Instant until = NOON.plus(Duration.ofHours(2));
        Anomaly ongoing = TestAnomalies.at("main", AnomalyState.ONGOING, LocalDateTime.parse("2026-01-05T04:00"),
                Duration.ofHours(3), 1500, 5);
        Anomaly resolved = TestAnomalies.at("main", AnomalyState.RESOLVED, LocalDateTime.parse("2026-01-05T04:00"),
                Duration.ofHours(3), 200, 0.3);
        assertThat(RoutingPolicy.skipReason(ongoing, routing(1, null, 0), NOON, until)).get().asString()
                .startsWith("snoozed until");
        assertThat(RoutingPolicy.skipReason(ongoing, routing(1, null, 0), until.plusSeconds(1), until)).isEmpty();
        assertThat(RoutingPolicy.skipReason(resolved, routing(1, null, 0), NOON, until)).isEmpty();
    }

    @Test
    void remindersComeOncePerPeriod() {
        Duration every = Duration.ofHours(2);
        Anomaly after1h = TestAnomalies.at("main", AnomalyState.ONGOING, LocalDateTime.parse("2026-01-05T04:00"),
                Duration.ofMinutes(0), 1500, 5); // interval 04:00-05:00: on for 1 h
        Anomaly after2h = TestAnomalies.at("main", AnomalyState.ONGOING, LocalDateTime.parse("2026-01-05T04:00"),
                Duration.ofHours(1), 1500, 5);
        Anomaly after3h = TestAnomalies.at("main", AnomalyState.ONGOING, LocalDateTime.parse("2026-01-05T04:00"),
                Duration.ofHours(2), 1500, 5);
        assertThat(RoutingPolicy.skipReason(after1h, routing(1, null, 0), NOON, null)).get().asString()
                .startsWith("next reminder");
        assertThat(RoutingPolicy.deliveryKey(after2h, every)).isEqualTo("ONGOING#1")
                .isEqualTo(RoutingPolicy.deliveryKey(after3h, every));
        assertThat(RoutingPolicy.deliveryKey(TestAnomalies.raised("main"), every)).isEqualTo("RAISED");
    }
}
