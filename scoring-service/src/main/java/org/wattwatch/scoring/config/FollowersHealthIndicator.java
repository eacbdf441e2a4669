package org.wattwatch.scoring.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN while a topic follower (the model registry, the dashboard feed) keeps failing: the service
 * still scores with the models it has, but no longer learns of a new one, and an operator must know.
 */
@Component("followers")
class FollowersHealthIndicator implements HealthIndicator {

    private final List<FollowerLoop.Source> sources;

    FollowersHealthIndicator(List<FollowerLoop.Source> sources) {
        this.sources = sources;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new TreeMap<>();
        boolean allFollowing = true;
        // each source makes its loop when it starts, after this indicator exists
        for (FollowerLoop f : sources.stream().map(FollowerLoop.Source::follower).filter(Objects::nonNull).toList()) {
            var failure = f.failure();
            details.put(f.name(), failure.<Object>map(x -> Map.of("status", "failing", "error", x.error(), "since",
                    x.since().toString(), "attempts", x.attempts()))
                    .orElse(Map.of("status", f.isRunning() ? "following" : "stopped")));
            allFollowing &= failure.isEmpty();
        }
        return (allFollowing ? Health.up() : Health.down()).withDetails(details).build();
    }
}
