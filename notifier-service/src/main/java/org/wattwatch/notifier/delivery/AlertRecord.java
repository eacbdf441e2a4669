package org.wattwatch.notifier.delivery;

import java.time.Instant;
import java.util.Map;

import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.learning.AlertFeedback;

/**
 * An alert as the owner's tools see it, and as the state topic stores it.
 *
 * @param anomaly      the latest event of the alert
 * @param message      that event in words
 * @param firstSeen    when the notifier first heard of the alert
 * @param snoozedUntil the owner asked for silence about this alert until then (null: not snoozed)
 * @param deliveries   per "EVENT/channel" (e.g. {@code RAISED/pushbullet}), what became of it
 * @param feedback     what the owner said of the alert, or null (added later: null in older records)
 */
public record AlertRecord(
        Anomaly anomaly,
        String message,
        Instant firstSeen,
        Instant snoozedUntil,
        Map<String, DeliveryStatus> deliveries,
        Instant updatedAt,
        AlertFeedback.Label feedback) {

    /** An alert the owner has said nothing of. */
    public AlertRecord(Anomaly anomaly, String message, Instant firstSeen, Instant snoozedUntil,
            Map<String, DeliveryStatus> deliveries, Instant updatedAt) {
        this(anomaly, message, firstSeen, snoozedUntil, deliveries, updatedAt, null);
    }

    /**
     * The alert's period as the owner's word applies to it: from when it began to when usage was usual
     * again, or to its latest event's end while it is open.
     */
    public Instant periodEnd() {
        Instant end = anomaly.state() == AnomalyState.RESOLVED ? anomaly.intervalStart() : anomaly.intervalEnd();
        return end.isAfter(anomaly.raisedAt()) ? end : anomaly.intervalEnd();
    }

    static String deliveryId(String deliveryKey, String channel) {
        return deliveryKey + "/" + channel;
    }

    /** Channel names have no "/" (delivery keys neither, but a channel's name is the safer end to split at). */
    static String deliveryKeyOf(String deliveryId) {
        return deliveryId.substring(0, deliveryId.lastIndexOf('/'));
    }

    static String channelOf(String deliveryId) {
        return deliveryId.substring(deliveryId.lastIndexOf('/') + 1);
    }
}
