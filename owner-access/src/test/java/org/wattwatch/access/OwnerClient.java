package org.wattwatch.access;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/** The owner's token in tests, and a client that sends it as programs do. */
public final class OwnerClient {

    public static final String TOKEN = "test-owner-token-0123456789";
    /** The setting that gives a service this token. */
    public static final String SETTING = "wattwatch.security.token=" + TOKEN;

    private OwnerClient() {
    }

    public static RestClient create(String baseUrl) {
        return RestClient.builder().baseUrl(baseUrl).defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).build();
    }
}
