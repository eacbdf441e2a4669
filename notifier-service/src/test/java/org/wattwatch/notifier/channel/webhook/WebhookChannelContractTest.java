package org.wattwatch.notifier.channel.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.HttpServerErrorException;
import org.wattwatch.notifier.TestAnomalies;
import org.wattwatch.notifier.channel.PermanentDeliveryException;
import org.wattwatch.notifier.message.AlertMessage;
import org.wattwatch.notifier.routing.ChannelRouting;

class WebhookChannelContractTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private WebhookChannel channel(String secret) {
        return new WebhookChannel(new WebhookProperties(true, server.baseUrl() + "/hooks/power", secret,
                Duration.ofSeconds(5), ChannelRouting.everything()));
    }

    private static AlertMessage message() {
        return new AlertMessage(TestAnomalies.raised("main"), "alert-1:RAISED:webhook", "Unusual power use (main)",
                "Unusual power use on meter main...", "Attention...");
    }

    @Test
    void postsTheEventAsSignedJsonWithAnIdempotencyKey() {
        server.stubFor(post("/hooks/power").willReturn(aResponse().withStatus(204)));

        channel("s3cret").deliver(message());

        server.verify(postRequestedFor(urlEqualTo("/hooks/power"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Idempotency-Key", equalTo("alert-1:RAISED:webhook"))
                .withHeader("X-WattWatch-Event", equalTo("RAISED"))
                .withRequestBody(matchingJsonPath("$.event", equalTo("RAISED")))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Unusual power use on meter main...")))
                .withRequestBody(matchingJsonPath("$.anomaly.meterId", equalTo("main")))
                .withRequestBody(matchingJsonPath("$.anomaly.expectedHighWh", equalTo("363.0"))));
        LoggedRequest request = server.getAllServeEvents().get(0).getRequest();
        assertThat(request.getHeader(WebhookChannel.SIGNATURE_HEADER))
                .isEqualTo("sha256=" + WebhookChannel.hmac("s3cret", request.getBody()));
    }

    @Test
    void aMessageWithALinkCarriesItForTheReceiverToOffer() {
        server.stubFor(post("/hooks/power").willReturn(aResponse().withStatus(204)));
        AlertMessage m = message();
        channel(null).deliver(new AlertMessage(m.anomaly(), m.idempotencyKey(), m.title(), m.text(), m.speech(),
                m.digest(), java.net.URI.create("https://wattwatch.home/?alert=a-1")));
        server.verify(postRequestedFor(urlEqualTo("/hooks/power"))
                .withRequestBody(matchingJsonPath("$.link", equalTo("https://wattwatch.home/?alert=a-1"))));
    }

    @Test
    void noSecretNoSignature() {
        server.stubFor(post("/hooks/power").willReturn(aResponse().withStatus(200)));
        channel(null).deliver(message());
        assertThat(server.getAllServeEvents().get(0).getRequest().containsHeader(WebhookChannel.SIGNATURE_HEADER))
                .isFalse();
    }

    @Test
    void serverErrorsAndRateLimitsAreRetriedClientErrorsAreNot() {
        server.stubFor(post("/hooks/power").willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> channel(null).deliver(message())).isInstanceOf(HttpServerErrorException.class);

        server.stubFor(post("/hooks/power").willReturn(aResponse().withStatus(429)));
        assertThatThrownBy(() -> channel(null).deliver(message())).isNotInstanceOf(PermanentDeliveryException.class);

        server.stubFor(post("/hooks/power").willReturn(aResponse().withStatus(404).withBody("no such hook")));
        assertThatThrownBy(() -> channel(null).deliver(message())).isInstanceOf(PermanentDeliveryException.class)
                .hasMessageContaining("HTTP 404 no such hook");
    }

    @Test
    void aMissingUrlFailsStartupNamingTheProperty() {
        assertThatThrownBy(() -> new WebhookChannel(new WebhookProperties(true, " ", null, Duration.ofSeconds(1),
                ChannelRouting.everything()))).hasMessageContaining("wattwatch.notifier.channels.webhook.url");
    }
}
