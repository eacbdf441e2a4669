package org.wattwatch.notifier.config;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.wattwatch.model.topic.TopicNames;

/**
 * How the topics this service reads and writes are created when missing. Existing topics are left
 * as they are, so an operator's own topic setup always wins.
 *
 * @param partitions        partitions per topic (default 3); meters spread over them by id
 * @param replicationFactor replicas per partition (default 1, for one local broker; use 3 in production)
 * @param prefix            put before every topic name, e.g. {@code home1.} (default none)
 */
@Validated
@ConfigurationProperties("wattwatch.topics")
public record TopicsProperties(
        @Positive @DefaultValue("3") int partitions,
        @Positive @DefaultValue("1") short replicationFactor,
        @DefaultValue("") String prefix) {

    public TopicNames names() {
        return new TopicNames(prefix);
    }
}
