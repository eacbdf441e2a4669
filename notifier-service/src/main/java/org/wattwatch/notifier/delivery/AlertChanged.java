package org.wattwatch.notifier.delivery;

/** The alert book recorded a change of one alert (a new event, a delivery's outcome, a snooze). */
public record AlertChanged(AlertRecord record) {
}
