package org.clipfile.takedown;

/** No article, source or takedown entry by that name. */
public class TakedownNotFoundException extends RuntimeException {
    public TakedownNotFoundException(String message) {
        super(message);
    }
}
