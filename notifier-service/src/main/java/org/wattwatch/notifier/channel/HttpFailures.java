package org.wattwatch.notifier.channel;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClientResponseException;

/** Sorts an HTTP provider's refusals into worth-retrying and not. */
public final class HttpFailures {

    private HttpFailures() {
    }

    /**
     * 5xx, 408 (timeout) and 429 (rate limited) pass through to be retried with backoff; any other
     * 4xx becomes permanent, because sending the same request again gets the same answer.
     */
    public static RuntimeException classify(String channel, RestClientResponseException e) {
        HttpStatusCode status = e.getStatusCode();
        if (status.is4xxClientError() && status.value() != 408 && status.value() != 429) {
            return new PermanentDeliveryException(channel + " refused the alert: HTTP " + status.value() + " "
                    + abbreviate(e.getResponseBodyAsString()), e);
        }
        return e;
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
