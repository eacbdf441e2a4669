package org.wattwatch.scoring.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.wattwatch.access.AccessAutoConfiguration;
import org.wattwatch.access.OwnerClient;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.Models;
import org.wattwatch.scoring.config.AccessConfig;
import org.wattwatch.scoring.config.ScoringProperties;
import org.wattwatch.scoring.model.ReadingScorer;

/**
 * The scoring endpoint's web layer alone (controller, problem bodies, body limit, owner access) with the
 * bundled seed envelope: what a request may be and what a bad one is told, without a broker.
 */
@WebMvcTest(controllers = ScoreController.class, properties = OwnerClient.SETTING)
@Import({AccessConfig.class, AccessAutoConfiguration.class, ScoreControllerTest.SeedScorer.class})
class ScoreControllerTest {

    @TestConfiguration
    static class SeedScorer {

        @Bean
        ReadingScorer scorer() throws Exception {
            try (InputStream in = ScoreControllerTest.class.getResourceAsStream("/models/seed-envelope.csv")) {
                EnvelopeModel seed = Models.read(in, "seed-envelope.csv");
                return new ReadingScorer(meter -> seed, ScoringProperties.of(ZoneId.of("UTC"), 1.0, "seed"));
            }
        }
    }

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult post(String body) {
        return mvc.post().uri("/api/score").header(HttpHeaders.AUTHORIZATION, "Bearer " + OwnerClient.TOKEN)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    @Test
    void badRequestsGetAProblemNamingTheField() {
        assertThat(post("{\"timestamp\":\"2026-01-05T04:00:00\",\"wh\":-1}")).hasStatus(400)
                .hasContentType("application/problem+json").bodyJson()
                .hasPathSatisfying("$.detail", d -> assertThat(d).isEqualTo("wh: must not be negative, was -1.0"))
                .hasPathSatisfying("$.errors[0].field", f -> assertThat(f).isEqualTo("wh"));
        assertThat(post("{\"timestamp\":\"2026-01-05T04:00:00\",\"wh\":\"NaN\"}")).bodyJson()
                .hasPathSatisfying("$.detail", d -> assertThat(d).asString().startsWith("wh: must be a finite number"));
        assertThat(post("{\"timestamp\":\"2026-01-05T25:00:00\",\"wh\":10}")).hasStatus(400).bodyJson()
                .hasPathSatisfying("$.detail", d -> assertThat(d).isEqualTo("timestamp: cannot be read: Text "
                        + "'2026-01-05T25:00:00' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 25"));
        assertThat(post("{\"minutes\":0}")).bodyJson().hasPathSatisfying("$.detail", d -> assertThat(d).isEqualTo(
                "timestamp: must be present; wh: must be present; minutes: must be between 1 and 10080, was 0"));
        assertThat(post("{")).hasStatus(400).hasContentType("application/problem+json");
    }

    @Test
    void aBatchIsScoredInOrderAndItsBadElementsAreNamedByIndex() throws Exception {
        MvcTestResult batch = post("[{\"timestamp\":\"2026-01-05T04:00:00\",\"wh\":1500},{\"timestamp\":"
                + "\"2026-01-05T09:00:00\",\"wh\":150},"
                // a quarter centred on 04:30 meets hour 4's range, scaled: the seed's score for the same mean power
                + "{\"timestamp\":\"2026-01-05T04:22:30\",\"wh\":375,\"minutes\":15}]");
        assertThat(batch).hasStatus(200);
        List<Number> scores = JsonPath.read(batch.getResponse().getContentAsString(), "$[*].score");
        assertThat(scores).extracting(s -> Math.round(s.doubleValue() * 10000) / 10000.0)
                .containsExactly(5.4588, 0.0194, 5.4588);
        assertThat(post("[{\"timestamp\":\"2026-01-05T04:00:00\",\"wh\":1},{\"timestamp\":\"2026-01-05T04:00:00\","
                + "\"wh\":-1},{\"timestamp\":\"nope\",\"wh\":1}]")).hasStatus(400).bodyJson()
                .hasPathSatisfying("$.detail", d -> assertThat(d).asString().startsWith("[1].wh: must not be negative")
                        .contains("[2].timestamp: cannot be read"));
    }

    @Test
    void withoutTheOwnersTokenNothingIsScored() {
        assertThat(mvc.post().uri("/api/score").contentType(MediaType.APPLICATION_JSON)
                .content("{\"timestamp\":\"2026-01-05T04:00:00\",\"wh\":1500}").exchange()).hasStatus(401);
    }

    @Test
    void aBodyBeyondTheLimitIsRefusedBeforeItIsRead() {
        String huge = "[" + "{\"timestamp\":\"2026-01-05T04:00:00\",\"wh\":1},".repeat(40_000) + "]";
        assertThat(post(huge)).hasStatus(413).bodyJson()
                .hasPathSatisfying("$.errors[0].field", f -> assertThat(f).isEqualTo("body"));
    }
}
