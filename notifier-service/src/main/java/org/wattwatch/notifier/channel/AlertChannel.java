package org.wattwatch.notifier.channel;

import org.wattwatch.notifier.message.AlertMessage;
import org.wattwatch.notifier.routing.ChannelRouting;

/**
 * One way of telling the owner. Each channel is a Spring bean switched on by its own
 * {@code wattwatch.notifier.channels.<name>.enabled} property; adding one needs no other change.
 */
public interface AlertChannel {

    /** Stable name, used in properties, metrics, delivery status and notification records. */
    String name();

    /** Which events this channel is told, and when. */
    ChannelRouting routing();

    /**
     * Delivers the message or throws. A {@link PermanentDeliveryException} means retrying cannot
     * help (a rejected token, a bad request); anything else is retried with backoff.
     */
    void deliver(AlertMessage message) throws Exception;
}
