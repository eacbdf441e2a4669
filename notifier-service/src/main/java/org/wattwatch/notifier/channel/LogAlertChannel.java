package org.wattwatch.notifier.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.wattwatch.model.alert.Anomaly;
import org.wattwatch.notifier.message.AlertMessages;

/** Writes the alert to the service log: always there, even before any phone or speaker is set up. */
@Component
@ConditionalOnProperty(name = "wattwatch.notifier.channels.log.enabled", havingValue = "true", matchIfMissing = true)
class LogAlertChannel implements AlertChannel {

    private static final Logger LOG = LoggerFactory.getLogger("wattwatch.alerts");

    private final AlertMessages messages;

    LogAlertChannel(AlertMessages messages) {
        this.messages = messages;
    }

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void deliver(Anomaly anomaly) {
        LOG.warn("ALERT {} [{}] {}", anomaly.alertId(), anomaly.meterId(), messages.text(anomaly));
    }
}
