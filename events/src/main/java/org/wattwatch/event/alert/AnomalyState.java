package org.wattwatch.event.alert;

/** Where an anomaly is in its life; the notifier words its message after this. */
public enum AnomalyState {
    /** Usage became unusual: the first event of an alert. */
    RAISED,
    /** Usage is still unusual: an update of the same alert, not a new one. */
    ONGOING,
    /** Usage is back to normal: the last event of the alert. */
    RESOLVED
}
