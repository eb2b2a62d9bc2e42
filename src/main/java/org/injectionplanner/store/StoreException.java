package org.injectionplanner.store;

import org.injectionplanner.planfile.PlanFormatException;

/**
 * A failure of the plan store, with a message a physician or administrator can act on: it names the
 * file or course concerned and says what to do. Subclasses tell locks and conflicts apart; a file that is
 * not in the plan format fails with one caused by a {@link PlanFormatException}, with its message.
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

    /** The store's failure for a file not in the plan format: the same message, naming file and pointer. */
    static StoreException of(PlanFormatException e) {
        return new StoreException(e.getMessage(), e);
    }
}
