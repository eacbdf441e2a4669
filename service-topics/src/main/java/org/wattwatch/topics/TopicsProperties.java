package org.wattwatch.topics;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.wattwatch.event.topic.TopicNames;

/**
 * The topics every service reads and writes: their names, and how a service creates those missing.
 * Existing topics are left as they are, so an operator's own topic setup always wins.
 *
 * @param partitions        partitions per topic (default 3); meters spread over them by id
 * @param replicationFactor replicas per partition (default 1, for one local broker; use 3 in production)
 * @param prefix            put before every topic name, e.g. {@code home1.} (default none); the same in every
 *                          service of one installation
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
