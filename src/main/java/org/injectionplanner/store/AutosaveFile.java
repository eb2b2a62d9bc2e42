package org.injectionplanner.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.planfile.Pointer;
import org.injectionplanner.planfile.Required;

/**
 * An autosave file: the working copy of a plan, written after every edit. Not part of the revision chain
 * and replaced in place (atomically); {@code basedOnSequence} is the newest revision of the course the
 * writing session had seen.
 */
final class AutosaveFile {

    /** The {@code "format"} of an autosave file. */
    static final String FORMAT = "injection-planner/autosave";

    /** The file as Jackson binds it to read; the plan is read by {@link PlanJson}. */
    private record Document(@Required String format, @Required Integer formatVersion, @Required String savedAt,
            Integer basedOnSequence, @Required JsonNode plan) {
    }

    /**
     * A parsed autosave file.
     *
     * @param savedAt when it was written
     * @param basedOnSequence the newest revision of the course then, or null
     * @param plan the working copy
     */
    record Parsed(OffsetDateTime savedAt, Integer basedOnSequence, SessionPlan plan) {
    }

    private AutosaveFile() {
    }

    static byte[] write(SessionPlan plan, OffsetDateTime savedAt, Integer basedOnSequence) {
        ObjectNode root = JsonDialect.newDocument(FORMAT, PlanJson.FORMAT_VERSION);
        root.put("savedAt", JsonDialect.time(savedAt));
        root.put("basedOnSequence", basedOnSequence);
        root.set("plan", PlanJson.toTree(plan));
        return JsonDialect.document(root);
    }

    /**
     * Reads an autosave file's bytes.
     *
     * @param source the file named in error messages
     * @throws PlanFormatException if they are not an autosave file
     */
    static Parsed parse(byte[] bytes, String source) throws PlanFormatException {
        Pointer root = Pointer.root(source);
        Document d = JsonDialect.readDocument(bytes, source, FORMAT, PlanJson.FORMAT_VERSION, Document.class);
        OffsetDateTime savedAt = root.field("savedAt").time(d.savedAt());
        return new Parsed(savedAt, d.basedOnSequence(), PlanJson.fromTree(d.plan(), root.field("plan")));
    }
}
