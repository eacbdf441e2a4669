package org.wattwatch.notifier.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.wattwatch.access.AccessAutoConfiguration;
import org.wattwatch.access.OwnerClient;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.notifier.config.AccessConfig;
import org.wattwatch.notifier.config.NotifierProperties;
import org.wattwatch.notifier.delivery.AlertBook;
import org.wattwatch.notifier.delivery.AlertBooks;
import org.wattwatch.notifier.feedback.OwnerFeedback;

/**
 * The alerts API's web layer alone (controller, problem bodies, owner access) over an empty alert book:
 * what a request may be and what a bad one is told, without a broker.
 */
@WebMvcTest(controllers = AlertsController.class, properties = OwnerClient.SETTING)
@Import({AccessConfig.class, AccessAutoConfiguration.class, AlertsControllerTest.EmptyBook.class})
class AlertsControllerTest {

    @TestConfiguration
    static class EmptyBook {

        private static final Map<String, Object> NOWHERE = Map.of("bootstrap.servers", "127.0.0.1:9");

        /** A book nothing was written to: the requests below change nothing, so it never reaches Kafka. */
        @Bean
        AlertBook book() {
            NotifierProperties properties = new NotifierProperties(200, Locale.ENGLISH, Duration.ofSeconds(1),
                    Duration.ofHours(1), ZoneId.of("UTC"), 3, Duration.ofSeconds(30), Duration.ofDays(30), null);
            return AlertBooks.empty(properties, new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(NOWHERE)),
                    new DefaultKafkaConsumerFactory<>(NOWHERE), new TopicNames(""), new SimpleMeterRegistry(),
                    Clock.systemUTC());
        }

        @Bean
        OwnerFeedback feedback(AlertBook book) {
            return new OwnerFeedback(book, new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(NOWHERE)),
                    new TopicNames(""), Clock.systemUTC());
        }
    }

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult snooze(String id, String length) {
        return mvc.post().uri("/api/alerts/{id}/snooze?for={length}", id, length)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OwnerClient.TOKEN).exchange();
    }

    @Test
    void aSnoozeThatIsNotADurationOrTooLongIsAProblemNamingTheParameter() {
        assertThat(snooze("any", "two hours")).hasStatus(400).hasContentType("application/problem+json").bodyJson()
                .hasPathSatisfying("$.errors[0].field", f -> assertThat(f).isEqualTo("for"))
                .hasPathSatisfying("$.detail", d -> assertThat(d).asString().contains("ISO-8601 duration"));
        assertThat(snooze("any", "P8D")).hasStatus(400).bodyJson()
                .hasPathSatisfying("$.detail", d -> assertThat(d).asString().contains("at most PT168H"));
        assertThat(snooze("any", "PT0S")).hasStatus(400);
    }

    @Test
    void anAlertThatIsNotInTheBookIsNotFound() {
        assertThat(snooze("no-such-alert", "PT2H")).hasStatus(404).bodyJson()
                .hasPathSatisfying("$.title", t -> assertThat(t).isEqualTo("No such alert"));
        assertThat(mvc.get().uri("/api/alerts/no-such-alert")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OwnerClient.TOKEN).exchange()).hasStatus(404);
    }

    private MvcTestResult feedback(String id, String body) {
        return mvc.post().uri("/api/alerts/{id}/feedback", id).contentType("application/json").content(body)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OwnerClient.TOKEN).exchange();
    }

    @Test
    void feedbackThatIsNeitherExpectedNorAProblemIsAProblemNamingTheLabel() {
        assertThat(feedback("any", "{\"label\":\"meh\"}")).hasStatus(400).hasContentType("application/problem+json")
                .bodyJson().hasPathSatisfying("$.errors[0].field", f -> assertThat(f).isEqualTo("label"))
                .hasPathSatisfying("$.detail", d -> assertThat(d).asString().contains("\"expected\" or \"problem\""));
        assertThat(feedback("any", "{}")).hasStatus(400);
        assertThat(feedback("no-such-alert", "{\"label\":\"expected\"}")).hasStatus(404);
    }

    @Test
    void withoutTheOwnersTokenNothingIsReadOrSnoozed() {
        assertThat(mvc.get().uri("/api/alerts").exchange()).hasStatus(401);
        assertThat(mvc.post().uri("/api/alerts/any/snooze?for=PT2H").exchange()).hasStatus(401);
        assertThat(mvc.post().uri("/api/alerts/any/feedback").contentType("application/json")
                .content("{\"label\":\"expected\"}").exchange()).hasStatus(401);
    }
}
