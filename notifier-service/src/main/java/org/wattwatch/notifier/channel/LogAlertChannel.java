package org.wattwatch.notifier.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.wattwatch.notifier.message.AlertMessage;
import org.wattwatch.notifier.routing.ChannelRouting;

/** Writes alerts to the service log: always there, even before any phone or speaker is set up. */
@Component
@ConditionalOnBooleanProperty(name = "wattwatch.notifier.channels.log.enabled", matchIfMissing = true)
class LogAlertChannel implements AlertChannel {

    private static final Logger LOG = LoggerFactory.getLogger("wattwatch.alerts");

    /**
     * @param enabled on by default
     * @param routing what the log is told (default: everything)
     */
    @ConfigurationProperties("wattwatch.notifier.channels.log")
    record Properties(@DefaultValue("true") boolean enabled, @DefaultValue ChannelRouting routing) {
    }

    private final Properties properties;

    LogAlertChannel(Properties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return "log";
    }

    @Override
    public ChannelRouting routing() {
        return properties.routing();
    }

    @Override
    public void deliver(AlertMessage message) {
        if (message.isDigest()) {
            // a log line each: a log line is one line
            for (String line : message.text().split("\n")) {
                LOG.warn("ALERT DIGEST {}", line);
            }
            return;
        }
        LOG.warn("ALERT {} {} [{}] {}", message.anomaly().alertId(), message.anomaly().state(),
                message.anomaly().meterId(), message.text());
    }
}
