package org.wattwatch.event.topic;

/**
 * The topic names one installation uses: the {@link Topics} names behind an optional prefix
 * ({@code wattwatch.topics.prefix}), so several homes or environments can share a Kafka cluster.
 */
public record TopicNames(String prefix) {

    public TopicNames {
        prefix = prefix == null ? "" : prefix;
        if (!prefix.matches("[a-zA-Z0-9._-]*")) {
            throw new IllegalArgumentException("wattwatch.topics.prefix may hold only letters, digits, '.', '_' and '-', "
                    + "was '" + prefix + "'");
        }
    }

    public String readings() {
        return prefix + Topics.READINGS;
    }

    public String scored() {
        return prefix + Topics.SCORED;
    }

    public String anomalies() {
        return prefix + Topics.ANOMALIES;
    }

    public String history() {
        return prefix + Topics.HISTORY;
    }

    public String modelDecisions() {
        return prefix + Topics.MODEL_DECISIONS;
    }

    public String alertFeedback() {
        return prefix + Topics.ALERT_FEEDBACK;
    }

    public String readingsDlq() {
        return prefix + Topics.READINGS_DLQ;
    }

    public String anomaliesDlq() {
        return prefix + Topics.ANOMALIES_DLQ;
    }

    public String notifications() {
        return prefix + Topics.NOTIFICATIONS;
    }

    public String models() {
        return prefix + Topics.MODELS;
    }

    public String notificationsState() {
        return prefix + Topics.NOTIFICATIONS_STATE;
    }
}
