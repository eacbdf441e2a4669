package org.wattwatch.notifier.delivery;

import java.util.List;

import org.wattwatch.model.alert.Anomaly;
import org.wattwatch.model.validation.Checks;
import org.wattwatch.model.validation.Violation;

/**
 * One alert event to deliver on one channel: a record on {@code power.notifications}, so retries
 * of one channel wait in Kafka's retry topics and never hold up the others.
 *
 * @param deliveryKey the event's key for at-most-once delivery per channel (e.g. {@code RAISED}, {@code ONGOING#2})
 */
public record Notification(int schemaVersion, String channel, String deliveryKey, Anomaly anomaly) {

    public static final int SCHEMA_VERSION = 1;

    public String idempotencyKey() {
        return anomaly.alertId() + ":" + deliveryKey + ":" + channel;
    }

    public List<Violation> violations() {
        Checks checks = new Checks().schemaVersion(schemaVersion, SCHEMA_VERSION).notBlank("channel", channel)
                .notBlank("deliveryKey", deliveryKey).notNull("anomaly", anomaly);
        if (anomaly != null) {
            checks.nested("anomaly", anomaly.violations());
        }
        return checks.result();
    }
}
