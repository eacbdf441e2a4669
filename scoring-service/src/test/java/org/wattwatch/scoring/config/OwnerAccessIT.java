package org.wattwatch.scoring.config;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.wattwatch.access.OwnerClient;
import org.wattwatch.scoring.ScoringApplication;

/**
 * Only the owner changes what the service does or reads the home's usage: programs with the token,
 * the dashboard after signing in, its buttons with the CSRF token another site's page cannot have.
 */
@SpringBootTest(classes = ScoringApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {OwnerClient.SETTING, "spring.config.name=" + ScoringApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "spring.kafka.streams.state-dir=${java.io.tmpdir}/wattwatch-access-it-${random.uuid}",
                "wattwatch.topics.partitions=1",
                "wattwatch.dashboard.notifier-url=http://127.0.0.1:9",
                "wattwatch.dashboard.notifier-timeout=500ms"})
@EmbeddedKafka(partitions = 1, brokerProperties = {"transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1"})
class OwnerAccessIT {

    @LocalServerPort
    int port;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final HttpClient program = HttpClient.newHttpClient();

    /** Values from outside reach the log (meter ids, providers' answers): the service logs with the escaping patterns. */
    @Test
    void logLinesEscapeLineBreaks(@Autowired Environment environment) {
        assertThat(environment.getProperty("logging.pattern.console")).contains("%replace(%replace(%m)");
        assertThat(environment.getProperty("logging.pattern.file")).contains("%replace(%replace(%m)");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String envelope() {
        StringBuilder csv = new StringBuilder("hour,low_wh,high_wh\n");
        for (int h = 0; h < 24; h++) {
            csv.append(h).append(",0,1000000\n");
        }
        return csv.toString();
    }

    private HttpResponse<String> putEnvelope(String authorization) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(uri("/api/models/default")).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString(envelope()));
        if (authorization != null) {
            put.header("Authorization", authorization);
        }
        return program.send(put.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String defaultModel() throws Exception {
        return OwnerClient.create("http://127.0.0.1:" + port).get().uri("/api/models").retrieve().body(String.class);
    }

    @Test
    void aChangeWithoutTheOwnersTokenIsRefusedAndChangesNothing() throws Exception {
        String before = defaultModel();
        for (String credential : new String[] {null, "Bearer not-the-owners-token-at-all", "Basic b3duZXI6eA=="}) {
            HttpResponse<String> refused = putEnvelope(credential);
            assertThat(refused.statusCode()).as("PUT with %s", credential).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("Authorization: Bearer").doesNotContain(OwnerClient.TOKEN);
        }
        assertThat(defaultModel()).as("the models in use").isEqualTo(before);
        HttpResponse<String> rollback = program.send(HttpRequest.newBuilder(uri("/api/models/default/rollback"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rollback.statusCode()).isEqualTo(401);
    }

    @Test
    void theHomesUsageIsTheOwnersToReadTheProbesAnyones() throws Exception {
        for (String path : new String[] {"/api/dashboard/meters", "/api/models", "/actuator/prometheus",
                "/api/dashboard/live?meter=main"}) {
            assertThat(program.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<String> page = program.send(HttpRequest.newBuilder(uri("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("the dashboard sends a visitor to sign in").isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> liveness = program.send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(liveness.statusCode()).isEqualTo(200);
        HttpResponse<String> health = program.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).as("details for the owner only").doesNotContain("components");
        HttpResponse<String> details = program.send(HttpRequest.newBuilder(uri("/actuator/health"))
                .header("Authorization", "Bearer " + OwnerClient.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(details.statusCode()).isEqualTo(200);
        assertThat(details.body()).contains("\"followers\"").contains("\"model-registry\"")
                .contains("\"dashboard-feed\"").contains("following");
    }

    @Test
    void theSignedInOwnersPageCanSnoozeAnotherSitesFormCannot() throws Exception {
        // the page first, then one of its API calls (a sign-in that ran out): back to the page after signing in
        browser.send(HttpRequest.newBuilder(uri("/?meter=main")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        browser.send(HttpRequest.newBuilder(uri("/api/dashboard/meters")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as("the sign-in form has its CSRF field").isTrue();
        HttpResponse<String> wrong = browser.send(signIn("not-the-token-0123456789", csrf.group(1)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
        HttpResponse<String> signedIn = browser.send(signIn(OwnerClient.TOKEN, csrf.group(1)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error").doesNotContain("/api/")
                        .contains("/?meter=main"));

        assertThat(browser.send(HttpRequest.newBuilder(uri("/api/dashboard/meters")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("reads with the session").isEqualTo(200);

        // another site's page makes the browser post with the session cookie, but cannot read the CSRF cookie
        URI snooze = uri("/api/dashboard/alerts/a1/snooze?for=PT2H");
        HttpResponse<String> crossSite = browser.send(HttpRequest.newBuilder(snooze)
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);

        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> ownPage = browser.send(HttpRequest.newBuilder(snooze)
                .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ownPage.statusCode()).as("passed on to the notifier, absent here").isEqualTo(503);
    }

    private HttpRequest signIn(String password, String csrf) {
        String body = "username=owner&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
