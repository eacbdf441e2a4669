package org.wattwatch.scoring.history;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The history the scoring service keeps on {@code power.history} for retraining.
 *
 * @param slot      readings are re-cut into slots of this length, aligned on the clock (default 15m, the
 *                  detection window); readings longer than a slot (an hourly meter) are kept as they are
 * @param retention how long the topic keeps them (default 1095d, three years: a retrain sees the seasons)
 */
@ConfigurationProperties("wattwatch.scoring.history")
public record HistoryProperties(@DefaultValue("15m") Duration slot, @DefaultValue("1095d") Duration retention) {

    public static final HistoryProperties DEFAULT = new HistoryProperties(Duration.ofMinutes(15), Duration.ofDays(1095));

    public HistoryProperties {
        if (slot == null || slot.isNegative() || slot.isZero() || Duration.ofHours(1).toMillis() % slot.toMillis() != 0) {
            throw new IllegalArgumentException("wattwatch.scoring.history.slot must divide an hour (e.g. 5m, 15m, 1h), "
                    + "was " + slot);
        }
        if (retention == null || retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("wattwatch.scoring.history.retention must be at least a day, was "
                    + retention);
        }
    }
}
