package org.wattwatch.event.topic;

/**
 * Kafka topic names shared by all services. Every topic is keyed by meter id so one meter's
 * events stay ordered in one partition.
 */
public final class Topics {

    /** {@link org.wattwatch.event.reading.MeterReading}s from the sensor agents. */
    public static final String READINGS = "power.readings";
    /** {@link org.wattwatch.event.score.ScoredReading}s: every reading with its expected range. */
    public static final String SCORED = "power.scored";
    /** {@link org.wattwatch.event.alert.Anomaly} events for the notifier. */
    public static final String ANOMALIES = "power.anomalies";
    /** Readings the scoring service could not parse or validate, with the reason in a header. */
    public static final String READINGS_DLQ = "power.readings.dlq";
    /** Anomalies the notifier could not parse, validate or deliver, with the reason in a header. */
    public static final String ANOMALIES_DLQ = "power.anomalies.dlq";

    /**
     * The notifier's own work queue: one record per (alert event, channel) to deliver, retried
     * through {@code power.notifications.retry-*} topics and dead-lettered to {@link #NOTIFICATIONS_DLQ}.
     */
    public static final String NOTIFICATIONS = "power.notifications";
    /** Notifications that could not be delivered within the retry budget, with the reason in headers. */
    public static final String NOTIFICATIONS_DLQ = "power.notifications.dlq";
    /** Compacted: the notifier's alert and delivery state, keyed by alert id, replayed at startup. */
    public static final String NOTIFICATIONS_STATE = "power.notifications.state";

    /**
     * Compacted: which model scores which meter ({@code *} for the default), with the package itself,
     * so every scoring instance converges on the same models.
     */
    public static final String MODELS = "power.models";

    /**
     * Each meter's energy per aligned slot of time (the readings re-cut, as {@link
     * org.wattwatch.event.reading.MeterReading}s), kept for years: the history a retrain learns from.
     */
    public static final String HISTORY = "power.history";
    /** Every retrain's decision on a meter's model: the candidate, its figures and the current one's, why. */
    public static final String MODEL_DECISIONS = "power.models.decisions";
    /** Compacted: what the owner said of an alert ("expected", "a real problem"), keyed by alert id. */
    public static final String ALERT_FEEDBACK = "power.alerts.feedback";

    /** Header on dead-letter records saying, in words, why the record was set aside. */
    public static final String DLQ_REASON_HEADER = "wattwatch-dlq-reason";

    private Topics() {
    }
}
