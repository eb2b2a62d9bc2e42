package org.injectionplanner.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.planfile.Pointer;
import org.injectionplanner.planfile.Required;

/**
 * The bytes of a revision file: an object with {@code "format"}, {@code "formatVersion"}, {@code "header"}
 * and {@code "plan"}, in that order. The plan value is the session plan document of {@link PlanJson},
 * indented one level, and the header's {@code contentSha256} is the SHA-256 of exactly those bytes as
 * they stand in the file, so the hash never depends on how a JSON library prints numbers.
 */
final class RevisionFile {

    /** The {@code "format"} of a revision file. */
    static final String FORMAT = "injection-planner/plan-revision";

    /** The whole file as Jackson binds it to read; the plan is read by {@link PlanJson}. */
    private record Document(@Required String format, @Required Integer formatVersion, @Required Header header,
            @Required JsonNode plan) {
    }

    /** The header as Jackson binds it. */
    private record Header(@Required String courseId, @Required String planId, @Required Integer sequence,
            @Required String savedAt, @Required String author, @Required String reason, String previousSha256,
            @Required String contentSha256) {
    }

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
        byte[] planBytes = indent(JsonDialect.pretty(PlanJson.toTree(plan)));
        RevisionHeader h = new RevisionHeader(plan.courseId(), plan.id(), sequence, savedAt, author, reason,
                previousSha256, JsonDialect.sha256(planBytes));
        ObjectNode written = JsonDialect.object();
        written.put("courseId", h.courseId().toString());
        written.put("planId", h.planId().toString());
        written.put("sequence", h.sequence());
        written.put("savedAt", JsonDialect.time(h.savedAt()));
        written.put("author", h.author());
        written.put("reason", h.reason());
        written.put("previousSha256", h.previousSha256());
        written.put("contentSha256", h.contentSha256());
        ByteArrayOutputStream out = new ByteArrayOutputStream(planBytes.length + 1024);
        out.writeBytes(JsonDialect.utf8("{\n  \"format\": \"" + FORMAT + "\",\n  \"formatVersion\": "
                + PlanJson.FORMAT_VERSION + ",\n  \"header\": "));
        out.writeBytes(indent(JsonDialect.pretty(written)));
        out.writeBytes(JsonDialect.utf8(",\n  \"plan\": "));
        out.writeBytes(planBytes);
        out.writeBytes(JsonDialect.utf8("\n}\n"));
        return new Written(h, out.toByteArray());
    }

    /**
     * Reads a revision file's bytes.
     *
     * @param source the file named in error messages
     * @throws PlanFormatException if they are not a revision file
     */
    static Parsed parse(byte[] bytes, String source) throws PlanFormatException {
        Pointer root = Pointer.root(source);
        Document d = JsonDialect.readDocument(bytes, source, FORMAT, PlanJson.FORMAT_VERSION, Document.class);
        RevisionHeader header = header(d.header(), root.field("header"));
        SessionPlan plan = PlanJson.fromTree(d.plan(), root.field("plan"));
        if (!plan.id().equals(header.planId()) || !plan.courseId().equals(header.courseId())) {
            throw root.field("plan").error("the plan's id or course differs from the header's");
        }
        return new Parsed(header, plan, JsonDialect.sha256(planBytes(bytes, source)));
    }

    private static RevisionHeader header(Header o, Pointer at) throws PlanFormatException {
        UUID courseId = at.field("courseId").uuid(o.courseId());
        UUID planId = at.field("planId").uuid(o.planId());
        OffsetDateTime savedAt = at.field("savedAt").time(o.savedAt());
        if (o.previousSha256() != null && !isSha256(o.previousSha256())) {
            throw at.field("previousSha256").error("expected 64 lower-case hex digits");
        }
        if (!isSha256(o.contentSha256())) {
            throw at.field("contentSha256").error("expected 64 lower-case hex digits");
        }
        return at.build(() -> new RevisionHeader(courseId, planId, o.sequence(), savedAt, o.author(), o.reason(),
                o.previousSha256(), o.contentSha256()));
    }

    private static boolean isSha256(String text) {
        return text.matches("[0-9a-f]{64}");
    }

    /** The bytes of the top-level {@code "plan"} value, from its '{' to its '}'. */
    private static byte[] planBytes(byte[] bytes, String source) throws PlanFormatException {
        try (JsonParser p = JsonDialect.parser(bytes)) {
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
            throw JsonDialect.syntaxError(source, e);
        } catch (IOException e) {
            throw new PlanFormatException(source + ": not valid JSON: " + e.getMessage(), e);
        }
        throw Pointer.root(source).field("plan").error("missing");
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
