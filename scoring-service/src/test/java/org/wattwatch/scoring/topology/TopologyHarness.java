package org.wattwatch.scoring.topology;

import java.time.ZoneId;
import java.util.Properties;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.springframework.core.io.DefaultResourceLoader;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.scoring.config.ScoringProperties;
import org.wattwatch.scoring.model.ActiveModel;
import org.wattwatch.scoring.model.ModelSource;
import org.wattwatch.scoring.model.ReadingScorer;

/** The scoring topology with the seed envelope on a TopologyTestDriver, and its topics. */
final class TopologyHarness implements AutoCloseable {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> readings;
    final TestOutputTopic<String, byte[]> scored;
    final TestOutputTopic<String, byte[]> anomalies;
    final TestOutputTopic<String, byte[]> deadLetters;
    final TestOutputTopic<String, byte[]> history;

    TopologyHarness(ZoneId zone) {
        this(zone, new TopicNames(""));
    }

    TopologyHarness(ZoneId zone, String model) {
        this(zone, new TopicNames(""), model);
    }

    TopologyHarness(ZoneId zone, TopicNames topics) {
        this(zone, topics, "classpath:models/seed-envelope.csv");
    }

    TopologyHarness(ZoneId zone, TopicNames topics, String model) {
        this(zone, topics, ScoringProperties.of(zone, 1.0, model), null);
    }

    /** With the models a source gives (the properties' model when {@code models} is null). */
    TopologyHarness(ZoneId zone, TopicNames topics, ScoringProperties properties, ModelSource models) {
        ReadingScorer scorer = new ReadingScorer(
                models != null ? models : new ActiveModel(properties, new DefaultResourceLoader()), properties);
        StreamsBuilder builder = new StreamsBuilder();
        new ScoringTopology(scorer, new ScoringMetrics(registry), topics, properties).build(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-test");
        driver = new TopologyTestDriver(builder.build(), config);
        readings = driver.createInputTopic(topics.readings(), new StringSerializer(), new ByteArraySerializer());
        scored = driver.createOutputTopic(topics.scored(), new StringDeserializer(), new ByteArrayDeserializer());
        anomalies = driver.createOutputTopic(topics.anomalies(), new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(topics.readingsDlq(), new StringDeserializer(), new ByteArrayDeserializer());
        history = driver.createOutputTopic(topics.history(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
