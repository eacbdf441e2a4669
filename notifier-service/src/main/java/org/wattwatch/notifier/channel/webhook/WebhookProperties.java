package org.wattwatch.notifier.channel.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.wattwatch.notifier.routing.ChannelRouting;

/**
 * A JSON POST per alert event, for ntfy, chat bridges or the owner's own automations.
 *
 * @param enabled off by default
 * @param url     where to POST
 * @param secret  if set, each request carries {@code X-WattWatch-Signature: sha256=<hex HMAC of the body>}
 * @param timeout per request (default 10s)
 * @param routing what is posted (default: every event)
 */
@ConfigurationProperties("wattwatch.notifier.channels.webhook")
public record WebhookProperties(
        @DefaultValue("false") boolean enabled,
        String url,
        String secret,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue ChannelRouting routing) {

    @Override
    public String toString() {
        return "WebhookProperties[enabled=" + enabled + ", url=" + url + ", secret="
                + (secret == null ? "unset" : "******") + ", timeout=" + timeout + ", routing=" + routing + "]";
    }
}
