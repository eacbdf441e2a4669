package org.wattwatch.notifier.channel.homeassistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.wattwatch.notifier.TestAnomalies;
import org.wattwatch.notifier.channel.PermanentDeliveryException;
import org.wattwatch.notifier.channel.homeassistant.HomeAssistantProperties.TtsService;
import org.wattwatch.notifier.message.AlertMessage;
import org.wattwatch.notifier.routing.ChannelRouting;

@ExtendWith(OutputCaptureExtension.class)
class HomeAssistantChannelContractTest {

    @RegisterExtension
    static WireMockExtension ha = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private HomeAssistantChannel channel(TtsService service) {
        return new HomeAssistantChannel(new HomeAssistantProperties(true, ha.baseUrl(), "long-lived-token",
                "media_player.kitchen", service, "tts.google_translate_en_com", Duration.ofSeconds(5),
                ChannelRouting.everything()));
    }

    private static AlertMessage message() {
        return new AlertMessage(TestAnomalies.raised("main"), "k", "title", "the long text",
                "Attention: the power use is unusual since 04:00, 4.1 times the usual.");
    }

    @Test
    void speaksTheShortFormThroughTtsSpeakWithABearerToken() {
        ha.stubFor(post("/api/services/tts/speak").willReturn(aResponse().withStatus(200).withBody("[]")));

        channel(TtsService.SPEAK).deliver(message());

        ha.verify(postRequestedFor(urlEqualTo("/api/services/tts/speak"))
                .withHeader("Authorization", equalTo("Bearer long-lived-token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"entity_id": "tts.google_translate_en_com",
                         "media_player_entity_id": "media_player.kitchen",
                         "message": "Attention: the power use is unusual since 04:00, 4.1 times the usual."}""")));
    }

    @Test
    void theLegacyGoogleTranslateServiceIsAnOption() {
        ha.stubFor(post("/api/services/tts/google_translate_say").willReturn(aResponse().withStatus(200)));

        channel(TtsService.GOOGLE_TRANSLATE_SAY).deliver(message());

        ha.verify(postRequestedFor(urlEqualTo("/api/services/tts/google_translate_say"))
                .withHeader("Authorization", equalTo("Bearer long-lived-token"))
                .withRequestBody(equalToJson("""
                        {"entity_id": "media_player.kitchen",
                         "message": "Attention: the power use is unusual since 04:00, 4.1 times the usual."}""")));
    }

    @Test
    void aRejectedTokenIsPermanentAnOutageIsNot() {
        ha.stubFor(post("/api/services/tts/speak").willReturn(aResponse().withStatus(401).withBody("401: Unauthorized")));
        assertThatThrownBy(() -> channel(TtsService.SPEAK).deliver(message()))
                .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("HTTP 401");

        ha.stubFor(post("/api/services/tts/speak").willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> channel(TtsService.SPEAK).deliver(message()))
                .isNotInstanceOf(PermanentDeliveryException.class);
    }

    @Test
    void aTokenSentOverPlainHttpIsWarnedAboutWithoutShowingIt(CapturedOutput output) {
        channel(TtsService.SPEAK); // WireMock's base URL is http://
        assertThat(output.getAll()).contains("reached over plain http").doesNotContain("long-lived-token");
    }

    @Test
    void missingSettingsFailStartupNamingTheProperty() {
        assertThatThrownBy(() -> new HomeAssistantChannel(new HomeAssistantProperties(true, ha.baseUrl(), null,
                "media_player.kitchen", TtsService.SPEAK, "tts.x", Duration.ofSeconds(1), ChannelRouting.everything())))
                .hasMessageContaining("wattwatch.notifier.channels.home-assistant.token must be set");
    }
}
