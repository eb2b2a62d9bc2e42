package org.injectionplanner.export;

import java.nio.file.Path;
import java.util.List;

/** An export that cannot be made: an image not found, a file that exists, a format not in this build. */
public class ExportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The files that exist and were not overwritten; empty for any other failure. */
    private final transient List<Path> existing;

    public ExportException(String message) {
        this(message, null, List.of());
    }

    public ExportException(String message, Throwable cause) {
        this(message, cause, List.of());
    }

    /** An export refused because {@code existing} files exist (and overwriting was not asked for). */
    ExportException(String message, Throwable cause, List<Path> existing) {
        super(message, cause);
        this.existing = List.copyOf(existing);
    }

    /** The files that exist and were not overwritten (ask, then export again with force); empty otherwise. */
    public List<Path> existing() {
        return existing;
    }
}
