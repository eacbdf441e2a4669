package org.wattwatch.notifier.mqtt;

import java.util.Collection;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.wattwatch.event.json.EventFormatException;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.score.ScoredReading;
import org.wattwatch.event.validation.InvalidEventException;

/**
 * Follows {@code power.scored} from its end for the meters' live values. From the end, at every start: a
 * device shows the newest reading, and a reading read again after a restart would take the energy total
 * back to an older value, which HA's Energy dashboard counts as a new meter. Nothing is lost by it: the
 * total is the meter's whole count, so the next reading carries every watt-hour in between. Committed
 * records only, so a scoring transaction that was aborted (and done again) is not shown twice.
 */
class ScoredReadings implements ConsumerSeekAware {

    private static final Logger LOG = LoggerFactory.getLogger(ScoredReadings.class);

    private final HomeAssistantDevices devices;
    private final Counter unreadable;

    ScoredReadings(HomeAssistantDevices devices, MeterRegistry registry) {
        this.devices = devices;
        this.unreadable = Counter.builder("wattwatch.notifier.mqtt.scored.unreadable")
                .description("records on power.scored that could not be read, left out of Home Assistant")
                .register(registry);
    }

    @KafkaListener(id = "homeassistant-states", groupId = "${wattwatch.topics.prefix:}wattwatch-notifier-mqtt",
            topics = "#{@topicNames.scored()}", properties = {
                "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "isolation.level=read_committed"})
    void scored(ConsumerRecord<String, byte[]> record) {
        ScoredReading scored;
        try {
            scored = EventJson.readValidWithLaterFields(record.value(), ScoredReading.class, ScoredReading::violations);
        } catch (EventFormatException | InvalidEventException e) {
            unreadable.increment();
            LOG.warn("power.scored record at {}-{}@{} left out of Home Assistant: {}", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        devices.scored(scored);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        Collection<TopicPartition> partitions = assignments.keySet();
        callback.seekToEnd(partitions);
    }
}
