package org.wattwatch.notifier.delivery;

import java.time.Instant;
import java.util.Map;

import org.wattwatch.event.alert.Anomaly;

/**
 * An alert as the owner's tools see it, and as the state topic stores it.
 *
 * @param anomaly      the latest event of the alert
 * @param message      that event in words
 * @param firstSeen    when the notifier first heard of the alert
 * @param snoozedUntil the owner asked for silence about this alert until then (null: not snoozed)
 * @param deliveries   per "EVENT/channel" (e.g. {@code RAISED/pushbullet}), what became of it
 */
public record AlertRecord(
        Anomaly anomaly,
        String message,
        Instant firstSeen,
        Instant snoozedUntil,
        Map<String, DeliveryStatus> deliveries,
        Instant updatedAt) {

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
