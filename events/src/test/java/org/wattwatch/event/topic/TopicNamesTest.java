package org.wattwatch.event.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicNamesTest {

    @Test
    void aPrefixGoesBeforeEveryTopic() {
        TopicNames names = new TopicNames("home1.");
        assertThat(names.readings()).isEqualTo("home1.power.readings");
        assertThat(names.notificationsState()).isEqualTo("home1.power.notifications.state");
        assertThat(new TopicNames(null).anomalies()).isEqualTo(Topics.ANOMALIES);
    }

    @Test
    void aPrefixKafkaWouldRefuseIsNamed() {
        assertThatThrownBy(() -> new TopicNames("home 1/")).hasMessageContaining("wattwatch.topics.prefix");
    }
}
