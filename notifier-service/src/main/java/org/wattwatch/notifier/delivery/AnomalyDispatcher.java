package org.wattwatch.notifier.delivery;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.wattwatch.model.alert.Anomaly;
import org.wattwatch.model.topic.Topics;
import org.wattwatch.notifier.channel.AlertChannel;
import org.wattwatch.notifier.message.AlertMessages;

/**
 * Hands every anomaly to every enabled channel. A channel that fails is recorded and counted and
 * never keeps the others from delivering.
 */
@Component
class AnomalyDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(AnomalyDispatcher.class);

    private final List<AlertChannel> channels;
    private final AlertBook book;
    private final AlertMessages messages;
    private final MeterRegistry registry;
    private final Clock clock;

    AnomalyDispatcher(List<AlertChannel> channels, AlertBook book, AlertMessages messages, MeterRegistry registry) {
        this.channels = channels;
        this.book = book;
        this.messages = messages;
        this.registry = registry;
        this.clock = Clock.systemUTC();
        LOG.info("alert channels enabled: {}", channels.stream().map(AlertChannel::name).toList());
    }

    @KafkaListener(id = "anomalies", topics = Topics.ANOMALIES)
    void dispatch(Anomaly anomaly) {
        book.received(anomaly, messages.text(anomaly), clock.instant());
        for (AlertChannel channel : channels) {
            if (book.isDelivered(anomaly.alertId(), channel.name())) {
                registry.counter("wattwatch.notifier.deliveries.duplicate", "channel", channel.name()).increment();
                continue;
            }
            deliver(channel, anomaly);
        }
    }

    private void deliver(AlertChannel channel, Anomaly anomaly) {
        Timer.Sample sample = Timer.start(registry);
        try {
            channel.deliver(anomaly);
            book.record(anomaly.alertId(), channel.name(), DeliveryStatus.delivered(clock.instant()));
            sample.stop(registry.timer("wattwatch.notifier.deliveries", "channel", channel.name(), "outcome", "sent"));
        } catch (Exception e) {
            LOG.warn("channel {} failed to deliver alert {}: {}", channel.name(), anomaly.alertId(), e.toString());
            book.record(anomaly.alertId(), channel.name(), DeliveryStatus.failed(clock.instant(), e.getMessage()));
            sample.stop(registry.timer("wattwatch.notifier.deliveries", "channel", channel.name(), "outcome", "failed"));
        }
    }
}
