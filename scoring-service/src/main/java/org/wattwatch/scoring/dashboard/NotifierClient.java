package org.wattwatch.scoring.dashboard;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.wattwatch.access.AccessProperties;

/**
 * The notifier's alert API, for the page: passed through as the notifier answers (its problems
 * too), or {@link NotifierUnreachableException} when it does not answer in time.
 */
@Component
class NotifierClient {

    private static final Duration FRESH = Duration.ofSeconds(10);

    private final RestClient http;
    private final String baseUrl;
    private final Clock clock;
    private volatile Answer lastAnswer;

    NotifierClient(DashboardProperties properties, AccessProperties access, Clock clock) {
        this.clock = clock;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.notifierTimeout()).build());
        requests.setReadTimeout(properties.notifierTimeout());
        this.baseUrl = properties.notifierUrl().toString();
        RestClient.Builder builder = RestClient.builder().baseUrl(baseUrl).requestFactory(requests)
                .defaultStatusHandler(status -> true, (request, response) -> { }); // pass the notifier's answer on
        if (access.token() != null) {
            // the page's owner asks through this service: the notifier wants the same owner's token
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + access.token());
        }
        this.http = builder.build();
    }

    ResponseEntity<byte[]> alerts() {
        return call(h -> h.get().uri("/api/alerts").retrieve().toEntity(byte[].class));
    }

    ResponseEntity<byte[]> snooze(String alertId, String length) {
        return call(h -> h.post().uri(u -> u.path("/api/alerts/{id}/snooze").queryParam("for", length).build(alertId))
                .retrieve().toEntity(byte[].class));
    }

    ResponseEntity<byte[]> feedback(String alertId, byte[] body) {
        return call(h -> h.post().uri("/api/alerts/{id}/feedback", alertId)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(byte[].class));
    }

    /**
     * Whether the notifier answered lately. The pages ask for alerts every few seconds anyway, so
     * their answers tell; only when nothing was asked for a while is the notifier asked here.
     */
    boolean reachable() {
        Answer last = lastAnswer;
        if (last != null && last.at().isAfter(clock.instant().minus(FRESH))) {
            return last.answered();
        }
        try {
            alerts();
        } catch (NotifierUnreachableException e) {
            // recorded by call()
        }
        return lastAnswer.answered();
    }

    private ResponseEntity<byte[]> call(Function<RestClient, ResponseEntity<byte[]>> request) {
        try {
            ResponseEntity<byte[]> response = request.apply(http);
            lastAnswer = new Answer(clock.instant(), true);
            return response;
        } catch (ResourceAccessException e) {
            lastAnswer = new Answer(clock.instant(), false);
            throw new NotifierUnreachableException(baseUrl, e);
        }
    }

    private record Answer(Instant at, boolean answered) {
    }

    static class NotifierUnreachableException extends RuntimeException {
        NotifierUnreachableException(String url, Throwable cause) {
            super("the notifier at " + url + " does not answer: " + cause.getMessage(), cause);
        }
    }
}
