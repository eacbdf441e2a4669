package org.wattwatch.notifier.message;

import java.net.URI;
import java.util.List;

import org.wattwatch.event.alert.Anomaly;

/**
 * One lifecycle event of an alert in words, or a backlog's digest of many.
 *
 * @param anomaly        the event told; for a digest, the latest of its alerts' events
 * @param idempotencyKey the same for every attempt at delivering this message to a channel
 * @param title          short heading, for a push note
 * @param text           the full sentence (a digest: a line per alert), for push notes, logs and webhooks
 * @param speech         the short form, for a speaker
 * @param digest         the latest event of each alert a digest tells; empty for a single event
 * @param link           where the owner answers what the alert was (the dashboard at the alert), or null
 */
public record AlertMessage(Anomaly anomaly, String idempotencyKey, String title, String text, String speech,
        List<Anomaly> digest, URI link) {

    public AlertMessage {
        digest = List.copyOf(digest);
    }

    public AlertMessage(Anomaly anomaly, String idempotencyKey, String title, String text, String speech,
            List<Anomaly> digest) {
        this(anomaly, idempotencyKey, title, text, speech, digest, null);
    }

    public AlertMessage(Anomaly anomaly, String idempotencyKey, String title, String text, String speech) {
        this(anomaly, idempotencyKey, title, text, speech, List.of(), null);
    }

    public boolean isDigest() {
        return !digest.isEmpty();
    }
}
