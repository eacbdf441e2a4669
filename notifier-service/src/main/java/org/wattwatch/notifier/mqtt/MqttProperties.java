package org.wattwatch.notifier.mqtt;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * WattWatch as a Home Assistant device, through HA's MQTT integration (its discovery convention).
 *
 * @param enabled         off by default
 * @param url             the broker: {@code tcp://host:1883}, or {@code ssl://host:8883} for TLS
 * @param username        the broker's user, if it asks for one (from a secret:
 *                        {@code WATTWATCH_NOTIFIER_MQTT_USERNAME})
 * @param password        that user's password ({@code WATTWATCH_NOTIFIER_MQTT_PASSWORD}); never logged
 * @param caCertificate   a PEM file of the certificate authority that signed the broker's certificate, for
 *                        {@code ssl://} with a home's own CA; without it the JVM's trusted authorities
 * @param clientId        this notifier's MQTT client id (two installations on one broker need two)
 * @param discoveryPrefix HA's discovery prefix (HA's default {@code homeassistant})
 * @param baseTopic       where WattWatch's states, availability and commands live
 * @param snoozeButton    offer a "Snooze alert" button in HA (whoever may publish to the broker may press it)
 * @param snooze          how long the button snoozes the meter's open alerts
 * @param feedbackButtons offer "Alert was expected" and "Alert was a real problem" buttons in HA, the owner's word
 *                        on the meter's latest usage alert for the next retrain (whoever may publish to the broker
 *                        may press them)
 * @param maxMeters       meters shown as devices; a reading of one more is counted and left out, so a flood
 *                        of meter ids cannot fill the broker or this service
 * @param connectTimeout  how long one attempt to reach the broker may take
 */
@Validated
@ConfigurationProperties("wattwatch.notifier.mqtt")
public record MqttProperties(
        @DefaultValue("false") boolean enabled,
        URI url,
        String username,
        String password,
        Path caCertificate,
        @NotBlank @DefaultValue("wattwatch-notifier") String clientId,
        @NotBlank @DefaultValue("homeassistant") String discoveryPrefix,
        @NotBlank @DefaultValue("wattwatch") String baseTopic,
        @DefaultValue("true") boolean snoozeButton,
        @NotNull @DefaultValue("1h") Duration snooze,
        @DefaultValue("true") boolean feedbackButtons,
        @Positive @DefaultValue("100") int maxMeters,
        @NotNull @DefaultValue("10s") Duration connectTimeout) {

    static final String PREFIX = "wattwatch.notifier.mqtt.";

    /** Fails fast, naming the property, on a setting that could only fail later. */
    void check() {
        if (url == null) {
            throw new IllegalStateException(PREFIX + "url must be set when " + PREFIX + "enabled=true, "
                    + "e.g. tcp://homeassistant.local:1883");
        }
        if (!"tcp".equals(url.getScheme()) && !"ssl".equals(url.getScheme())) {
            throw new IllegalStateException(PREFIX + "url must start with tcp:// or ssl://, was " + url.getScheme()
                    + "://...");
        }
        if (url.getHost() == null) {
            throw new IllegalStateException(PREFIX + "url must name a host, e.g. tcp://homeassistant.local:1883");
        }
        if (caCertificate != null && !"ssl".equals(url.getScheme())) {
            throw new IllegalStateException(PREFIX + "ca-certificate is for ssl:// urls only");
        }
        topicPart("discovery-prefix", discoveryPrefix);
        topicPart("base-topic", baseTopic);
        if (password != null && (username == null || username.isBlank())) {
            throw new IllegalStateException(PREFIX + "password is set without " + PREFIX + "username");
        }
        if (snooze.isNegative() || snooze.isZero() || snooze.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalStateException(PREFIX + "snooze must be more than zero and at most 7 days, was "
                    + snooze);
        }
    }

    private static void topicPart(String property, String value) {
        if (value.contains("+") || value.contains("#") || value.startsWith("/") || value.endsWith("/")) {
            throw new IllegalStateException(PREFIX + property + " must be a topic without wildcards or an outer '/', "
                    + "was '" + value + "'");
        }
    }

    /** The broker without what may be secret in a URL (a user's name or password written into it). */
    String broker() {
        return url == null ? "unset" : url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    @Override
    public String toString() {
        return "MqttProperties[enabled=" + enabled + ", url=" + broker() + ", username="
                + (username == null ? "unset" : "******") + ", password=" + (password == null ? "unset" : "******")
                + ", caCertificate=" + caCertificate + ", clientId=" + clientId + ", discoveryPrefix="
                + discoveryPrefix + ", baseTopic=" + baseTopic + ", snoozeButton=" + snoozeButton + ", snooze="
                + snooze + ", feedbackButtons=" + feedbackButtons + ", maxMeters=" + maxMeters + ", connectTimeout=" + connectTimeout + "]";
    }
}
