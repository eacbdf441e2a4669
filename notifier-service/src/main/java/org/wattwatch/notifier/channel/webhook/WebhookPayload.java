package org.wattwatch.notifier.channel.webhook;

import org.wattwatch.model.alert.Anomaly;

/** What the webhook receives: the words, ready to show or speak, and the whole anomaly. */
record WebhookPayload(String event, String alertId, String title, String text, String speech, Anomaly anomaly) {
}
