package org.wattwatch.notifier.delivery;

/** A delivery that failed for now and is retried; its message is safe to store and show. */
class DeliveryFailedException extends RuntimeException {

    DeliveryFailedException(String message) {
        super(message, null, false, false);
    }
}
