package org.wattwatch.notifier.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Settings that could only fail later stop startup, naming the property; secrets never show. */
class MqttPropertiesTest {

    private static MqttProperties with(String url, String user, String password, String base, Duration snooze) {
        return new MqttProperties(true, url == null ? null : URI.create(url), user, password, null, "wattwatch",
                "homeassistant", base, true, snooze, true, 100, Duration.ofSeconds(10));
    }

    @Test
    void whatCannotWorkIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> with(null, null, null, "wattwatch", Duration.ofHours(1)).check())
                .hasMessageContaining("wattwatch.notifier.mqtt.url must be set");
        assertThatThrownBy(() -> with("http://ha:1883", null, null, "wattwatch", Duration.ofHours(1)).check())
                .hasMessageContaining("wattwatch.notifier.mqtt.url must start with tcp:// or ssl://");
        assertThatThrownBy(() -> with("tcp://ha:1883", null, null, "watt/#", Duration.ofHours(1)).check())
                .hasMessageContaining("wattwatch.notifier.mqtt.base-topic");
        assertThatThrownBy(() -> with("tcp://ha:1883", null, "secret", "wattwatch", Duration.ofHours(1)).check())
                .hasMessageContaining("password is set without wattwatch.notifier.mqtt.username")
                .hasMessageNotContaining("secret\"");
        assertThatThrownBy(() -> with("tcp://ha:1883", null, null, "wattwatch", Duration.ofDays(8)).check())
                .hasMessageContaining("wattwatch.notifier.mqtt.snooze");
    }

    @Test
    void theBrokerAndTheSettingsShowNoSecret() {
        MqttProperties p = with("tcp://user:pw-in-url@ha.local:1883", "ha-user", "s3cret-pw", "wattwatch",
                Duration.ofHours(1));
        p.check();
        assertThat(p.broker()).isEqualTo("tcp://ha.local:1883");
        assertThat(p.toString()).doesNotContain("s3cret-pw").doesNotContain("ha-user").doesNotContain("pw-in-url");
    }
}
