package org.wattwatch.scoring.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.scoring.config.ScoringProperties;

/**
 * What the dashboard shows of the past: every meter's points of the last
 * {@link DashboardProperties#history()}, in memory, filled from {@code power.scored} by
 * {@link ScoredFeed} (so a restart refills it from the topic) and told to {@link LiveUpdates}.
 */
@Component
public class ScoredHistory {

    private final DashboardProperties properties;
    private final double threshold;
    private final LiveUpdates live;
    private final Map<String, MeterHistory> meters = new ConcurrentHashMap<>();
    private final Counter dropped;

    public ScoredHistory(DashboardProperties properties, ScoringProperties scoring, LiveUpdates live,
            MeterRegistry registry) {
        this.properties = properties;
        this.threshold = scoring.threshold();
        this.live = live;
        dropped = Counter.builder("wattwatch.dashboard.readings.dropped")
                .description("scored readings the dashboard did not keep: meters beyond wattwatch.dashboard.max-meters")
                .register(registry);
        Gauge.builder("wattwatch.dashboard.meters", meters, Map::size).description("meters the dashboard keeps")
                .register(registry);
    }

    public void add(ScoredReading scored) {
        String meter = scored.reading().meterId();
        MeterHistory history = meters.get(meter);
        if (history == null) {
            if (meters.size() >= properties.maxMeters()) {
                dropped.increment();
                return;
            }
            history = meters.computeIfAbsent(meter, m -> new MeterHistory(properties.history(), threshold));
        }
        UsagePoint point;
        synchronized (history) {
            point = history.add(scored);
        }
        if (point != null) {
            live.publish(meter, point);
        }
    }

    /** The meters seen, each with its latest point. */
    public Map<String, UsagePoint> latest() {
        Map<String, UsagePoint> latest = new TreeMap<>();
        meters.forEach((meter, history) -> {
            synchronized (history) {
                UsagePoint p = history.latest();
                if (p != null) {
                    latest.put(meter, p);
                }
            }
        });
        return latest;
    }

    /** The meter's latest point; empty for a meter without readings in the history. */
    public Optional<UsagePoint> latest(String meter) {
        return read(meter, MeterHistory::latest);
    }

    public Optional<List<UsagePoint>> between(String meter, Instant from, Instant to) {
        return read(meter, history -> history.between(from, to));
    }

    /** Start of the oldest point kept for the meter, if any. */
    public Optional<Instant> oldest(String meter) {
        return read(meter, MeterHistory::oldest);
    }

    /** A meter's history is written by the feed thread and read by requests: one lock per meter. */
    private <T> Optional<T> read(String meter, Function<MeterHistory, T> query) {
        MeterHistory history = meters.get(meter);
        if (history == null) {
            return Optional.empty();
        }
        synchronized (history) {
            return Optional.ofNullable(query.apply(history));
        }
    }
}
