package org.wattwatch.notifier.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.wattwatch.model.alert.Anomaly;
import org.wattwatch.notifier.config.NotifierProperties;

/**
 * The recent alerts and, per channel, whether each was delivered; also what stops a redelivered
 * anomaly from reaching a channel twice. Held in memory, bounded to the newest alerts.
 */
@Component
public class AlertBook {

    private final Map<String, AlertView> alerts;

    AlertBook(NotifierProperties properties) {
        int capacity = properties.recentAlerts();
        this.alerts = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AlertView> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void received(Anomaly anomaly, String message, Instant at) {
        alerts.putIfAbsent(anomaly.alertId(), new AlertView(anomaly, message, at, new TreeMap<>()));
    }

    synchronized boolean isDelivered(String alertId, String channel) {
        AlertView view = alerts.get(alertId);
        return view != null && view.deliveries().containsKey(channel)
                && view.deliveries().get(channel).outcome() == DeliveryStatus.Outcome.DELIVERED;
    }

    synchronized void record(String alertId, String channel, DeliveryStatus status) {
        AlertView view = alerts.get(alertId);
        if (view != null) {
            view.deliveries().put(channel, status);
        }
    }

    /** Newest first, as copies: callers never see a half-updated alert. */
    public synchronized List<AlertView> recent() {
        List<AlertView> copy = new ArrayList<>(alerts.size());
        alerts.values().forEach(v -> copy.add(new AlertView(v.anomaly(), v.message(), v.receivedAt(),
                Collections.unmodifiableMap(new TreeMap<>(v.deliveries())))));
        Collections.reverse(copy);
        return copy;
    }
}
