package org.wattwatch.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.learning.AlertFeedback;
import org.wattwatch.notifier.config.NotifierProperties;

/**
 * The alerts and, per event and channel, what became of them: what {@code GET /api/alerts} shows
 * and what keeps an event from reaching a channel twice. Every change is written to the compacted
 * topic {@code power.notifications.state} before it counts, and the topic is read back in full at
 * startup, before any listener runs, so a restart forgets nothing.
 *
 * <p>Changes are made one at a time (the {@code changes} lock, held across the Kafka write); the
 * map's own lock is held only to read or swap entries, so reading the alerts never waits on Kafka.
 * An alert that leaves the book (beyond {@code recent-alerts}) leaves the topic too, as a tombstone,
 * so the topic and every restart's replay stay as small as the book. A record on the topic that
 * cannot be read is skipped and counted, never a reason not to start.
 *
 * <p>One notifier replica owns the state (the Helm chart runs one): two replicas would each keep
 * their own view since their start.
 */
@Component
public class AlertBook implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AlertBook.class);

    private final Map<String, AlertRecord> alerts;
    /** Alerts the map let go of, to be removed from the topic by the change that pushed them out. */
    private final List<String> evicted = new ArrayList<>();
    private final ReentrantLock changes = new ReentrantLock();
    private final AlertStateTopic stateTopic;
    private final Duration keepResolved;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private volatile boolean running;

    AlertBook(NotifierProperties properties, AlertStateTopic stateTopic, Clock clock,
            ApplicationEventPublisher events) {
        this.stateTopic = stateTopic;
        this.events = events;
        int capacity = properties.recentAlerts();
        this.alerts = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AlertRecord> eldest) {
                boolean full = size() > capacity;
                if (full) {
                    evicted.add(eldest.getKey());
                }
                return full;
            }
        };
        this.keepResolved = properties.keepResolved();
        this.clock = clock;
    }

    /** Records the latest event of an alert (a late, older event does not replace a newer one). */
    AlertRecord received(Anomaly anomaly, String message) {
        changes.lock();
        try {
            Instant now = clock.instant();
            AlertRecord current = get(anomaly.alertId()).orElse(null);
            AlertRecord next;
            if (current == null) {
                next = new AlertRecord(anomaly, message, now, null, new TreeMap<>(), now);
            } else if (anomaly.intervalEnd().isBefore(current.anomaly().intervalEnd())) {
                return current;
            } else {
                next = new AlertRecord(anomaly, message, current.firstSeen(), current.snoozedUntil(),
                        current.deliveries(), now, current.feedback());
            }
            return store(next);
        } finally {
            changes.unlock();
        }
    }

    synchronized Optional<DeliveryStatus> status(String alertId, String deliveryKey, String channel) {
        return Optional.ofNullable(alerts.get(alertId))
                .map(r -> r.deliveries().get(AlertRecord.deliveryId(deliveryKey, channel)));
    }

    synchronized Optional<Instant> snoozedUntil(String alertId) {
        return Optional.ofNullable(alerts.get(alertId)).map(AlertRecord::snoozedUntil);
    }

    /**
     * Records what became of one event on one channel. A final outcome is never replaced, and
     * attempts accumulate, so a late or repeated update cannot undo a delivery.
     */
    void record(String alertId, String deliveryKey, String channel, DeliveryStatus.Outcome outcome,
            String detail) {
        changes.lock();
        try {
            AlertRecord current = get(alertId).orElse(null);
            if (current == null) {
                LOG.warn("delivery update for unknown alert {} ({} {} {})", alertId, deliveryKey, channel, outcome);
                return;
            }
            String id = AlertRecord.deliveryId(deliveryKey, channel);
            DeliveryStatus previous = current.deliveries().get(id);
            if (previous != null && previous.isFinal()) {
                return;
            }
            int attempts = (previous == null ? 0 : previous.attempts())
                    + (outcome == DeliveryStatus.Outcome.DELIVERED || outcome == DeliveryStatus.Outcome.RETRYING
                            || outcome == DeliveryStatus.Outcome.FAILED ? 1 : 0);
            Map<String, DeliveryStatus> deliveries = new TreeMap<>(current.deliveries());
            deliveries.put(id, new DeliveryStatus(outcome, clock.instant(), attempts, detail));
            store(new AlertRecord(current.anomaly(), current.message(), current.firstSeen(), current.snoozedUntil(),
                    deliveries, clock.instant(), current.feedback()));
        } finally {
            changes.unlock();
        }
    }

    public Optional<AlertRecord> snooze(String alertId, Duration length) {
        changes.lock();
        try {
            AlertRecord current = get(alertId).orElse(null);
            if (current == null) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            return Optional.of(store(new AlertRecord(current.anomaly(), current.message(), current.firstSeen(),
                    now.plus(length), current.deliveries(), now, current.feedback())));
        } finally {
            changes.unlock();
        }
    }

    /** Records what the owner said of the alert, once {@code said} has kept it for the retrain. */
    public Optional<AlertRecord> labelled(String alertId, AlertFeedback.Label label, Consumer<AlertRecord> said) {
        changes.lock();
        try {
            AlertRecord current = get(alertId).orElse(null);
            if (current == null) {
                return Optional.empty();
            }
            said.accept(current);
            return Optional.of(store(new AlertRecord(current.anomaly(), current.message(), current.firstSeen(),
                    current.snoozedUntil(), current.deliveries(), clock.instant(), label)));
        } finally {
            changes.unlock();
        }
    }

    /** Every event a channel waits to be told in a backlog's digest, oldest alert first. */
    synchronized List<HeldEvent> held() {
        List<HeldEvent> held = new ArrayList<>();
        for (AlertRecord record : alerts.values()) {
            record.deliveries().forEach((id, status) -> {
                if (status.outcome() == DeliveryStatus.Outcome.HELD) {
                    held.add(new HeldEvent(record, AlertRecord.deliveryKeyOf(id), AlertRecord.channelOf(id),
                            status.at()));
                }
            });
        }
        return held;
    }

    /** An event held for a channel's digest, with the alert it belongs to as the book has it now. */
    record HeldEvent(AlertRecord alert, String deliveryKey, String channel, Instant heldAt) {
    }

    /**
     * Resolved alerts whose deliveries are all done leave the book, and the state topic as tombstones,
     * {@code keep-resolved} after their last change: the compacted topic keeps the recent alerts, not every
     * alert the home ever had.
     */
    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS)
    public void forgetResolved() {
        changes.lock();
        try {
            Instant before = clock.instant().minus(keepResolved);
            synchronized (this) {
                List<String> done = alerts.values().stream()
                        .filter(r -> r.anomaly().state() == AnomalyState.RESOLVED && r.updatedAt().isBefore(before)
                                && r.deliveries().values().stream().allMatch(DeliveryStatus::isFinal))
                        .map(r -> r.anomaly().alertId()).toList();
                alerts.keySet().removeAll(done);
                evicted.addAll(done);
            }
            forgetEvicted();
        } finally {
            changes.unlock();
        }
    }

    /** Newest first. */
    public synchronized List<AlertRecord> recent() {
        List<AlertRecord> copy = new ArrayList<>(alerts.values());
        Collections.reverse(copy);
        return copy;
    }

    public synchronized Optional<AlertRecord> get(String alertId) {
        return Optional.ofNullable(alerts.get(alertId));
    }

    /**
     * Writes the change to the topic, then into the book, then tells who follows the alerts ({@link AlertChanged},
     * in this thread, so they hear of an alert's changes in order); called holding {@code changes}.
     */
    private AlertRecord store(AlertRecord record) {
        stateTopic.write(record.anomaly().alertId(), record);
        keep(record);
        forgetEvicted();
        events.publishEvent(new AlertChanged(record));
        return record;
    }

    /** Into the book as its newest change (a record back in it before its tombstone was written keeps it). */
    private synchronized void keep(AlertRecord record) {
        String alertId = record.anomaly().alertId();
        alerts.remove(alertId);
        alerts.put(alertId, record);
        evicted.remove(alertId);
    }

    /** Tombstones for the alerts the book let go of; one that fails is tried again with the next change. */
    private void forgetEvicted() {
        List<String> gone;
        synchronized (this) {
            gone = new ArrayList<>(evicted);
            evicted.clear();
        }
        for (int i = 0; i < gone.size(); i++) {
            try {
                stateTopic.write(gone.get(i), null);
            } catch (StateWriteException e) {
                synchronized (this) {
                    evicted.addAll(gone.subList(i, gone.size()));
                }
                LOG.warn("alert state: {} tombstones wait for the next change: {}", gone.size() - i, e.toString());
                return;
            }
        }
    }

    /** Reads the state topic to its end before the listeners start (phase before their containers). */
    @Override
    public void start() {
        long started = System.nanoTime();
        long count = stateTopic.replay(this::replay);
        changes.lock();
        try {
            forgetEvicted(); // what the book had let go of before a restart
        } finally {
            changes.unlock();
        }
        LOG.info("alert state restored: {} records, {} alerts kept, in {} ms", count, alerts.size(),
                (System.nanoTime() - started) / 1_000_000);
        running = true;
    }

    /** One record of the state topic into the book: an alert's state, or (null) its leaving the book. */
    private void replay(String alertId, AlertRecord record) {
        if (record == null) {
            synchronized (this) {
                alerts.remove(alertId);
                evicted.remove(alertId);
            }
            return;
        }
        keep(record);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the Kafka listener containers, which start late in the default phase. */
    @Override
    public int getPhase() {
        return 0;
    }
}
