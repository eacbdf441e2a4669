package org.wattwatch.scoring.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.Models;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.scoring.model.ModelRegistry.InUse;

/**
 * The owner's changes of model: a new model for a meter (or the default), or back to the one before. Each
 * is recorded on {@code power.models} and answered once this instance scores with it, so the answer
 * tells the truth about what scores the next reading.
 */
@Component
public class ModelChanges implements DisposableBean {

    /** How long a recorded change may take to be applied here before the request fails. */
    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(30);

    private final ModelRegistry registry;
    private final KafkaProducer<String, byte[]> producer;
    private final Clock clock;

    public ModelChanges(ModelRegistry registry, KafkaProperties kafka, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        Map<String, Object> producerConfig = new HashMap<>(kafka.buildProducerProperties());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, ModelRegistry.MAX_MODEL_BYTES);
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Records a new model for a meter (or {@link ModelAssignment#DEFAULT}) after checking it loads,
     * and waits until this instance uses it.
     *
     * @throws IOException or a model format error when the file is not a usable model
     */
    public InUse assign(String meter, String fileName, byte[] file) throws IOException {
        EnvelopeModel model = Models.read(new ByteArrayInputStream(file), fileName);
        ModelAssignment.ModelFile previous = registry.assigned(meter).map(c -> c.assignment().active())
                .orElse(meter.equals(ModelAssignment.DEFAULT) ? registry.configuredFile() : null);
        ModelAssignment assignment = new ModelAssignment(ModelAssignment.SCHEMA_VERSION, meter,
                new ModelAssignment.ModelFile(fileName, model.version(), Base64.getEncoder().encodeToString(file)),
                previous, clock.instant());
        return publish(meter, EventJson.write(assignment), model.version());
    }

    /** Back to the model before the current one; a meter with none before goes back to the default. */
    public Optional<InUse> rollback(String meter) {
        InUse current = registry.assigned(meter).orElse(null);
        if (current == null) {
            return Optional.empty();
        }
        ModelAssignment.ModelFile before = current.assignment().previous();
        if (before == null) {
            publish(meter, null, null);
            return Optional.of(new InUse(registry.defaultModel(), null));
        }
        ModelAssignment assignment = new ModelAssignment(ModelAssignment.SCHEMA_VERSION, meter, before,
                current.assignment().active(), clock.instant());
        return Optional.of(publish(meter, EventJson.write(assignment), before.version()));
    }

    private InUse publish(String meter, byte[] value, String version) {
        String topic = registry.topic();
        try {
            if (meter.equals(ModelAssignment.DEFAULT)) {
                // a record under the default's former key would come back at the next replay
                producer.send(new ProducerRecord<>(topic, ModelAssignment.LEGACY_DEFAULT, null));
            }
            producer.send(new ProducerRecord<>(topic, meter, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not record the model change for " + meter + " on " + topic, e);
        }
        return registry.awaitApplied(meter, version, APPLIED_WITHIN);
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }
}
