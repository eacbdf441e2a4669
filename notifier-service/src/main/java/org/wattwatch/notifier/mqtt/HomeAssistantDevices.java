package org.wattwatch.notifier.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.wattwatch.event.alert.AlertKind;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.notifier.delivery.AlertBook;
import org.wattwatch.notifier.delivery.AlertChanged;
import org.wattwatch.notifier.delivery.AlertRecord;
import org.wattwatch.notifier.feedback.OwnerFeedback;
import org.wattwatch.event.learning.AlertFeedback;

import tools.jackson.databind.json.JsonMapper;

/**
 * Each meter as a Home Assistant device: announced once per connection (retained discovery configs), then
 * its live values at every scored reading and its alert at every change the alert book records, all
 * retained so HA shows the latest at once after its own restart. The device's buttons do what the dashboard's
 * do: snooze the meter's open alerts, or say its latest usage alert was expected or a real problem.
 */
class HomeAssistantDevices implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantDevices.class);

    private final MqttLink link;
    private final MqttProperties properties;
    private final DeviceTopics topics;
    private final DeviceDiscovery discovery;
    private final AlertBook book;
    private final OwnerFeedback feedback;
    private final JsonMapper json;
    private final Counter refused;
    private final Counter failed;
    /** The latest scored reading of each meter shown (null until its first, when an alert made it known). */
    private final Map<String, ScoredReading> meters = new LinkedHashMap<>();
    /** Meters whose discovery configs went out on the current connection. */
    private final Set<String> announced = new LinkedHashSet<>();
    private volatile boolean running;

    HomeAssistantDevices(MqttLink link, MqttProperties properties, AlertBook book, OwnerFeedback feedback,
            JsonMapper json, MeterRegistry registry) {
        this.link = link;
        this.properties = properties;
        this.topics = DeviceTopics.of(properties);
        this.discovery = new DeviceDiscovery(topics, properties.snoozeButton(), properties.feedbackButtons());
        this.feedback = feedback;
        this.book = book;
        this.json = json;
        this.failed = Counter.builder("wattwatch.notifier.mqtt.failed")
                .description("changes not shown in Home Assistant because publishing them failed")
                .register(registry);
        this.refused = Counter.builder("wattwatch.notifier.mqtt.meters.refused")
                .description("readings of meters beyond wattwatch.notifier.mqtt.max-meters, not shown in HA")
                .register(registry);
        registry.gauge("wattwatch.notifier.mqtt.connected", link, l -> l.isConnected() ? 1 : 0);
    }

    /** A meter's newest reading: its device, if new, then its live values and energy. */
    synchronized void scored(ScoredReading scored) {
        String meter = scored.reading().meterId();
        if (!known(meter)) {
            return;
        }
        meters.put(meter, scored);
        try {
            if (announce(meter)) {
                publishAlert(meter, book.recent()); // a new device starts with its alert, "none" included
            }
            publishLive(scored);
        } catch (RuntimeException e) {
            failed.increment();
            LOG.warn("Home Assistant: the reading of {} was not published: {}", meter, e.toString());
        }
    }

    /**
     * Runs in the thread that changed the alert, inside the alert book's change: whatever goes wrong here is
     * counted and logged, never passed on, so Home Assistant can never hold up or fail an alert's delivery.
     */
    @EventListener
    public synchronized void alertChanged(AlertChanged change) {
        try {
            String meter = change.record().anomaly().meterId();
            if (change.record().anomaly().kind() == AlertKind.CHANNEL || !known(meter)) {
                return;
            }
            announce(meter);
            publishAlert(meter, book.recent());
        } catch (RuntimeException e) {
            failed.increment();
            LOG.warn("Home Assistant: the alert state of {} was not published: {}", change.record().anomaly().alertId(),
                    e.toString());
        }
    }

    /** Whether the meter is shown, making it so while there is room. */
    private boolean known(String meter) {
        if (meters.containsKey(meter)) {
            return true;
        }
        if (meters.size() >= properties.maxMeters()) {
            refused.increment();
            return false;
        }
        meters.put(meter, null);
        return true;
    }

    /** After each connection: every device, its latest values and its alert, anew. */
    private synchronized void connected() {
        announced.clear();
        List<AlertRecord> alerts = book.recent();
        for (AlertRecord r : alerts) {
            if (r.anomaly().kind() != AlertKind.CHANNEL) {
                known(r.anomaly().meterId());
            }
        }
        meters.forEach((meter, scored) -> {
            announce(meter);
            if (scored != null) {
                publishLive(scored);
            }
            publishAlert(meter, alerts);
        });
    }

    /** The meter's discovery configs, once per connection; true when they went out just now. */
    private boolean announce(String meter) {
        if (announced.contains(meter)) {
            return false;
        }
        boolean all = true;
        for (DeviceDiscovery.Config c : discovery.configs(meter)) {
            all &= link.publish(c.topic(), json.writeValueAsBytes(c.payload()), true);
        }
        if (all) {
            announced.add(meter);
        }
        return all;
    }

    private void publishLive(ScoredReading scored) {
        String meter = scored.reading().meterId();
        link.publish(topics.state(meter), json.writeValueAsBytes(DeviceStates.live(scored)), true);
        DeviceStates.energy(scored).ifPresent(
                kwh -> link.publish(topics.energy(meter), kwh.getBytes(StandardCharsets.US_ASCII), true));
    }

    private void publishAlert(String meter, List<AlertRecord> alerts) {
        link.publish(topics.alert(meter), json.writeValueAsBytes(DeviceStates.alert(meter, alerts)), true);
    }

    private void received(String topic, byte[] payload) {
        if (topic.equals(topics.homeAssistantStatus())) {
            if (DeviceTopics.ONLINE.equals(new String(payload, StandardCharsets.UTF_8))) {
                LOG.info("Home Assistant is back: announcing the meters again");
                connected();
            }
            return;
        }
        Optional<DeviceTopics.MeterCommand> command = topics.commandOf(topic);
        if (command.isEmpty() || !DeviceTopics.PRESS.equals(new String(payload, StandardCharsets.UTF_8))) {
            return;
        }
        String meter = command.get().meter();
        synchronized (this) {
            if (!meters.containsKey(meter)) {
                return; // a meter this service does not show: nothing to act on
            }
        }
        switch (command.get().command()) {
            case SNOOZE -> {
                if (properties.snoozeButton()) {
                    snooze(meter);
                }
            }
            case EXPECTED -> {
                if (properties.feedbackButtons()) {
                    say(meter, AlertFeedback.Label.EXPECTED);
                }
            }
            case PROBLEM -> {
                if (properties.feedbackButtons()) {
                    say(meter, AlertFeedback.Label.PROBLEM);
                }
            }
        }
    }

    /** The owner's word on the meter's latest usage alert, as the dashboard's buttons give it. */
    private void say(String meter, AlertFeedback.Label label) {
        Optional<AlertRecord> latest = book.recent().stream()
                .filter(r -> r.anomaly().meterId().equals(meter) && r.anomaly().kind() == AlertKind.USAGE).findFirst();
        if (latest.isEmpty()) {
            LOG.info("{} pressed in Home Assistant for meter {}: no usage alert to say it of", label, meter);
            return;
        }
        try {
            feedback.say(latest.get().anomaly().alertId(), label);
            LOG.info("{} pressed in Home Assistant for meter {}: alert {}", label, meter,
                    latest.get().anomaly().alertId());
        } catch (OwnerFeedback.FeedbackNotKeptException e) {
            LOG.warn("{} pressed in Home Assistant for meter {}: {}", label, meter, e.getMessage());
        }
    }

    /** Snoozes the meter's open alerts; the book's change then reaches HA like any other. */
    private void snooze(String meter) {
        List<String> open = book.recent().stream()
                .filter(r -> r.anomaly().meterId().equals(meter) && r.anomaly().state() != AnomalyState.RESOLVED
                        && r.anomaly().kind() != AlertKind.CHANNEL)
                .map(r -> r.anomaly().alertId()).toList();
        open.forEach(id -> book.snooze(id, properties.snooze()));
        LOG.info("snooze pressed in Home Assistant for meter {}: {} open alert(s) snoozed for {}", meter, open.size(),
                properties.snooze());
    }

    @Override
    public void start() {
        running = true;
        link.open(this::connected, this::received);
    }

    @Override
    public void stop() {
        running = false;
        link.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the alert book (phase 0) has read its state back, so the first announcement has the alerts. */
    @Override
    public int getPhase() {
        return 1;
    }
}
