package org.wattwatch.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.wattwatch.agent.AgentApplication;
import org.wattwatch.agent.pulse.MeterInputs;
import org.wattwatch.agent.spool.ReadingSpool;
import org.wattwatch.devtools.ChildBroker;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.topic.Topics;

/**
 * The broker goes away mid-stream while the meter keeps blinking, comes back, and then the agent
 * itself is restarted: every reading the agent made reaches Kafka exactly once, in order, and the
 * energy in Kafka is exactly the blinks counted. The broker is a real one in a JVM of its own
 * (what {@code ./wattwatch broker} runs), so stopping it is stopping a process. And an agent whose
 * spool was wiped starts its sequence numbers again without losing a reading.
 */
class AgentOutageIT {

    @TempDir
    Path dir;

    private ChildBroker broker;

    @AfterEach
    void cleanUp() {
        if (broker != null) {
            broker.close();
        }
    }

    private ConfigurableApplicationContext startAgent() {
        return startAgent("spool");
    }

    private ConfigurableApplicationContext startAgent(String spool) {
        return AgentApplication.builder().run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--wattwatch.agent.agent-id=outage-agent", "--wattwatch.agent.interval=1s",
                "--wattwatch.agent.meters[0].id=main", "--wattwatch.agent.spool.dir=" + dir.resolve(spool),
                "--wattwatch.agent.simulator.heater-watts=20000", "--wattwatch.agent.simulator.seed=3");
    }

    @Test
    void everyReadingArrivesOnceInOrderThroughABrokerOutageAndAnAgentRestart() throws Exception {
        broker = ChildBroker.start(dir);
        List<MeterReading> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers(), "group.id", "outage-check", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.READINGS));

            ConfigurableApplicationContext first = startAgent();
            ReadingSpool spool = first.getBean(ReadingSpool.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> poll(consumer, seen) >= 3);

            broker.stop();
            await().atMost(Duration.ofSeconds(60)).until(() -> spool.size() >= 5); // blinks go on, readings wait
            broker.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> spool.size() == 0);

            Counter producedFirst = first.getBean(MeterRegistry.class).get("wattwatch.agent.readings.produced").counter();
            MeterInputs inputsFirst = first.getBean(MeterInputs.class);
            first.close();
            long blinks = inputsFirst.counter("main").totalPulses();

            ConfigurableApplicationContext second = startAgent();
            MeterRegistry secondRegistry = second.getBean(MeterRegistry.class);
            // the second agent's own readings, not the first's still on their way to this consumer
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Counter c = secondRegistry.find("wattwatch.agent.readings.produced").counter();
                return c != null && c.count() >= 3;
            });
            Counter producedSecond = secondRegistry.get("wattwatch.agent.readings.produced").counter();
            MeterInputs inputsSecond = second.getBean(MeterInputs.class);
            second.close();
            blinks += inputsSecond.counter("main").totalPulses();

            long produced = (long) (producedFirst.count() + producedSecond.count());
            await().atMost(Duration.ofSeconds(30)).until(() -> poll(consumer, seen) == produced);
            assertThat(seen).extracting(MeterReading::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, produced).boxed().toList());
            assertThat(seen.stream().mapToDouble(MeterReading::wh).sum()).isEqualTo((double) blinks);
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i).intervalStart()).isAfterOrEqualTo(seen.get(i - 1).intervalEnd());
            }
        }
    }

    @Test
    void anAgentWhoseSpoolWasWipedSendsEveryNewReading() throws Exception {
        broker = ChildBroker.start(dir);
        List<MeterReading> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers(), "group.id", "wipe-check", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.READINGS));
            ConfigurableApplicationContext first = startAgent("spool-before");
            await().atMost(Duration.ofSeconds(60)).until(() -> poll(consumer, seen) >= 8);
            Counter producedByFirst = produced(first);
            first.close();
            long producedFirst = (long) producedByFirst.count();

            // the same agent id with an empty spool directory: the SD card re-flashed
            ConfigurableApplicationContext second = startAgent("spool-after");
            MeterRegistry registry = second.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Counter c = registry.find("wattwatch.agent.readings.produced").counter();
                return c != null && c.count() >= 4;
            });
            Counter producedBySecond = produced(second);
            Counter skipped = registry.counter("wattwatch.agent.readings.already.in.kafka");
            second.close();
            long producedSecond = (long) producedBySecond.count();

            await().atMost(Duration.ofSeconds(30)).until(() -> poll(consumer, seen) == producedFirst + producedSecond);
            assertThat(skipped.count()).isZero();
            List<Long> sequences = seen.stream().map(MeterReading::sequence).toList();
            assertThat(sequences.subList((int) producedFirst, sequences.size()))
                    .as("numbered from 0 again, every one sent")
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, producedSecond).boxed().toList());
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i).intervalStart()).isAfterOrEqualTo(seen.get(i - 1).intervalEnd());
            }
        }
    }

    /**
     * The broker refuses the agent (an ACL denies it the readings topic, as a revoked credential would):
     * the agent says so in its health as a refusal, not an outage, keeps every reading in its spool, and
     * once it is let in again sends them all, in order, the energy equal to the blinks counted.
     */
    @Test
    void anAgentTheBrokerRefusesKeepsItsReadingsUntilItIsLetIn() throws Exception {
        broker = ChildBroker.startWithAcls(dir);
        AclBinding denied = new AclBinding(new ResourcePattern(ResourceType.TOPIC, Topics.READINGS, PatternType.LITERAL),
                new AccessControlEntry("User:ANONYMOUS", "*", AclOperation.WRITE, AclPermissionType.DENY));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createAcls(List.of(denied)).all().get();

            ConfigurableApplicationContext agent = startAgent();
            ReadingSpool spool = agent.getBean(ReadingSpool.class);
            HealthIndicator sender = agent.getBean("broker", HealthIndicator.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> spool.size() >= 4
                    && String.valueOf(sender.health().getDetails().get("kind")).startsWith("refused"));
            assertThat(agent.getBean(MeterRegistry.class).counter("wattwatch.agent.spool.set.aside").count())
                    .as("the readings are fine; the agent is refused").isZero();

            admin.deleteAcls(List.of(denied.toFilter())).all().get();
            await().atMost(Duration.ofSeconds(90)).until(() -> spool.size() == 0 && sender.health().getStatus()
                    .equals(org.springframework.boot.health.contributor.Status.UP));
            Counter produced = produced(agent);
            MeterInputs inputs = agent.getBean(MeterInputs.class);
            agent.close();
            long blinks = inputs.counter("main").totalPulses();

            List<MeterReading> seen = new ArrayList<>();
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                    broker.bootstrapServers(), "group.id", "refused-check", "auto.offset.reset", "earliest"),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.READINGS));
                await().atMost(Duration.ofSeconds(30)).until(() -> poll(consumer, seen) == (long) produced.count());
            }
            assertThat(seen).extracting(MeterReading::sequence).containsExactlyElementsOf(
                    java.util.stream.LongStream.range(0, (long) produced.count()).boxed().toList());
            assertThat(seen.stream().mapToDouble(MeterReading::wh).sum()).isEqualTo((double) blinks);
        }
    }

    private static Counter produced(ConfigurableApplicationContext agent) {
        return agent.getBean(MeterRegistry.class).get("wattwatch.agent.readings.produced").counter();
    }

    private static int poll(KafkaConsumer<String, byte[]> consumer, List<MeterReading> seen) {
        consumer.poll(Duration.ofMillis(300)).forEach(r -> seen.add(EventJson.read(r.value(), MeterReading.class)));
        return seen.size();
    }
}
