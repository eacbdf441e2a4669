package org.wattwatch.notifier.delivery;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.notifier.channel.AlertChannel;
import org.wattwatch.notifier.channel.DeliveryErrors;
import org.wattwatch.notifier.channel.PermanentDeliveryException;
import org.wattwatch.notifier.message.AlertMessage;
import org.wattwatch.notifier.message.AlertMessages;

/**
 * Delivers one notification on its channel. A failure is thrown back to Kafka: the record moves
 * to the next retry topic with a longer delay ({@link DeliveryRetryConfig}), and after the budget to
 * {@code power.notifications.dlq}. Each (alert event, channel) is delivered at most once, even
 * when Kafka hands the record over again after a restart or rebalance. Once a channel has accepted a
 * message it is never sent again: if recording the delivery then fails (Kafka away), the record is
 * retried for the recording alone.
 */
@Component("notificationDeliverer")
class NotificationDeliverer {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDeliverer.class);

    private final Map<String, AlertChannel> channels;
    private final AlertBook book;
    private final AlertMessages messages;
    private final ChannelHealth health;
    private final MeterRegistry registry;
    private final ChannelCalls calls;
    private final ChannelAlerts channelAlerts;
    private final Clock clock;
    /** Accepted by their channel, not yet recorded in the book. */
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();

    NotificationDeliverer(List<AlertChannel> channels, AlertBook book, AlertMessages messages, ChannelHealth health,
            MeterRegistry registry, ChannelCalls calls, ChannelAlerts channelAlerts, Clock clock) {
        this.channelAlerts = channelAlerts;
        this.clock = clock;
        this.channels = channels.stream().collect(Collectors.toMap(AlertChannel::name, Function.identity()));
        this.book = book;
        this.messages = messages;
        this.health = health;
        this.registry = registry;
        this.calls = calls;
    }

    @KafkaListener(id = "notifications", groupId = "${wattwatch.topics.prefix:}notifications",
            topics = "#{@topicNames.notifications()}",
            properties = "spring.deserializer.value.delegate.class=org.wattwatch.notifier.delivery.NotificationDeserializer")
    void deliver(Notification notification) throws Exception {
        String alertId = notification.anomaly().alertId();
        String name = notification.channel();
        if (notification.events().stream().allMatch(e -> book.status(e.alertId(), e.deliveryKey(), name)
                .filter(DeliveryStatus::isFinal).isPresent())) {
            registry.counter("wattwatch.notifier.deliveries.duplicate", "channel", name).increment();
            return;
        }
        String acceptedId = acceptedId(notification);
        if (accepted.contains(acceptedId)) {
            registry.counter("wattwatch.notifier.deliveries.duplicate", "channel", name).increment();
            recordDelivered(notification, acceptedId);
            return;
        }
        AlertChannel channel = channels.get(name);
        if (channel == null) {
            throw new PermanentDeliveryException("channel '" + name + "' is not enabled on this notifier", null);
        }
        Timer.Sample sample = Timer.start(registry);
        try {
            calls.deliver(channel, message(notification));
        } catch (Exception e) {
            boolean permanent = e instanceof PermanentDeliveryException;
            // what is stored or shown of it (log, alert list, state and retry topics, health) never
            // carries the provider's URL, often the secret itself
            String error = DeliveryErrors.describe(e);
            LOG.warn("{} could not deliver {} of alert {}{}: {}", name, notification.deliveryKey(), alertId,
                    permanent ? " (not retried)" : " (will retry)", error);
            record(notification, permanent ? DeliveryStatus.Outcome.FAILED : DeliveryStatus.Outcome.RETRYING, error);
            health.failed(name, error, permanent)
                    .ifPresent(since -> channelAlerts.failing(name, since, clock.instant()));
            sample.stop(timer(name, permanent ? "failed" : "retried"));
            throw permanent ? new PermanentDeliveryException(error, null) : new DeliveryFailedException(error);
        }
        accepted.add(acceptedId);
        health.delivered(name).ifPresent(since -> channelAlerts.deliversAgain(name, since, clock.instant()));
        sample.stop(timer(name, "sent"));
        recordDelivered(notification, acceptedId);
    }

    /** The one (alert event, channel) a notification is: what {@link #accepted} holds. */
    private static String acceptedId(Notification n) {
        return n.anomaly().alertId() + "|" + AlertRecord.deliveryId(n.deliveryKey(), n.channel());
    }

    private void recordDelivered(Notification notification, String acceptedId) {
        record(notification, DeliveryStatus.Outcome.DELIVERED, null);
        accepted.remove(acceptedId);
    }

    /** What became of every event the notification tells. */
    private void record(Notification notification, DeliveryStatus.Outcome outcome, String detail) {
        for (Notification.Told event : notification.events()) {
            book.record(event.alertId(), event.deliveryKey(), notification.channel(), outcome, detail);
        }
    }

    /** A digest tells each of its alerts as the book knows it now (its latest event), oldest first. */
    private AlertMessage message(Notification notification) {
        if (notification.digest().isEmpty()) {
            return messages.render(notification.anomaly(), notification.idempotencyKey());
        }
        List<Anomaly> alerts = notification.digest().stream().map(Notification.Told::alertId).distinct()
                .map(book::get).flatMap(Optional::stream).map(AlertRecord::anomaly)
                .sorted(Comparator.comparing(Anomaly::raisedAt)).toList();
        return messages.digest(alerts.isEmpty() ? List.of(notification.anomaly()) : alerts,
                notification.idempotencyKey());
    }

    /** The retry budget ran out or the failure was permanent; the record is on the dead-letter topic. */
    void deadLettered(ConsumerRecord<?, ?> record,
            @Header(name = KafkaHeaders.EXCEPTION_MESSAGE, required = false) String reason) {
        registry.counter("wattwatch.notifier.notifications.dead.lettered").increment();
        if (record.value() instanceof Notification n) {
            accepted.remove(acceptedId(n));
            LOG.error("gave up delivering {} of alert {} on {}: {}", n.deliveryKey(), n.anomaly().alertId(),
                    n.channel(), DeliveryErrors.safe(reason));
            record(n, DeliveryStatus.Outcome.FAILED, "gave up: " + DeliveryErrors.safe(reason));
        } else {
            LOG.error("unreadable notification dead-lettered: {}", DeliveryErrors.safe(reason));
        }
    }

    private Timer timer(String channel, String outcome) {
        return registry.timer("wattwatch.notifier.deliveries", "channel", channel, "outcome", outcome);
    }
}
