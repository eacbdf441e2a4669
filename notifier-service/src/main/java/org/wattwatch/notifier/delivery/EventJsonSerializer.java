package org.wattwatch.notifier.delivery;

import org.apache.kafka.common.serialization.Serializer;
import org.wattwatch.event.json.EventJson;

/**
 * Writes what the notifier produces (notifications, delivery state, dead letters) in the event
 * JSON form; dead letters that never parsed keep their original bytes.
 */
public class EventJsonSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        return EventJson.write(data);
    }
}
