package org.injectionplanner.planfile;

/**
 * A plan, revision, autosave or settings file that is not in the documented format (docs/plan-format.md).
 * The message names the file and the JSON pointer (RFC 6901) of the offending value, e.g.
 * {@code courses/…/000003-….json: /plan/targets/2/point/x: expected a number, found "abc"}, or the line
 * and column of a syntax error.
 */
public final class PlanFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A format error described by {@code message} (which already names the file and pointer). */
    public PlanFormatException(String message) {
        super(message);
    }

    /** A format error described by {@code message}, found by the JSON library ({@code cause}). */
    public PlanFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
