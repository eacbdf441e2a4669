package org.wattwatch.notifier.delivery;

/** The alert state topic could not be written: Kafka's trouble, retried, never a reason to give up an alert. */
class StateWriteException extends RuntimeException {

    StateWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
