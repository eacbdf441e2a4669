package org.wattwatch.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.wattwatch.notifier.channel.AlertChannel;

/**
 * DOWN while any channel's latest delivery failed, with the error, so an operator sees "Pushbullet
 * is failing" before the owner misses an alert. Not part of readiness: a failing provider is no
 * reason to take the notifier out of service.
 */
@Component("channels")
class ChannelHealth implements HealthIndicator {

    private record Last(boolean ok, String at, String error) {
    }

    /** Failures in a row after which a channel counts as failing (one, when the provider refuses for good). */
    static final int FAILING_AFTER = 3;

    /** Since when a channel has failed without a delivery between, and how often. */
    private record Run(Instant since, int failures, boolean told) {
    }

    private final Map<String, Run> failing = new ConcurrentHashMap<>();

    private final Map<String, Last> last = new ConcurrentHashMap<>();
    private final List<String> enabled;
    private final Clock clock;

    ChannelHealth(List<AlertChannel> channels, Clock clock) {
        this.enabled = channels.stream().map(AlertChannel::name).toList();
        this.clock = clock;
    }

    /** @return since when the channel had been failing, when the owner was told it was */
    Optional<Instant> delivered(String channel) {
        last.put(channel, new Last(true, clock.instant().toString(), null));
        Run run = failing.remove(channel);
        return run != null && run.told() ? Optional.of(run.since()) : Optional.empty();
    }

    /**
     * @param error     what may be shown of the failure ({@code DeliveryErrors})
     * @param permanent the provider refused for good (a revoked token): failing at once
     * @return since when the channel fails, the first time it counts as failing (the owner is to be told)
     */
    Optional<Instant> failed(String channel, String error, boolean permanent) {
        Instant now = clock.instant();
        last.put(channel, new Last(false, now.toString(), error));
        Run run = failing.merge(channel, new Run(now, 1, false),
                (before, one) -> new Run(before.since(), before.failures() + 1, before.told()));
        if (!run.told() && (permanent || run.failures() >= FAILING_AFTER)) {
            failing.put(channel, new Run(run.since(), run.failures(), true));
            return Optional.of(run.since());
        }
        return Optional.empty();
    }

    @Override
    public Health health() {
        Map<String, Object> details = new TreeMap<>();
        boolean allOk = true;
        for (String channel : enabled) {
            Last l = last.get(channel);
            details.put(channel, l == null ? Map.of("status", "no deliveries yet")
                    : l.ok() ? Map.of("status", "ok", "at", l.at())
                            : Map.of("status", "failing", "at", l.at(), "error", String.valueOf(l.error())));
            allOk &= l == null || l.ok();
        }
        return (allOk ? Health.up() : Health.down()).withDetails(details).build();
    }
}
