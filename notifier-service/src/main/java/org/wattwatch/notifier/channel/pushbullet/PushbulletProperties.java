package org.wattwatch.notifier.channel.pushbullet;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.wattwatch.notifier.routing.ChannelRouting;

/**
 * Pushbullet push notes.
 *
 * @param enabled         off by default
 * @param token           access token (from a secret, e.g. env WATTWATCH_NOTIFIER_CHANNELS_PUSHBULLET_TOKEN)
 * @param device          device iden to push to; empty pushes to all the account's devices
 * @param rateLimitPause  when Pushbullet reports no requests left, wait this long before the next (default 5m)
 * @param routing         what is pushed (default: every event)
 */
@ConfigurationProperties("wattwatch.notifier.channels.pushbullet")
public record PushbulletProperties(
        @DefaultValue("false") boolean enabled,
        String token,
        String device,
        @DefaultValue("5m") Duration rateLimitPause,
        @DefaultValue ChannelRouting routing) {

    @Override
    public String toString() {
        return "PushbulletProperties[enabled=" + enabled + ", token=" + (token == null ? "unset" : "******")
                + ", device=" + device + ", rateLimitPause=" + rateLimitPause + ", routing=" + routing + "]";
    }
}
