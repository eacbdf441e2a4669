package org.wattwatch.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wattwatch.event.alert.AlertKind;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.notifier.config.NotifierProperties;
import org.wattwatch.notifier.delivery.AlertBook.HeldEvent;
import org.wattwatch.notifier.message.AlertMessages;

/**
 * After an outage the readings of hours or days arrive at once, and with them their alerts. A channel is
 * told the first few late events one by one (an owner back from a short outage hears of them as usual);
 * the rest wait in the alert book, and once no late event has come for a while they are told in one
 * digest, queued like any notification (so it is retried, delivered at most once, and never holds up
 * another channel).
 */
@Component
class Backlog {

    private static final Logger LOG = LoggerFactory.getLogger(Backlog.class);

    private final AlertBook book;
    private final AlertMessages messages;
    private final KafkaTemplate<Object, Object> kafka;
    private final TopicNames topics;
    private final MeterRegistry registry;
    private final Clock clock;
    private final int burst;
    private final Duration quiet;
    /** Per channel, the late events told one by one in the current burst, and when the last late one came. */
    private final Map<String, Burst> bursts = new HashMap<>();

    private record Burst(int toldAlone, Instant lastLate) {
    }

    @SuppressWarnings("unchecked")
    Backlog(AlertBook book, AlertMessages messages, KafkaTemplate<?, ?> kafka, TopicNames topics,
            MeterRegistry registry, Clock clock, NotifierProperties properties) {
        this.book = book;
        this.messages = messages;
        this.kafka = (KafkaTemplate<Object, Object>) kafka;
        this.topics = topics;
        this.registry = registry;
        this.clock = clock;
        this.burst = properties.backlogBurst();
        this.quiet = properties.backlogQuiet();
    }

    /** Whether this event waits for the channel's digest rather than being told now. */
    synchronized boolean holds(Anomaly anomaly, String channel) {
        if (anomaly.kind() == AlertKind.CHANNEL || !messages.late(anomaly)) {
            return false;
        }
        Instant now = clock.instant();
        Burst current = bursts.get(channel);
        // a quiet spell ends the burst: the next late event starts a new one
        boolean newBurst = current == null || Duration.between(current.lastLate(), now).compareTo(quiet) >= 0;
        int toldAlone = newBurst ? 0 : current.toldAlone();
        boolean hold = toldAlone >= burst;
        bursts.put(channel, new Burst(hold ? toldAlone : toldAlone + 1, now));
        return hold;
    }

    /** Queues a digest for each channel whose held events have stopped coming. */
    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.SECONDS)
    void sendDigests() throws Exception {
        Instant now = clock.instant();
        Map<String, List<HeldEvent>> byChannel = book.held().stream()
                .collect(Collectors.groupingBy(HeldEvent::channel, TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<HeldEvent>> entry : byChannel.entrySet()) {
            List<HeldEvent> held = entry.getValue();
            Instant newest = held.stream().map(HeldEvent::heldAt).max(Comparator.naturalOrder()).orElseThrow();
            if (Duration.between(newest, now).compareTo(quiet) < 0) {
                continue;
            }
            queue(entry.getKey(), held, now);
        }
    }

    /** Queue first, then note it: a crash in between queues it again, and the deliverer drops the repeat. */
    private void queue(String channel, List<HeldEvent> held, Instant now) throws Exception {
        Anomaly latest = held.stream().map(h -> h.alert().anomaly())
                .max(Comparator.comparing(Anomaly::intervalEnd)).orElseThrow();
        List<Notification.Told> told = held.stream()
                .map(h -> new Notification.Told(h.alert().anomaly().alertId(), h.deliveryKey())).toList();
        kafka.send(topics.notifications(), latest.meterId(), new Notification(Notification.SCHEMA_VERSION, channel,
                "DIGEST@" + now.toEpochMilli(), latest, told)).get(30, TimeUnit.SECONDS);
        for (HeldEvent h : held) {
            book.record(h.alert().anomaly().alertId(), h.deliveryKey(), channel, DeliveryStatus.Outcome.PENDING,
                    "in a digest of " + held.size() + " late events");
        }
        registry.counter("wattwatch.notifier.digests", "channel", channel).increment();
        LOG.info("{} late events for {} queued as one digest", held.size(), channel);
    }
}
