package org.wattwatch.scoring.dashboard;

import java.net.http.HttpClient;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The notifier's alert API, for the page: passed through as the notifier answers (its problems
 * too), or {@link NotifierUnreachableException} when it does not answer in time.
 */
@Component
class NotifierClient {

    private final RestClient http;
    private final String baseUrl;

    NotifierClient(DashboardProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.notifierTimeout()).build());
        requests.setReadTimeout(properties.notifierTimeout());
        this.baseUrl = properties.notifierUrl().toString();
        this.http = RestClient.builder().baseUrl(baseUrl).requestFactory(requests)
                .defaultStatusHandler(status -> true, (request, response) -> { }) // pass the notifier's answer on
                .build();
    }

    ResponseEntity<byte[]> alerts() {
        return call(h -> h.get().uri("/api/alerts").retrieve().toEntity(byte[].class));
    }

    ResponseEntity<byte[]> snooze(String alertId, String length) {
        return call(h -> h.post().uri(u -> u.path("/api/alerts/{id}/snooze").queryParam("for", length).build(alertId))
                .retrieve().toEntity(byte[].class));
    }

    boolean reachable() {
        try {
            return alerts().getStatusCode().is2xxSuccessful();
        } catch (NotifierUnreachableException e) {
            return false;
        }
    }

    private ResponseEntity<byte[]> call(Function<RestClient, ResponseEntity<byte[]>> request) {
        try {
            return request.apply(http);
        } catch (ResourceAccessException e) {
            throw new NotifierUnreachableException(baseUrl, e);
        }
    }

    static class NotifierUnreachableException extends RuntimeException {
        NotifierUnreachableException(String url, Throwable cause) {
            super("the notifier at " + url + " does not answer: " + cause.getMessage(), cause);
        }
    }
}
