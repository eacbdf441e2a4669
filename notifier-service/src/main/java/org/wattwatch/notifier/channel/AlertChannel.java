package org.wattwatch.notifier.channel;

import org.wattwatch.model.alert.Anomaly;

/**
 * One way of telling the owner. Each channel is a Spring bean switched on by its own
 * {@code wattwatch.notifier.channels.<name>.enabled} property; adding one needs no other change.
 */
public interface AlertChannel {

    /** Stable name, used in properties, metrics and delivery status. */
    String name();

    /** Delivers the alert or throws; the caller records the outcome. */
    void deliver(Anomaly anomaly) throws Exception;
}
