package org.injectionplanner.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.UUID;
import org.injectionplanner.plan.SessionPlan;

/**
 * The bytes of a revision file: an object with {@code "format"}, {@code "formatVersion"}, {@code "header"}
 * and {@code "plan"}, in that order. The plan value is the session plan document of {@link PlanJson},
 * indented one level, and the header's {@code contentSha256} is the SHA-256 of exactly those bytes as
 * they stand in the file, so the hash never depends on how a JSON library prints numbers.
 */
final class RevisionFile {

    /** The {@code "format"} of a revision file. */
    static final String FORMAT = "injection-planner/plan-revision";

    /**
     * A parsed revision file.
     *
     * @param header the header as written
     * @param plan the plan
     * @param actualContentSha256 the SHA-256 of the plan's bytes as found (to compare with the header's)
     */
    record Parsed(RevisionHeader header, SessionPlan plan, String actualContentSha256) {

        /** True if the plan's bytes are the ones that were saved. */
        boolean contentIntact() {
            return actualContentSha256.equals(header.contentSha256());
        }
    }

    /**
     * A revision ready to be written.
     *
     * @param header its header
     * @param bytes the whole file
     */
    record Written(RevisionHeader header, byte[] bytes) {
    }

    private RevisionFile() {
    }

    /**
     * The file's bytes.
     *
     * @param previousSha256 the SHA-256 of the predecessor's file bytes, or null for sequence 1
     * @throws IllegalArgumentException if the header is invalid (e.g. a blank author) or the plan holds
     *         a number JSON cannot carry
     */
    static Written write(SessionPlan plan, int sequence, OffsetDateTime savedAt, String author, String reason,
            String previousSha256) {
        byte[] planBytes = indent(Json.pretty(PlanJson.toTree(plan)));
        RevisionHeader header = new RevisionHeader(plan.courseId(), plan.id(), sequence, savedAt, author, reason,
                previousSha256, Json.sha256(planBytes));
        ByteArrayOutputStream out = new ByteArrayOutputStream(planBytes.length + 1024);
        out.writeBytes(Json.utf8("{\n  \"format\": \"" + FORMAT + "\",\n  \"formatVersion\": "
                + PlanJson.FORMAT_VERSION + ",\n  \"header\": "));
        out.writeBytes(indent(Json.pretty(headerTree(header))));
        out.writeBytes(Json.utf8(",\n  \"plan\": "));
        out.writeBytes(planBytes);
        out.writeBytes(Json.utf8("\n}\n"));
        return new Written(header, out.toByteArray());
    }

    /**
     * Reads a revision file's bytes.
     *
     * @param source the file named in error messages
     * @throws PlanFormatException if they are not a revision file
     */
    static Parsed parse(byte[] bytes, String source) throws PlanFormatException {
        JsonIn root = JsonIn.object(Json.parse(bytes, source), "$", source);
        root.requireFormat(FORMAT, PlanJson.FORMAT_VERSION);
        root.allowOnly("format", "formatVersion", "header", "plan");
        RevisionHeader header = header(root.object("header"));
        JsonIn planNode = root.object("plan");
        SessionPlan plan = PlanJson.fromTree(planNode.node(), planNode.path(), source);
        if (!plan.id().equals(header.planId()) || !plan.courseId().equals(header.courseId())) {
            throw JsonIn.error(source, "$.plan", "the plan's id or course differs from the header's");
        }
        return new Parsed(header, plan, Json.sha256(planBytes(bytes, source)));
    }

    private static ObjectNode headerTree(RevisionHeader h) {
        ObjectNode o = Json.object();
        o.put("courseId", h.courseId().toString());
        o.put("planId", h.planId().toString());
        o.put("sequence", h.sequence());
        o.put("savedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(h.savedAt()));
        o.put("author", h.author());
        o.put("reason", h.reason());
        o.put("previousSha256", h.previousSha256());
        o.put("contentSha256", h.contentSha256());
        return o;
    }

    private static RevisionHeader header(JsonIn o) throws PlanFormatException {
        o.allowOnly("courseId", "planId", "sequence", "savedAt", "author", "reason", "previousSha256",
                "contentSha256");
        UUID courseId = o.uuid("courseId");
        UUID planId = o.uuid("planId");
        int sequence = o.integer("sequence");
        OffsetDateTime savedAt = o.dateTime("savedAt");
        String author = o.text("author");
        String reason = o.text("reason");
        String previous = o.optionalText("previousSha256");
        String content = o.text("contentSha256");
        if (previous != null && !isSha256(previous)) {
            throw o.error("previousSha256", "expected 64 lower-case hex digits");
        }
        if (!isSha256(content)) {
            throw o.error("contentSha256", "expected 64 lower-case hex digits");
        }
        return o.build(() -> new RevisionHeader(courseId, planId, sequence, savedAt, author, reason, previous,
                content));
    }

    private static boolean isSha256(String text) {
        return text.matches("[0-9a-f]{64}");
    }

    /** The bytes of the top-level {@code "plan"} value, from its '{' to its '}'. */
    private static byte[] planBytes(byte[] bytes, String source) throws PlanFormatException {
        try (JsonParser p = Json.MAPPER.createParser(bytes)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("plan") && value == JsonToken.START_OBJECT) {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    int end = (int) p.currentTokenLocation().getByteOffset() + 1;
                    return Arrays.copyOfRange(bytes, start, end);
                }
                p.skipChildren();
            }
        } catch (JsonProcessingException e) {
            throw Json.syntaxError(source, e);
        } catch (IOException e) {
            throw new PlanFormatException(source + ": not valid JSON: " + e.getMessage(), e);
        }
        throw JsonIn.error(source, "$.plan", "missing");
    }

    /** Indents a pretty-printed value by one level (two spaces); JSON strings hold no raw line feeds. */
    private static byte[] indent(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + json.length / 8);
        for (byte b : json) {
            out.write(b);
            if (b == '\n') {
                out.write(' ');
                out.write(' ');
            }
        }
        return out.toByteArray();
    }
}
