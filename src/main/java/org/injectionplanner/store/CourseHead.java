package org.injectionplanner.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.Pointer;
import org.injectionplanner.planfile.Required;
import org.injectionplanner.store.StoreLayout.RevisionName;

/**
 * A course's head record, {@code courses/<courseId>/head.json} (docs/plan-format.md §4): the newest
 * revision's file name and the SHA-256 of its bytes, replaced atomically after every save. The hash chain
 * vouches for every revision but the newest; the head vouches for the newest, so a newest revision that
 * was deleted, renamed or edited is found.
 *
 * @param name the newest revision's file name (sequence and plan)
 * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits
 */
record CourseHead(RevisionName name, String sha256) {

    /** The {@code "format"} of a head record. */
    static final String FORMAT = "injection-planner/course-head";

    /** The {@code "formatVersion"} written and read. */
    static final int FORMAT_VERSION = 1;

    CourseHead {
        if (name == null || sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a head record needs a revision name and its SHA-256");
        }
    }

    /** The newest revision's sequence. */
    int sequence() {
        return name.sequence();
    }

    /** The record as a UTF-8 JSON document ending in a line feed. */
    byte[] toJson() {
        ObjectNode o = JsonDialect.newDocument(FORMAT, FORMAT_VERSION);
        o.put("sequence", name.sequence());
        o.put("file", name.fileName());
        o.put("sha256", sha256);
        return JsonDialect.document(o);
    }

    /**
     * Reads a head record.
     *
     * @param source the file named in errors
     * @throws PlanFormatException if it is not a head record
     */
    static CourseHead parse(byte[] bytes, String source) throws PlanFormatException {
        Pointer root = Pointer.root(source);
        Document d = JsonDialect.readDocument(bytes, source, FORMAT, FORMAT_VERSION, Document.class);
        Optional<RevisionName> name = RevisionName.parse(d.file());
        if (name.isEmpty()) {
            throw root.field("file").error("not a revision file name (NNNNNN-<plan UUID>.json)");
        }
        if (name.get().sequence() != d.sequence()) {
            throw root.field("sequence").error(d.sequence() + " differs from the file name's " + name.get().sequence());
        }
        return root.build(() -> new CourseHead(name.get(), d.sha256()));
    }

    /** The head record's document. */
    private record Document(@Required String format, @Required Integer formatVersion, @Required Integer sequence,
            @Required String file, @Required String sha256) {
    }

    /**
     * The head record of the course in {@code courseDir} of the store in {@code root}, or empty when there
     * is none (a course without revisions, or saved by a version that wrote no head record).
     *
     * @throws StoreException if it is there but cannot be read or is not a head record
     */
    static Optional<CourseHead> read(Path root, Path courseDir) throws StoreException {
        Path file = StoreLayout.head(courseDir);
        return StoreFiles.readIfPresent(root, file, CourseHead::parse);
    }

    /**
     * What is wrong with the revision this record names in {@code revisionDir}: "is missing …", "was
     * changed …", or null when it is there with the recorded bytes.
     */
    String problem(Path root, Path revisionDir) {
        Path named = revisionDir.resolve(name.fileName());
        if (!Files.exists(named, LinkOption.NOFOLLOW_LINKS)) {
            return "is missing (the newest revision was deleted or renamed)";
        }
        try {
            String actual = JsonDialect.sha256(StoreFiles.readInStore(root, named));
            return actual.equals(sha256) ? null : "was changed after it was saved (its SHA-256 is " + actual
                    + ", the head record says " + sha256 + ")";
        } catch (StoreException e) {
            return "cannot be read (" + e.getMessage() + ")";
        }
    }
}
