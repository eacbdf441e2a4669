package org.wattwatch.notifier.routing;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.wattwatch.event.alert.AnomalyState;

/**
 * What one channel is told. Set under {@code wattwatch.notifier.channels.<channel>.routing}.
 *
 * @param minScore           events of alerts scoring below this are not sent (default 1.0: every anomaly)
 * @param events             lifecycle events sent (default RAISED, ONGOING, RESOLVED)
 * @param reminderEvery      while an alert stays on, at most one "still unusual" per this long (default 2h)
 * @param quietHours         e.g. {@code 23:00-07:00} on the home's clock: nothing is sent then unless
 *                           the score reaches {@code quietHoursMinScore} (default none)
 * @param quietHoursMinScore score that is severe enough to break quiet hours (default 3.0)
 * @param meters             only these meters (default empty: all meters)
 */
public record ChannelRouting(
        @DefaultValue("1.0") double minScore,
        @DefaultValue({"RAISED", "ONGOING", "RESOLVED"}) Set<AnomalyState> events,
        @DefaultValue("2h") Duration reminderEvery,
        QuietHours quietHours,
        @DefaultValue("3.0") double quietHoursMinScore,
        @DefaultValue({}) List<String> meters) {

    public static ChannelRouting everything() {
        return new ChannelRouting(0, Set.of(AnomalyState.values()), Duration.ofHours(2), null, 0, List.of());
    }
}
