package org.wattwatch.notifier.delivery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.wattwatch.event.alert.AlertKind;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.notifier.config.NotifierProperties;

/**
 * A channel that keeps failing is an alert of its own, told through the other channels, with the
 * usual lifecycle: RAISED when it starts to count as failing, RESOLVED at its next delivery. An
 * owner whose push token was revoked hears of it from the speaker, instead of missing every alert.
 */
@Component
class ChannelAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelAlerts.class);

    private final NotificationDispatcher dispatcher;
    private final ZoneId zone;

    ChannelAlerts(@Lazy NotificationDispatcher dispatcher, NotifierProperties properties) {
        this.dispatcher = dispatcher;
        this.zone = properties.zone();
    }

    void failing(String channel, Instant since, Instant now) {
        tell(channel, AnomalyState.RAISED, since, now);
    }

    void deliversAgain(String channel, Instant since, Instant now) {
        tell(channel, AnomalyState.RESOLVED, since, now);
    }

    private void tell(String channel, AnomalyState state, Instant since, Instant now) {
        Instant end = now.isAfter(since) ? now : since.plusMillis(1);
        Anomaly alert = new Anomaly(Anomaly.SCHEMA_VERSION, Anomaly.alertIdFor(channel + "|channel", since), state,
                channel, since, end, LocalDateTime.ofInstant(since, zone), zone.getId(), 0, 0, 0, 0, "notifier",
                since, 0, AlertKind.CHANNEL);
        try {
            dispatcher.dispatch(alert);
        } catch (Exception e) {
            LOG.error("could not tell that {} {}: {}", channel, state == AnomalyState.RAISED ? "fails" : "delivers again",
                    e.toString());
        }
    }
}
