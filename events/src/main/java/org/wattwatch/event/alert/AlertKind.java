package org.wattwatch.event.alert;

/** What an alert is about. */
public enum AlertKind {
    /** Usage unusual for the time: the detector's verdict on the meter's readings. */
    USAGE,
    /** The meter sent no reading for the configured time: WattWatch cannot see the house. */
    SILENT,
    /**
     * The meter's readings stayed at zero for hours while its model expects some usage: the sensor
     * has likely come off the meter's LED.
     */
    DARK,
    /**
     * An alert channel keeps failing (a revoked token, a provider that refuses): told through the
     * other channels, with the channel's name where a meter id would be.
     */
    CHANNEL,
    /**
     * The meter's agent keeps many readings it could not send (its spool nearly full): beyond it, the
     * oldest waiting readings are dropped. Told from the readings themselves, once they arrive.
     */
    SPOOL
}
