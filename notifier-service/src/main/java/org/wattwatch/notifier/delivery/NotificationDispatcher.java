package org.wattwatch.notifier.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.wattwatch.event.alert.AlertKind;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.notifier.channel.AlertChannel;
import org.wattwatch.notifier.message.AlertMessages;
import org.wattwatch.notifier.routing.RoutingPolicy;

/**
 * Turns each anomaly event into one notification per channel that should hear of it, and records
 * why the others do not. Routing is decided once, here, so a retry later cannot change its mind.
 */
@Component
class NotificationDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final List<AlertChannel> channels;
    private final AlertBook book;
    private final AlertMessages messages;
    private final KafkaTemplate<Object, Object> kafka;
    private final MeterRegistry registry;
    private final Clock clock;
    private final TopicNames topics;
    private final Backlog backlog;

    @SuppressWarnings("unchecked")
    NotificationDispatcher(List<AlertChannel> channels, AlertBook book, AlertMessages messages,
            KafkaTemplate<?, ?> kafka, MeterRegistry registry, Clock clock, TopicNames topics, Backlog backlog) {
        this.topics = topics;
        this.backlog = backlog;
        this.channels = channels;
        this.book = book;
        this.messages = messages;
        this.kafka = (KafkaTemplate<Object, Object>) kafka;
        this.registry = registry;
        this.clock = clock;
        LOG.info("alert channels enabled: {}", channels.stream().map(AlertChannel::name).toList());
    }

    @KafkaListener(id = "anomalies", groupId = "${wattwatch.topics.prefix:}anomalies",
            topics = "#{@topicNames.anomalies()}")
    void dispatch(Anomaly anomaly) throws Exception {
        book.received(anomaly, messages.text(anomaly));
        for (AlertChannel channel : channels) {
            String key = RoutingPolicy.deliveryKey(anomaly, channel.routing().reminderEvery());
            if (book.status(anomaly.alertId(), key, channel.name()).isPresent()) {
                registry.counter("wattwatch.notifier.events.already.handled", "channel", channel.name()).increment();
                continue;
            }
            Optional<String> skip = skipReason(anomaly, channel);
            if (skip.isPresent()) {
                book.record(anomaly.alertId(), key, channel.name(), DeliveryStatus.Outcome.SKIPPED, skip.get());
                registry.counter("wattwatch.notifier.deliveries.skipped", "channel", channel.name()).increment();
                continue;
            }
            if (backlog.holds(anomaly, channel.name())) {
                book.record(anomaly.alertId(), key, channel.name(), DeliveryStatus.Outcome.HELD,
                        "late: told in the backlog's digest");
                registry.counter("wattwatch.notifier.deliveries.held", "channel", channel.name()).increment();
                continue;
            }
            // queue first, then note it: a crash in between re-queues, and the deliverer drops the repeat
            kafka.send(topics.notifications(), anomaly.meterId(),
                    new Notification(Notification.SCHEMA_VERSION, channel.name(), key, anomaly))
                    .get(30, TimeUnit.SECONDS);
            book.record(anomaly.alertId(), key, channel.name(), DeliveryStatus.Outcome.PENDING, null);
        }
    }

    private Optional<String> skipReason(Anomaly anomaly, AlertChannel channel) {
        if (anomaly.kind() == AlertKind.CHANNEL && anomaly.meterId().equals(channel.name())) {
            return Optional.of("this alert is about this channel, which cannot deliver");
        }
        Optional<String> routing = RoutingPolicy.skipReason(anomaly, channel.routing(), clock.instant(),
                book.snoozedUntil(anomaly.alertId()).orElse(null));
        if (routing.isPresent() || anomaly.state() == AnomalyState.RAISED) {
            return routing;
        }
        boolean toldRaised = book.status(anomaly.alertId(), AnomalyState.RAISED.name(), channel.name())
                .filter(s -> s.outcome() != DeliveryStatus.Outcome.SKIPPED).isPresent();
        return toldRaised ? Optional.empty()
                : Optional.of("this channel was not told the alert was raised, so it is not told more");
    }
}
