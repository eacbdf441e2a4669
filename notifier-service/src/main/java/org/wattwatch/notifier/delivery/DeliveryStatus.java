package org.wattwatch.notifier.delivery;

import java.time.Instant;

/** How one channel fared with one alert. */
public record DeliveryStatus(Outcome outcome, Instant at, String error) {

    public enum Outcome { DELIVERED, FAILED }

    static DeliveryStatus delivered(Instant at) {
        return new DeliveryStatus(Outcome.DELIVERED, at, null);
    }

    static DeliveryStatus failed(Instant at, String error) {
        return new DeliveryStatus(Outcome.FAILED, at, error);
    }
}
