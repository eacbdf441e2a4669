package org.wattwatch.notifier.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.wattwatch.event.alert.AlertKind;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;

/** Decides whether one lifecycle event of an alert goes to one channel now, and if not, says why. */
public final class RoutingPolicy {

    private RoutingPolicy() {
    }

    /**
     * The key under which this event is delivered at most once per channel. "Still unusual"
     * updates arrive with every reading; they share a key per reminder period, so each period
     * reaches the owner once.
     */
    public static String deliveryKey(Anomaly anomaly, Duration reminderEvery) {
        if (anomaly.state() != AnomalyState.ONGOING) {
            return anomaly.state().name();
        }
        return AnomalyState.ONGOING.name() + "#" + reminderPeriod(anomaly, reminderEvery);
    }

    /**
     * @param snoozedUntil the owner snoozed this alert until then, if at all
     * @return empty to deliver, or the reason not to
     */
    public static Optional<String> skipReason(Anomaly anomaly, ChannelRouting routing, Instant now,
            Instant snoozedUntil) {
        if (!routing.events().contains(anomaly.state())) {
            return Optional.of(anomaly.state() + " events are not sent to this channel");
        }
        if (!routing.meters().isEmpty() && !routing.meters().contains(anomaly.meterId())) {
            return Optional.of("meter " + anomaly.meterId() + " is not routed to this channel");
        }
        if (anomaly.state() == AnomalyState.ONGOING && reminderPeriod(anomaly, routing.reminderEvery()) < 1) {
            return Optional.of("next reminder after " + routing.reminderEvery());
        }
        if (anomaly.state() != AnomalyState.RESOLVED) {
            // a silent meter has no score: it is told to every channel that takes its events
            if (anomaly.kind() == AlertKind.USAGE && anomaly.score() < routing.minScore()) {
                return Optional.of("score " + round(anomaly.score()) + " below this channel's " + routing.minScore());
            }
            if (snoozedUntil != null && now.isBefore(snoozedUntil)) {
                return Optional.of("snoozed until " + snoozedUntil);
            }
        }
        QuietHours quiet = routing.quietHours();
        if (quiet != null && quiet.contains(LocalTime.ofInstant(now, ZoneId.of(anomaly.zone())))
                && anomaly.score() < routing.quietHoursMinScore()) {
            return Optional.of("quiet hours " + quiet + " and score " + round(anomaly.score()) + " below "
                    + routing.quietHoursMinScore());
        }
        return Optional.empty();
    }

    private static long reminderPeriod(Anomaly anomaly, Duration reminderEvery) {
        return Duration.between(anomaly.raisedAt(), anomaly.intervalEnd()).toMillis() / reminderEvery.toMillis();
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }
}
