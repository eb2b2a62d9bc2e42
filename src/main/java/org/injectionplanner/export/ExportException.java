package org.injectionplanner.export;

/** An export that cannot be made: an image not found, a file that exists, a format not in this build. */
public final class ExportException extends Exception {

    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
