package org.injectionplanner.store;

/**
 * A plan, revision, autosave or settings file that is not in the documented format (docs/plan-format.md).
 * The message names the file and the JSON path of the offending value, e.g.
 * {@code courses/…/000003-….json: $.plan.targets[2].point.x: expected a number, found "abc"}.
 */
public final class PlanFormatException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** A format error described by {@code message} (which already names the file and path). */
    public PlanFormatException(String message) {
        super(message);
    }

    /** A format error described by {@code message}, found by the JSON parser ({@code cause}). */
    public PlanFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
