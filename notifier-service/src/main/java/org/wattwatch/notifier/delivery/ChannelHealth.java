package org.wattwatch.notifier.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Map;
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

    private final Map<String, Last> last = new ConcurrentHashMap<>();
    private final List<String> enabled;
    private final Clock clock;

    ChannelHealth(List<AlertChannel> channels, Clock clock) {
        this.enabled = channels.stream().map(AlertChannel::name).toList();
        this.clock = clock;
    }

    void delivered(String channel) {
        last.put(channel, new Last(true, clock.instant().toString(), null));
    }

    /** @param error what may be shown of the failure ({@code DeliveryErrors}) */
    void failed(String channel, String error) {
        last.put(channel, new Last(false, clock.instant().toString(), error));
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
