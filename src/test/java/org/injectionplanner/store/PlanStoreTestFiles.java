package org.injectionplanner.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** File helpers for the store's tests. */
final class PlanStoreTestFiles {

    private PlanStoreTestFiles() {
    }

    /** The file's bytes (unchecked, for lambdas). */
    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
