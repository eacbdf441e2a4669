package org.wattwatch.notifier.delivery;

import java.time.Instant;

/**
 * How one channel fared with one alert event.
 *
 * @param attempts delivery attempts so far
 * @param detail   why it was skipped, or the last error
 */
public record DeliveryStatus(Outcome outcome, Instant at, int attempts, String detail) {

    public enum Outcome {
        /** Handed to the delivery queue. */
        PENDING,
        /** Part of a backlog: waits to be told in the backlog's digest. */
        HELD,
        /** The provider accepted it. */
        DELIVERED,
        /** Routing decided not to send it (quiet hours, severity, snooze...). */
        SKIPPED,
        /** Failed; will be tried again. */
        RETRYING,
        /** Gave up: the retry budget ran out or the provider refused for good; see the dead-letter topic. */
        FAILED
    }

    public boolean isFinal() {
        return outcome == Outcome.DELIVERED || outcome == Outcome.SKIPPED || outcome == Outcome.FAILED;
    }
}
