package org.wattwatch.devtools;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.topic.TopicNames;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Publishes one reading by hand, like the 2018 demo's read_power script, to watch it flow through. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Publish one meter reading to power.readings.")
class SendReading implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--meter", required = true, description = "meter id, e.g. main")
    String meter;

    @Option(names = "--at", required = true, description = "interval start on the home's clock, e.g. 2026-01-05T04:00")
    LocalDateTime at;

    @Option(names = "--wh", required = true, description = "energy used in the interval, Wh")
    double wh;

    @Option(names = "--minutes", defaultValue = "60", description = "interval length (default ${DEFAULT-VALUE})")
    int minutes;

    @Option(names = "--zone", defaultValue = "${WATTWATCH_ZONE:-UTC}",
            description = "the home's time zone (default $WATTWATCH_ZONE or UTC): must match the scoring service's")
    ZoneId zone;

    @Option(names = "--bootstrap-servers", defaultValue = "${WATTWATCH_KAFKA:-127.0.0.1:9092}",
            description = "Kafka (default $WATTWATCH_KAFKA or ${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(names = "--topic-prefix", defaultValue = "${WATTWATCH_TOPICS_PREFIX:-}",
            description = "prefix of the topic names (default $WATTWATCH_TOPICS_PREFIX or none)")
    String topicPrefix;

    @Override
    public Integer call() throws Exception {
        if (minutes < 1) {
            throw new ParameterException(spec.commandLine(), "--minutes must be at least 1, was " + minutes);
        }
        MeterReading reading = reading(meter, at, zone, Duration.ofMinutes(minutes), wh);
        if (!reading.violations().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "not a valid reading: " + reading.violations());
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000),
                new StringSerializer(), new ByteArraySerializer())) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(new TopicNames(topicPrefix).readings(), meter, EventJson.write(reading))).get();
            System.out.printf("sent %s Wh for meter %s at %s %s (%s), partition %d offset %d%n", wh, meter, at, zone,
                    reading.intervalStart(), sent.partition(), sent.offset());
        }
        return 0;
    }

    /** A hand-made reading: 1000 impulses per kWh, sequence from the interval's index like the agent's. */
    static MeterReading reading(String meter, LocalDateTime at, ZoneId zone, Duration length, double wh) {
        Instant start = at.atZone(zone).toInstant();
        long pulses = Math.round(wh);
        return new MeterReading(MeterReading.SCHEMA_VERSION, meter, start, start.plus(length), wh, pulses, "cli",
                start.toEpochMilli() / length.toMillis());
    }
}
