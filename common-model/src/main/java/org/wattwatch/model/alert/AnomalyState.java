package org.wattwatch.model.alert;

/** Where an anomaly is in its life; the notifier words its message after this. */
public enum AnomalyState {
    /** Usage became unusual: the first event of an alert. */
    RAISED
}
