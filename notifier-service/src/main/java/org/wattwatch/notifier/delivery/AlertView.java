package org.wattwatch.notifier.delivery;

import java.time.Instant;
import java.util.Map;

import org.wattwatch.model.alert.Anomaly;

/** An alert as the owner's tools see it: what happened, the words sent, and where it went. */
public record AlertView(Anomaly anomaly, String message, Instant receivedAt, Map<String, DeliveryStatus> deliveries) {
}
