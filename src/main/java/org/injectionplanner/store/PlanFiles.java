package org.injectionplanner.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.planfile.Pointer;

/**
 * Reads a plan named on the command line: a session plan document (docs/plan-format.md §2) or a revision
 * file of a plan store (§3), telling which store a revision belongs to.
 */
public final class PlanFiles {

    /**
     * A plan read from a file.
     *
     * @param plan the plan
     * @param store the store holding it when the file is a revision in a store's course folder, else empty
     */
    public record Loaded(SessionPlan plan, Optional<PlanStore> store) {
    }

    private PlanFiles() {
    }

    /**
     * Reads a plan document or a revision file: a regular file (or a link to one) of at most
     * {@link StoreFiles#MAX_BYTES}; a revision inside a store is read as a file of that store.
     *
     * @throws StoreException if it cannot be read, or is neither (caused by a {@link PlanFormatException})
     */
    public static Loaded load(Path file) throws StoreException {
        try {
            return loadFormatted(file);
        } catch (PlanFormatException e) {
            throw StoreException.of(e);
        }
    }

    private static Loaded loadFormatted(Path file) throws StoreException, PlanFormatException {
        byte[] bytes = StoreFiles.readNamed(file);
        JsonNode root = JsonDialect.parse(bytes, file.toString());
        JsonNode format = root.get("format");
        if (format != null && RevisionFile.FORMAT.equals(format.asText())) {
            Path revisions = file.toAbsolutePath().normalize().getParent();
            Path storeRoot = revisions == null || revisions.getParent() == null ? null
                    : revisions.getParent().getParent() == null ? null : revisions.getParent().getParent().getParent();
            boolean inStore = storeRoot != null && revisions.getFileName().toString().equals(StoreLayout.REVISIONS)
                    && revisions.getParent().getParent().getFileName().toString().equals(StoreLayout.COURSES)
                    && Files.isDirectory(storeRoot);
            if (inStore) {
                PlanStore store = new PlanStore(storeRoot);
                return new Loaded(store.load(file).plan(), Optional.of(store));
            }
            RevisionFile.Parsed parsed = RevisionFile.parse(bytes, file.toString());
            if (!parsed.contentIntact()) {
                throw new StoreException(file + ": the plan was changed after it was saved (its SHA-256 no longer "
                        + "matches the header)");
            }
            return new Loaded(parsed.plan(), Optional.empty());
        }
        return new Loaded(PlanJson.fromTree(root, Pointer.root(file.toString())), Optional.empty());
    }
}
