package org.wattwatch.notifier.delivery;

import org.apache.kafka.common.serialization.Deserializer;
import org.wattwatch.event.json.EventJson;

/** Reads and validates a notification; wrapped in an ErrorHandlingDeserializer like anomalies. */
public class NotificationDeserializer implements Deserializer<Notification> {

    @Override
    public Notification deserialize(String topic, byte[] data) {
        return EventJson.readValidWithLaterFields(data, Notification.class, Notification::violations);
    }
}
