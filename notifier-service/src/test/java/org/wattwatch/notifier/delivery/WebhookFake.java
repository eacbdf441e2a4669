package org.wattwatch.notifier.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** The webhook provider of the fault tests: answers per meter as told, and says what it received. */
final class WebhookFake {

    private final WireMockExtension server;

    WebhookFake(WireMockExtension server) {
        this.server = server;
    }

    void answer(String meter, int status) {
        server.stubFor(post("/hook").withRequestBody(matchingJsonPath("$.anomaly.meterId", equalTo(meter)))
                .willReturn(aResponse().withStatus(status)));
    }

    /** Requests about this meter's alerts, whatever the answer. */
    long requests(String meter) {
        return server.getAllServeEvents().stream().filter(e -> isAbout(e.getRequest().getBodyAsString(), meter))
                .count();
    }

    /** Requests about this meter's alerts that the provider accepted. */
    long successes(String meter) {
        return server.getAllServeEvents().stream().filter(e -> isAbout(e.getRequest().getBodyAsString(), meter))
                .filter(e -> e.getResponse().getStatus() == 200).count();
    }

    private static boolean isAbout(String body, String meter) {
        return body.contains("\"meterId\":\"" + meter + "\"");
    }
}
