package org.wattwatch.notifier.channel.homeassistant;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.wattwatch.notifier.routing.ChannelRouting;

/**
 * A spoken warning on a Home Assistant speaker, through HA's REST API.
 *
 * @param enabled     off by default
 * @param baseUrl     e.g. {@code http://homeassistant.local:8123}
 * @param token       long-lived access token (from a secret, e.g. env WATTWATCH_NOTIFIER_CHANNELS_HOME_ASSISTANT_TOKEN)
 * @param mediaPlayer the speaker's entity, e.g. {@code media_player.kitchen}
 * @param service     {@code speak} (HA's {@code tts.speak}, default) or {@code google-translate-say}
 *                    (the legacy {@code tts.google_translate_say})
 * @param ttsEntity   the TTS engine entity {@code tts.speak} uses (default {@code tts.google_translate_en_com})
 * @param timeout     per request (default 10s)
 * @param routing     what is spoken (notifier-service.yml sets quiet hours 23:00-07:00)
 */
@ConfigurationProperties("wattwatch.notifier.channels.home-assistant")
public record HomeAssistantProperties(
        @DefaultValue("false") boolean enabled,
        String baseUrl,
        String token,
        String mediaPlayer,
        @DefaultValue("speak") TtsService service,
        @DefaultValue("tts.google_translate_en_com") String ttsEntity,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue ChannelRouting routing) {

    public enum TtsService { SPEAK, GOOGLE_TRANSLATE_SAY }

    @Override
    public String toString() {
        return "HomeAssistantProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", token="
                + (token == null ? "unset" : "******") + ", mediaPlayer=" + mediaPlayer + ", service=" + service
                + ", ttsEntity=" + ttsEntity + ", timeout=" + timeout + ", routing=" + routing + "]";
    }
}
