package org.wattwatch.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.wattwatch.agent.AgentApplication;

/** Live power tells who is home and when they sleep: the owner's to read, the probes anyone's. */
class MetersAccessIT {

    private static final String TOKEN = "test-owner-token-0123456789";

    @TempDir
    Path dir;

    private static HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void liveUsageNeedsTheOwnersTokenUnlessTheOwnerOpensReads() throws Exception {
        try (ConfigurableApplicationContext agent = start(false)) {
            int port = Integer.parseInt(agent.getEnvironment().getProperty("local.server.port"));
            assertThat(get(port, "/api/meters", null).statusCode()).isEqualTo(401);
            assertThat(get(port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(get(port, "/api/meters", "not-the-owners-token-000").statusCode()).isEqualTo(401);
            HttpResponse<String> owner = get(port, "/api/meters", TOKEN);
            assertThat(owner.statusCode()).isEqualTo(200);
            assertThat(owner.body()).contains("main");
            assertThat(get(port, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
            assertThat(agent.getEnvironment().getProperty("logging.pattern.console")).as("log lines escape CR/LF")
                    .contains("%replace(%replace(%m)");
        }
        try (ConfigurableApplicationContext agent = start(true)) {
            int port = Integer.parseInt(agent.getEnvironment().getProperty("local.server.port"));
            assertThat(get(port, "/api/meters", null).statusCode()).as("a trusted home network").isEqualTo(200);
        }
    }

    @Test
    void onASeparateManagementPortTheProbesStayOpenAndTheMetricsTheOwners() throws Exception {
        try (ConfigurableApplicationContext agent = start(false, "--management.server.port=0")) {
            int management = Integer.parseInt(agent.getEnvironment().getProperty("local.management.port"));
            assertThat(get(management, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
            assertThat(get(management, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(get(management, "/actuator/prometheus", TOKEN).statusCode()).isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext start(boolean openReads, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--wattwatch.security.token=" + TOKEN,
                "--wattwatch.security.open-reads=" + openReads, "--spring.kafka.bootstrap-servers=127.0.0.1:9",
                "--wattwatch.agent.spool.dir=" + dir.resolve(openReads ? "open" : "closed" + more.length),
                "--wattwatch.agent.meters[0].id=main"));
        args.addAll(List.of(more));
        return AgentApplication.builder().run(args.toArray(String[]::new));
    }
}
