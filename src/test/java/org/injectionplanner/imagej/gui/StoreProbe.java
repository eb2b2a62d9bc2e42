package org.injectionplanner.imagej.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a GUI test's macro waits for in the plan store, e.g.
 * {@code call("...StoreProbe.awaitAutosave", store, "unsaved nerve")} before a simulated crash: the plugin
 * autosaves on a background thread, so the macro waits until the autosave is on disk, not for a time.
 */
public final class StoreProbe {

    private static final long TIMEOUT_MS = 60_000;

    private StoreProbe() {
    }

    /**
     * Waits until an autosave of the store in {@code store} ({@code courses/<course>/autosave/<plan>.json})
     * contains {@code text}, and returns its path.
     *
     * @throws IllegalStateException if none does within a minute
     */
    public static String awaitAutosave(String store, String text) throws InterruptedException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (true) {
            Optional<Path> found = autosaveContaining(Path.of(store, "courses"), text);
            if (found.isPresent()) {
                return found.get().toString();
            }
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("no autosave under " + store + " contained \"" + text + "\" within "
                        + TIMEOUT_MS + " ms");
            }
            Thread.sleep(10);
        }
    }

    private static Optional<Path> autosaveContaining(Path courses, String text) {
        if (!Files.isDirectory(courses)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(courses)) {
            return files.filter(f -> f.getParent().getFileName().toString().equals("autosave"))
                    .filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> contains(f, text))
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            // a file replaced while walking: look again
            return Optional.empty();
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
