package org.injectionplanner.store;

/**
 * A save refused because the course changed on disk since this session last saw it (another writer
 * slipped in). Nothing was written, overwritten or merged; the plan has to be reopened.
 */
public final class ConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** A conflict described by {@code message}. */
    public ConflictException(String message) {
        super(message);
    }
}
