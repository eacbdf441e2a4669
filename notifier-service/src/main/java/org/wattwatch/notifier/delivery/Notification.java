package org.wattwatch.notifier.delivery;

import java.util.List;

import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.validation.Checks;
import org.wattwatch.event.validation.Violation;

/**
 * One message to deliver on one channel: a record on {@code power.notifications}, so retries of one
 * channel wait in Kafka's retry topics and never hold up the others. Most tell one alert event; a
 * backlog's digest tells many in one message ({@link Backlog}).
 *
 * @param deliveryKey the event's key for at-most-once delivery per channel (e.g. {@code RAISED}, {@code ONGOING#2};
 *                    a digest's own, {@code DIGEST@<time>})
 * @param anomaly     the event told; for a digest, the latest of its events
 * @param digest      the events a digest tells, empty for a single event (a field added later: older records
 *                    have none)
 */
public record Notification(int schemaVersion, String channel, String deliveryKey, Anomaly anomaly,
        List<Told> digest) {

    public static final int SCHEMA_VERSION = 1;

    /** One alert event a message tells, as the alert book knows its deliveries. */
    public record Told(String alertId, String deliveryKey) {
    }

    public Notification {
        digest = digest == null ? List.of() : List.copyOf(digest);
    }

    public Notification(int schemaVersion, String channel, String deliveryKey, Anomaly anomaly) {
        this(schemaVersion, channel, deliveryKey, anomaly, List.of());
    }

    public String idempotencyKey() {
        return anomaly.alertId() + ":" + deliveryKey + ":" + channel;
    }

    /** The events this message tells: its own, or a digest's. */
    public List<Told> events() {
        return digest.isEmpty() ? List.of(new Told(anomaly.alertId(), deliveryKey)) : digest;
    }

    public List<Violation> violations() {
        Checks checks = new Checks().schemaVersion(schemaVersion, SCHEMA_VERSION).notBlank("channel", channel)
                .notBlank("deliveryKey", deliveryKey).notNull("anomaly", anomaly);
        if (anomaly != null) {
            checks.nested("anomaly", anomaly.violations());
        }
        for (int i = 0; i < digest.size(); i++) {
            checks.notBlank("digest[" + i + "].alertId", digest.get(i).alertId())
                    .notBlank("digest[" + i + "].deliveryKey", digest.get(i).deliveryKey());
        }
        return checks.result();
    }
}
