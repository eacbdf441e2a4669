package org.wattwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.wattwatch.devtools.ChildBroker;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.scoring.config.ScoringProperties;
import org.wattwatch.scoring.model.ActiveModel;
import org.wattwatch.scoring.model.ReadingScorer;
import org.wattwatch.scoring.topology.ScoringMetrics;
import org.wattwatch.scoring.topology.ScoringTopology;
import org.wattwatch.topics.TopicReplay;

/**
 * {@code ./wattwatch bench}: on one local broker (started here, a real Kafka in a child JVM), the
 * same per-minute readings go through (a) an exactly-once Kafka Streams pass-through, bytes in to
 * bytes out, and (b) the full scoring topology with a trained model; prints records/s of both, and
 * their ratio as the last line. Both run with the service's own Streams properties. Throughput is
 * the input offsets each pipeline commits (exactly-once: with its output), polled from the broker,
 * from the first commit to the last, so start-up and rebalancing are not counted and no reader of the
 * output competes for the cores; the output is counted afterwards and a short one fails the run.
 * Both pipelines first run {@code warmUps} times unrecorded: on two cores the JIT compiler's first
 * minute competes with what is measured. Then each runs {@code rounds} times and the median is reported. With {@code --parts}, the
 * {@link TopologyParts} run between the two, to show what each step of scoring costs.
 */
public final class PipelineBench {

    private static final String PREFIX = "bench.";
    private static final String PASS_THROUGH = "pass-through";
    private static final String SCORING = "scoring";
    private static final String PASS_THROUGH_OUTPUT = "bench.out";
    private static final String SERVICE_STREAMS_PROPERTIES = "spring.kafka.streams.properties.";
    private static final Properties SERVICE_STREAMS = serviceStreamsProperties();

    private PipelineBench() {
    }

