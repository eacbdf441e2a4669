package org.wattwatch.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use a service's HTTP API.
 *
 * @param token     the owner's token (from the environment, {@code WATTWATCH_SECURITY_TOKEN}, or a
 *                  Kubernetes Secret; at least 16 characters). Programs send it as
 *                  {@code Authorization: Bearer <token>}; on the dashboard the owner signs in as
 *                  {@code owner} with it. Without one, nothing that needs a credential can be used.
 * @param openReads let anyone who reaches the service read usage (dashboard, alerts, live power,
 *                  metrics) without signing in: an opt-out for a trusted home network (default false).
 *                  Changes always need the token.
 */
@ConfigurationProperties("wattwatch.security")
public record AccessProperties(String token, @DefaultValue("false") boolean openReads) {

    /** Shorter tokens are guessable on a LAN that can try as often as it likes. */
    public static final int SHORTEST_TOKEN = 16;

    public AccessProperties {
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (token != null && token.length() < SHORTEST_TOKEN) {
            throw new IllegalArgumentException("wattwatch.security.token must be at least " + SHORTEST_TOKEN
                    + " characters (./wattwatch local makes one), was " + token.length());
        }
    }

    /** Never the token itself: a record's own text would print it wherever the properties are logged. */
    @Override
    public String toString() {
        return "AccessProperties[token=" + (token == null ? "none" : "(set)") + ", openReads=" + openReads + "]";
    }
}
