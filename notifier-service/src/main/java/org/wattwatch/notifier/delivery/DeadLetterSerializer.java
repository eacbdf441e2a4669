package org.wattwatch.notifier.delivery;

import org.apache.kafka.common.serialization.Serializer;
import org.wattwatch.model.json.EventJson;

/**
 * Writes dead letters: records that failed to parse keep their original bytes, records that
 * parsed but failed later are written back in the event JSON form.
 */
public class DeadLetterSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        return EventJson.write(data);
    }
}
