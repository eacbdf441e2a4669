package org.wattwatch.agent.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.wattwatch.model.topic.TopicNames;

/**
 * @param prefix put before the topic name, e.g. {@code home1.} (default none); the same as the other services'
 */
@ConfigurationProperties("wattwatch.topics")
public record TopicsProperties(@DefaultValue("") String prefix) {

    public TopicNames names() {
        return new TopicNames(prefix);
    }
}
