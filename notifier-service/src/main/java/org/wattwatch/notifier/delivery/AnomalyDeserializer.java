package org.wattwatch.notifier.delivery;

import org.apache.kafka.common.serialization.Deserializer;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.json.EventJson;

/** Reads and validates an anomaly; wrapped in an ErrorHandlingDeserializer so a bad one is dead-lettered. */
public class AnomalyDeserializer implements Deserializer<Anomaly> {

    @Override
    public Anomaly deserialize(String topic, byte[] data) {
        return EventJson.readValid(data, Anomaly.class, Anomaly::violations);
    }
}
