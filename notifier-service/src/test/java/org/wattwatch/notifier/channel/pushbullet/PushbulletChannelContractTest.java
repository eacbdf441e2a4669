package org.wattwatch.notifier.channel.pushbullet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wattwatch.notifier.TestAnomalies;
import org.wattwatch.notifier.channel.PermanentDeliveryException;
import org.wattwatch.notifier.delivery.ChannelCalls;
import org.wattwatch.notifier.delivery.DeliveryProperties;
import org.wattwatch.notifier.message.AlertMessage;
import org.wattwatch.notifier.routing.ChannelRouting;

/**
 * The real pushbullet-java library against a local fake of api.pushbullet.com. The library's base
 * URL is a hard-coded https constant, so this JVM (a surefire execution of its own) resolves
 * api.pushbullet.com to 127.0.0.1 with {@code -Djdk.net.hosts.file}, the fake listens on port 443
 * with a certificate made for that name, and the JVM trusts it. Port 443 needs root, as in CI.
 */
class PushbulletChannelContractTest {

    private static final String PASSWORD = "changeit";
    private static WireMockServer api;

    @BeforeAll
    static void startFakePushbullet() throws Exception {
        assertThat(System.getProperty("jdk.net.hosts.file")).as("run through the pushbullet-contract execution")
                .isNotNull();
        Path keystore = Files.createTempDirectory("pushbullet-tls").resolve("api.pushbullet.com.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "api", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=api.pushbullet.com", "-ext", "SAN=dns:api.pushbullet.com",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(new File(keystore + ".log")).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0)
                .as("keytool made the test certificate").isTrue();
        System.setProperty("javax.net.ssl.trustStore", keystore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        api = new WireMockServer(wireMockConfig().httpDisabled(true).httpsPort(443).bindAddress("127.0.0.1")
                .keystorePath(keystore.toString()).keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12"));
        api.start();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.stop();
        }
    }

    @BeforeEach
    void reset() {
        api.resetAll();
    }

    private static PushbulletChannel channel(String device) {
        return new PushbulletChannel(new PushbulletProperties(true, "o.secret-token", device, Duration.ofMinutes(5),
                ChannelRouting.everything()), java.time.Clock.systemUTC());
    }

    private static AlertMessage message() {
        return new AlertMessage(TestAnomalies.raised("main"), "alert-1:RAISED:pushbullet", "Unusual power use (main)",
                "Unusual power use on meter main: 1500 Wh in the hour from 04:00, usually at most 363 Wh (4.1x).", "");
    }

    private static String ok() {
        return """
                {"active":true,"iden":"ujpah72o0sjAoRtnM0jc","created":1.5e9,"modified":1.5e9,"type":"note",
                 "dismissed":false,"direction":"self","title":"t","body":"b"}""";
    }

    @Test
    void pushesANoteWithTheAccessTokenToTheChosenDevice() {
        api.stubFor(post("/v2/pushes").willReturn(aResponse().withStatus(200).withBody(ok())
                .withHeader("X-Ratelimit-Limit", "16384").withHeader("X-Ratelimit-Remaining", "16000")
                .withHeader("X-Ratelimit-Reset", "1700000000")));

        channel("ujEHkhgL2pWgoyH").deliver(message());

        api.verify(postRequestedFor(urlEqualTo("/v2/pushes"))
                .withHeader("Access-Token", equalTo("o.secret-token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("note")))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Unusual power use (main)")))
                .withRequestBody(matchingJsonPath("$.body", equalTo(message().text())))
                .withRequestBody(matchingJsonPath("$.guid", equalTo("alert-1:RAISED:pushbullet")))
                .withRequestBody(matchingJsonPath("$.device_iden", equalTo("ujEHkhgL2pWgoyH"))));
    }

    @Test
    void aMessageWithALinkIsALinkPushTheOwnerOpensTheAlertFrom() {
        api.stubFor(post("/v2/pushes").willReturn(aResponse().withStatus(200).withBody(ok())));
        AlertMessage m = message();
        String link = "https://wattwatch.home/?meter=main&date=2026-01-05&alert=" + m.anomaly().alertId();
        channel(null).deliver(new AlertMessage(m.anomaly(), m.idempotencyKey(), m.title(), m.text(), m.speech(),
                m.digest(), java.net.URI.create(link)));

        api.verify(postRequestedFor(urlEqualTo("/v2/pushes"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("link")))
                .withRequestBody(matchingJsonPath("$.url", equalTo(link)))
                .withRequestBody(matchingJsonPath("$.body", equalTo(m.text()))));
    }

    @Test
    void aStalledApiCostsTheCallItsDeadlineNotTheNotifier() throws Exception {
        // the provider accepts the connection and the request, and answers nothing for a minute
        api.stubFor(post("/v2/pushes").willReturn(aResponse().withStatus(200).withBody(ok()).withFixedDelay(60_000)));
        ChannelCalls calls = new ChannelCalls(new DeliveryProperties(10, Duration.ofSeconds(5), 2.0,
                Duration.ofMinutes(10), Duration.ofSeconds(1)));
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> calls.deliver(channel(null), message()))
                    .isInstanceOf(ChannelCalls.ChannelStalledException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("freed at the deadline, not after a minute")
                    .isLessThan(Duration.ofSeconds(10));
        } finally {
            calls.destroy();
        }
    }

    @Test
    void anInvalidTokenIsPermanent() {
        api.stubFor(post("/v2/pushes").willReturn(aResponse().withStatus(401).withBody("""
                {"error":{"type":"invalid_access_token","message":"Access token is missing or invalid.","cat":"(=^‥^=)"}}""")));

        assertThatThrownBy(() -> channel(null).deliver(message())).isInstanceOf(PermanentDeliveryException.class)
                .hasMessageContaining("invalid_access_token");
    }

    @Test
    void anExhaustedRateLimitPausesTheChannelWithoutCallingAgain() {
        api.stubFor(post("/v2/pushes").willReturn(aResponse().withStatus(200).withBody(ok())
                .withHeader("X-Ratelimit-Limit", "16384").withHeader("X-Ratelimit-Remaining", "0")
                .withHeader("X-Ratelimit-Reset", "1700000000")));
        PushbulletChannel channel = channel(null);

        channel.deliver(message());
        assertThatThrownBy(() -> channel.deliver(message())).isInstanceOf(PushbulletChannel.RateLimitedException.class)
                .isNotInstanceOf(PermanentDeliveryException.class);

        List<?> calls = api.getAllServeEvents();
        assertThat(calls).hasSize(1);
    }

    @Test
    void aServerErrorIsRetried() {
        api.stubFor(post("/v2/pushes").willReturn(aResponse().withStatus(503).withBody("""
                {"error":{"type":"server","message":"down for maintenance","cat":"~(=^‥^)"}}""")));

        assertThatThrownBy(() -> channel(null).deliver(message())).isNotInstanceOf(PermanentDeliveryException.class)
                .hasMessageContaining("server");
    }
}
