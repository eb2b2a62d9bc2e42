package org.injectionplanner.store;

/**
 * A failure of the plan store, with a message a physician or administrator can act on: it names the
 * file or course concerned and says what to do. Subclasses tell format errors, locks and conflicts apart.
 */
public class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public StoreException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause} (typically an I/O error). */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
