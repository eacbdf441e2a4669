package org.wattwatch.notifier.message;

import org.wattwatch.model.alert.Anomaly;

/**
 * One lifecycle event of an alert, in words.
 *
 * @param idempotencyKey the same for every attempt at delivering this event to a channel
 * @param title          short heading, for a push note
 * @param text           the full sentence, for push notes, logs and webhooks
 * @param speech         the short form, for a speaker
 */
public record AlertMessage(Anomaly anomaly, String idempotencyKey, String title, String text, String speech) {
}
