package org.wattwatch.notifier.channel;

/** A delivery the provider refused for good (bad token, bad request): retrying would not help. */
public class PermanentDeliveryException extends RuntimeException {

    public PermanentDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
