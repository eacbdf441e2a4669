package org.wattwatch.scoring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.wattwatch.access.OwnerClient;

/**
 * The scoring service as it runs, on an embedded broker, with the owner's test token: test classes with
 * this one set-up share one context and one broker (each keeps to meters of its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = ScoringApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {OwnerClient.SETTING, "spring.config.name=" + ScoringApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "spring.kafka.streams.state-dir=${java.io.tmpdir}/wattwatch-scoring-it-${random.uuid}",
                "wattwatch.topics.partitions=1"})
@EmbeddedKafka(partitions = 1, brokerProperties = {"transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1"})
public @interface ScoringOnBroker {
}
