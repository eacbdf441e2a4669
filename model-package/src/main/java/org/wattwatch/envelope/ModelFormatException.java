package org.wattwatch.envelope;

/** A model file that cannot be used; the message names the file and the place. */
public class ModelFormatException extends RuntimeException {

    public ModelFormatException(String message) {
        super(message);
    }
}
