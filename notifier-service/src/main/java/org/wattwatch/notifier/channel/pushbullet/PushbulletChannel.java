package org.wattwatch.notifier.channel.pushbullet;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import com.github.sheigutn.pushbullet.Pushbullet;
import com.github.sheigutn.pushbullet.exception.PushbulletApiException;
import com.github.sheigutn.pushbullet.http.defaults.post.SendPushRequest;
import com.github.sheigutn.pushbullet.items.push.sendable.ReceiverType;
import com.github.sheigutn.pushbullet.items.push.sendable.SendablePush;
import com.github.sheigutn.pushbullet.items.push.sendable.defaults.SendableLinkPush;
import com.github.sheigutn.pushbullet.items.push.sendable.defaults.SendableNotePush;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.wattwatch.notifier.channel.AlertChannel;
import org.wattwatch.notifier.channel.PermanentDeliveryException;
import org.wattwatch.notifier.message.AlertMessage;
import org.wattwatch.notifier.routing.ChannelRouting;

/** A push note on the owner's phone, through the pushbullet-java library. */
@Component
@ConditionalOnBooleanProperty("wattwatch.notifier.channels.pushbullet.enabled")
class PushbulletChannel implements AlertChannel {

    /** Error types after which the same request can never succeed. */
    private static final Set<String> PERMANENT = Set.of("invalid_access_token", "invalid_request", "not_found");

    private final PushbulletProperties properties;
    private final Pushbullet pushbullet;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;

    PushbulletChannel(PushbulletProperties properties, Clock clock) {
        if (properties.token() == null || properties.token().isBlank()) {
            throw new IllegalStateException("wattwatch.notifier.channels.pushbullet.token must be set when "
                    + "wattwatch.notifier.channels.pushbullet.enabled=true");
        }
        this.properties = properties;
        this.pushbullet = new Pushbullet(properties.token());
        this.clock = clock;
    }

    @Override
    public String name() {
        return "pushbullet";
    }

    @Override
    public ChannelRouting routing() {
        return properties.routing();
    }

    @Override
    public void deliver(AlertMessage message) {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            throw new RateLimitedException("Pushbullet rate limit reached; paused until " + pausedUntil);
        }
        // with a link, the owner opens the alert on the dashboard from the push itself to say what it was
        SendablePush note = (message.link() == null ? new SendableNotePush(message.title(), message.text())
                : new SendableLinkPush(message.title(), message.text(), message.link().toString()))
                .setGuid(message.idempotencyKey());
        if (properties.device() != null && !properties.device().isBlank()) {
            note.setReceiver(ReceiverType.DEVICE, properties.device());
        }
        try {
            // Pushbullet.push() clears the receiver; the library's request object keeps the chosen device
            pushbullet.executeRequest(new SendPushRequest(note));
        } catch (PushbulletApiException e) {
            String type = e.getError() == null ? "unknown" : e.getError().getType();
            if (pauseIfExhausted(now)) {
                throw new RateLimitedException("Pushbullet rate limit reached (" + type + "); paused until "
                        + pausedUntil);
            }
            String detail = "Pushbullet refused the push: " + type + " "
                    + (e.getError() == null ? "" : e.getError().getMessage());
            if (PERMANENT.contains(type)) {
                throw new PermanentDeliveryException(detail, e);
            }
            throw new IllegalStateException(detail, e);
        }
        pauseIfExhausted(now);
    }

    /** The library records X-Ratelimit-* of every response; a limit with nothing left means wait. */
    private boolean pauseIfExhausted(Instant now) {
        boolean exhausted = pushbullet.getRateLimit() > 0 && pushbullet.getRateRemaining() <= 0;
        if (exhausted) {
            pausedUntil = now.plus(properties.rateLimitPause());
        }
        return exhausted;
    }

    static final class RateLimitedException extends RuntimeException {
        RateLimitedException(String message) {
            super(message);
        }
    }
}
