package org.wattwatch.notifier.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.notifier.channel.AlertChannel;
import org.wattwatch.notifier.channel.HttpClients;
import org.wattwatch.notifier.channel.HttpFailures;
import org.wattwatch.notifier.message.AlertMessage;
import org.wattwatch.notifier.routing.ChannelRouting;

/**
 * POSTs each alert event as JSON. {@code Idempotency-Key} is the same on every retry of one event,
 * so a receiver can drop a repeat; the optional HMAC signature lets it trust the sender.
 */
@Component
@ConditionalOnBooleanProperty("wattwatch.notifier.channels.webhook.enabled")
class WebhookChannel implements AlertChannel {

    static final String SIGNATURE_HEADER = "X-WattWatch-Signature";

    private final WebhookProperties properties;
    private final RestClient client;

    WebhookChannel(WebhookProperties properties) {
        if (properties.url() == null || properties.url().isBlank()) {
            throw new IllegalStateException("wattwatch.notifier.channels.webhook.url must be set when "
                    + "wattwatch.notifier.channels.webhook.enabled=true");
        }
        this.properties = properties;
        this.client = HttpClients.withTimeout(properties.url(), properties.timeout());
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public ChannelRouting routing() {
        return properties.routing();
    }

    @Override
    public void deliver(AlertMessage message) {
        String event = message.isDigest() ? WebhookPayload.DIGEST : message.anomaly().state().name();
        byte[] body = EventJson.write(new WebhookPayload(event, message.anomaly().alertId(), message.title(),
                message.text(), message.speech(), message.anomaly(), message.digest(),
                message.link() == null ? null : message.link().toString()));
        RestClient.RequestBodySpec request = client.post()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", message.idempotencyKey())
                .header("X-WattWatch-Event", event);
        if (properties.secret() != null && !properties.secret().isBlank()) {
            request.header(SIGNATURE_HEADER, "sha256=" + hmac(properties.secret(), body));
        }
        try {
            request.body(body).retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            throw HttpFailures.classify("the webhook", e);
        }
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