    public static void main(String[] options) throws Exception {
        boolean parts = List.of(options).contains("--parts");
        String[] args = List.of(options).stream().filter(a -> !a.equals("--parts")).toArray(String[]::new);
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String model = args.length > 1 ? args[1] : "model-package/src/test/resources/models/seed-like-gbm.zip";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmUps = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        try (ChildBroker broker = ChildBroker.start(Files.createTempDirectory("wattwatch-bench"))) {
            String bootstrap = broker.bootstrapServers();
            TopicNames topics = new TopicNames(PREFIX);
            String input = topics.readings();
            // every topic the pipelines write, as the service and the chart create them, before any run
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(Stream.of(input, PASS_THROUGH_OUTPUT, topics.scored(), topics.anomalies(),
                        topics.readingsDlq()).map(topic -> new NewTopic(topic, 2, (short) 1)).toList()).all().get();
            }
            System.out.printf(Locale.ROOT, "producing %d readings (100 meters, one a minute)...%n", records);
            produce(bootstrap, input, records);

            Map<String, Pipeline> pipelines = new LinkedHashMap<>();
            pipelines.put(PASS_THROUGH, new Pipeline(PipelineBench::passThrough, PASS_THROUGH_OUTPUT));
            if (parts) {
                for (TopologyParts part : TopologyParts.values()) {
                    pipelines.put(part.label(),
                            new Pipeline(part.topology(input, PASS_THROUGH_OUTPUT), PASS_THROUGH_OUTPUT));
                }
            }
            pipelines.put(SCORING, new Pipeline(scoringTopology(model), topics.scored()));

            Map<String, List<Double>> measured = new LinkedHashMap<>();
            for (int round = 1 - warmUps; round <= rounds; round++) {
                StringBuilder line = new StringBuilder(round < 1 ? "warm-up:" : "round " + round + ":");
                for (Map.Entry<String, Pipeline> pipeline : pipelines.entrySet()) {
                    String name = pipeline.getKey();
                    double perSecond = run(bootstrap, input, records, name, pipeline.getValue().build(),
                            pipeline.getValue().output());
                    line.append(String.format(Locale.ROOT, " %s %,.0f records/s,", name, perSecond));
                    if (round >= 1) {
                        measured.computeIfAbsent(name, n -> new ArrayList<>()).add(perSecond);
                    }
                }
                System.out.println(line.substring(0, line.length() - 1));
            }
            double a = median(measured.get(PASS_THROUGH));
            double b = median(measured.get(SCORING));
            System.out.printf(Locale.ROOT, "pass-through (exactly-once, bytes in -> bytes out): %,.0f records/s%n", a);
            measured.forEach((name, values) -> {
                if (!name.equals(PASS_THROUGH) && !name.equals(SCORING)) {
                    System.out.printf(Locale.ROOT, "  %s: %,.0f records/s (%.2f)%n", name, median(values),
                            median(values) / a);
                }
            });
            System.out.printf(Locale.ROOT, "scoring topology (model %s): %,.0f records/s%n", Path.of(model).getFileName(), b);
            System.out.printf(Locale.ROOT, "ratio=%.2f%n", b / a);
        }
    }

    /** A topology to measure and the topic whose records count as its output. */
    private record Pipeline(Consumer<StreamsBuilder> build, String output) {
    }

    private static void passThrough(StreamsBuilder builder) {
        builder.stream(new TopicNames(PREFIX).readings(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(PASS_THROUGH_OUTPUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
    }

    private static Consumer<StreamsBuilder> scoringTopology(String model) {
        ScoringProperties properties = ScoringProperties.of(ZoneId.of("Europe/Paris"), 1.0, "file:" + model);
        ReadingScorer scorer = new ReadingScorer(new ActiveModel(properties, new DefaultResourceLoader()), properties);
        ScoringTopology topology = new ScoringTopology(scorer, new ScoringMetrics(new SimpleMeterRegistry()),
                new TopicNames(PREFIX), properties);
        return topology::build;
    }

    private static double run(String bootstrap, String input, int records, String name, Consumer<StreamsBuilder> build,
            String output) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        build.accept(builder);
        Topology topology = builder.build();
        String application = "bench-" + name + "-" + UUID.randomUUID();
        Properties config = new Properties();
        config.putAll(SERVICE_STREAMS);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bench-state").toString());
        config.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        Map<TopicPartition, Long> before = ends(bootstrap, output);
        long first = 0;
        long firstCommitted = 0;
        long last = 0;
        long committed = 0;
        try (KafkaStreams streams = new KafkaStreams(topology, config);
                Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            streams.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (committed < records && System.nanoTime() < deadline && streams.state() != KafkaStreams.State.ERROR) {
                long now = committed(admin, application);
                if (now > committed) {
                    if (committed == 0) {
                        first = System.nanoTime();
                        firstCommitted = now;
                    }
                    committed = now;
                    last = System.nanoTime();
                }
                Thread.sleep(10); // polling the broker's committed offsets, not synchronising a test
            }
        }
        if (committed < records) {
            throw new IllegalStateException(name + " committed " + committed + " of " + records + " readings");
        }
        long written = written(bootstrap, before);
        if (written < records) {
            throw new IllegalStateException(name + " wrote " + written + " of " + records + " records to " + output);
        }
        return (committed - firstCommitted) / ((last - first) / 1e9);
    }

    /** Where the output topic ends now, so the run's committed output can be counted after it. */
    private static Map<TopicPartition, Long> ends(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = reader(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** Committed records written after {@code from}: the run is only counted when its output is all there. */
    private static long written(String bootstrap, Map<TopicPartition, Long> from) {
        try (KafkaConsumer<String, byte[]> consumer = reader(bootstrap)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            return TopicReplay.toEnd(consumer, "the run's output", Duration.ofMinutes(5), r -> { }, (r, e) -> { });
        }
    }

    private static KafkaConsumer<String, byte[]> reader(String bootstrap) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed",
                "enable.auto.commit", false), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The Streams properties the scoring service runs with (its {@code scoring-service.yml}:
     * exactly-once, one stream thread, producer batches), for both pipelines alike.
     */
    private static Properties serviceStreamsProperties() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("scoring-service.yml"));
        Properties service = Objects.requireNonNull(yaml.getObject());
        Properties streams = new Properties();
        service.forEach((key, value) -> {
            if (key.toString().startsWith(SERVICE_STREAMS_PROPERTIES)) {
                streams.put(key.toString().substring(SERVICE_STREAMS_PROPERTIES.length()), value.toString());
            }
        });
        if (!StreamsConfig.EXACTLY_ONCE_V2.equals(streams.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))) {
            throw new IllegalStateException("scoring-service.yml no longer asks for exactly_once_v2: " + streams);
        }
        return streams;
    }

    private static long committed(Admin admin, String application) throws Exception {
        return admin.listConsumerGroupOffsets(application).partitionsToOffsetAndMetadata().get().values().stream()
                .filter(Objects::nonNull).mapToLong(o -> o.offset()).sum();
    }

    private static void produce(String bootstrap, String topic, int records) throws Exception {
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "linger.ms", 20, "batch.size", 262_144, "compression.type", "lz4"), new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                String meter = "meter-" + (i % 100);
                Instant s = start.plusSeconds(60L * (i / 100));
                producer.send(new ProducerRecord<>(topic, meter, EventJson.write(new MeterReading(1, meter, s,
                        s.plusSeconds(60), 3 + (i % 7), 3, "bench", i / 100))));
            }
            producer.flush();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
