package org.injectionplanner.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;

/**
 * What this workstation's memories of stores ({@link SeenSequences}, {@link AdminKeyPins}) share: a JSON
 * document of format version 1 outside every store (in the {@link WorkstationFolder}), a list of entries keyed
 * by the store's real folder, replaced atomically. Callers create the file's folder (with the permissions
 * they need) and serialise their own updates.
 */
final class StoreMemoryFile {

    private StoreMemoryFile() {
    }

    /** The key of the store in {@code root}: its real folder, or its absolute path if that cannot be resolved. */
    static String storeKey(Path root) {
        try {
            return root.toRealPath().toString();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize().toString();
        }
    }

    /**
     * The {@code format} document (version 1) in {@code file}, bound to {@code type}; empty when there is no file.
     *
     * @throws StoreException naming the file (and the field) if it cannot be read or is not such a document
     */
    static <T> Optional<T> read(Path file, String format, Class<T> type) throws StoreException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonDialect.readDocument(StoreFiles.readNamed(file), file.toString(), format, 1, type));
        } catch (PlanFormatException e) {
            throw StoreException.of(e);
        }
    }

    /**
     * Replaces {@code file} atomically with the {@code format} document (version 1) whose array {@code list}
     * {@code entries} fills.
     *
     * @throws IOException if it cannot be written (the old file is then unchanged)
     */
    static void write(Path file, String format, String list, Consumer<ArrayNode> entries) throws IOException {
        ObjectNode json = JsonDialect.newDocument(format, 1);
        entries.accept(json.putArray(list));
        AtomicFiles.replace(file, JsonDialect.document(json));
    }
}
