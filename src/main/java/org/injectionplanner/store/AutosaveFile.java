package org.injectionplanner.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.injectionplanner.plan.SessionPlan;

/**
 * An autosave file: the working copy of a plan, written after every edit. Not part of the revision chain
 * and replaced in place (atomically); {@code basedOnSequence} is the newest revision of the course the
 * writing session had seen.
 */
final class AutosaveFile {

    /** The {@code "format"} of an autosave file. */
    static final String FORMAT = "injection-planner/autosave";

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
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("formatVersion", PlanJson.FORMAT_VERSION);
        root.put("savedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(savedAt));
        root.put("basedOnSequence", basedOnSequence);
        root.set("plan", PlanJson.toTree(plan));
        return PlanJson.withLineEnd(Json.pretty(root));
    }

    /**
     * Reads an autosave file's bytes.
     *
     * @param source the file named in error messages
     * @throws PlanFormatException if they are not an autosave file
     */
    static Parsed parse(byte[] bytes, String source) throws PlanFormatException {
        JsonIn root = JsonIn.object(Json.parse(bytes, source), "$", source);
        root.requireFormat(FORMAT, PlanJson.FORMAT_VERSION);
        root.allowOnly("format", "formatVersion", "savedAt", "basedOnSequence", "plan");
        OffsetDateTime savedAt = root.dateTime("savedAt");
        Integer basedOn = root.optionalInteger("basedOnSequence");
        SessionPlan plan = PlanJson.fromTree(root.required("plan"), root.path("plan"), source);
        return new Parsed(savedAt, basedOn, plan);
    }
}
