package org.wattwatch.notifier.channel.homeassistant;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.wattwatch.notifier.channel.AlertChannel;
import org.wattwatch.notifier.channel.DeliveryErrors;
import org.wattwatch.notifier.channel.HttpClients;
import org.wattwatch.notifier.channel.HttpFailures;
import org.wattwatch.notifier.message.AlertMessage;
import org.wattwatch.notifier.routing.ChannelRouting;

/**
 * Speaks the short form of an alert on a Home Assistant media player, calling HA's TTS service with
 * a long-lived access token as a bearer token (HA dropped the old {@code api_password}).
 */
@Component
@ConditionalOnBooleanProperty("wattwatch.notifier.channels.home-assistant.enabled")
class HomeAssistantChannel implements AlertChannel {

    private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantChannel.class);

    private static final String PREFIX = "wattwatch.notifier.channels.home-assistant.";

    private final HomeAssistantProperties properties;
    private final RestClient client;

    HomeAssistantChannel(HomeAssistantProperties properties) {
        require("base-url", properties.baseUrl());
        require("token", properties.token());
        require("media-player", properties.mediaPlayer());
        this.properties = properties;
        this.client = HttpClients.withTimeout(properties.baseUrl(), properties.timeout());
        if (properties.baseUrl().regionMatches(true, 0, "http://", 0, "http://".length())) {
            LOG.warn("Home Assistant at {} is reached over plain http: its token crosses the network unencrypted "
                    + "(use an https base-url)", DeliveryErrors.safe(properties.baseUrl()));
        }
    }

    private static void require(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(PREFIX + property + " must be set when " + PREFIX + "enabled=true");
        }
    }

    @Override
    public String name() {
        return "home-assistant";
    }

    @Override
    public ChannelRouting routing() {
        return properties.routing();
    }

    @Override
    public void deliver(AlertMessage message) {
        boolean speak = properties.service() == HomeAssistantProperties.TtsService.SPEAK;
        String path = speak ? "/api/services/tts/speak" : "/api/services/tts/google_translate_say";
        Map<String, Object> body = speak
                ? Map.of("entity_id", properties.ttsEntity(), "media_player_entity_id", properties.mediaPlayer(),
                        "message", message.speech())
                : Map.of("entity_id", properties.mediaPlayer(), "message", message.speech());
        try {
            client.post().uri(path).header("Authorization", "Bearer " + properties.token())
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            throw HttpFailures.classify("Home Assistant", e);
        }
    }
}
