package org.wattwatch.notifier.channel.webhook;

import java.util.List;

import org.wattwatch.event.alert.Anomaly;

/**
 * What the webhook receives: the words, ready to show or speak, and the whole anomaly.
 *
 * @param event   the anomaly's state ({@code RAISED}, {@code ONGOING}, {@code RESOLVED}), or {@code DIGEST} for a
 *                backlog's alerts in one message
 * @param anomaly the event told; for a digest, the latest of its alerts' events
 * @param digest  for a digest, the latest event of each alert it tells; otherwise empty
 * @param link    the dashboard at the alert, where the owner says what it was ({@code wattwatch.notifier.dashboard-url});
 *                null without one
 */
record WebhookPayload(String event, String alertId, String title, String text, String speech, Anomaly anomaly,
        List<Anomaly> digest, String link) {

    static final String DIGEST = "DIGEST";
}
