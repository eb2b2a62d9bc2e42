package org.injectionplanner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.planfile.Pointer;
import org.injectionplanner.planfile.Required;
import org.injectionplanner.store.StoreFiles;

/**
 * The plan JSON export (docs/exports.md, *Plan JSON export*): a document of its own,
 * {@code "format": "injection-planner/plan-export"}, that wraps the complete plan document of
 * docs/plan-format.md §2 under {@code "plan"}, with the {@code schemaVersion} of the JSON Schema that
 * describes it ({@code plan-export.schema.json} beside {@code plan.schema.json} in package
 * {@code org.injectionplanner.planfile}) and whether it was de-identified. Lossless: {@link #read} of what
 * {@link #write} wrote gives an equal plan (de-identified: the plan {@link Deidentifier#plan} made). Written
 * in the plan files' dialect (docs/plan-format.md §1), so the same plan exported as it is gives the same
 * bytes (a de-identified export has new random UIDs each time); read as strictly. Thread-safe.
 */
public final class PlanJsonExport {

    /** The {@code "format"} of a plan export. */
    public static final String EXPORT_FORMAT = "injection-planner/plan-export";

    /** The {@code "formatVersion"} of the export document (the wrapper); readers refuse others. */
    public static final int FORMAT_VERSION = 1;

    /**
     * The version of the JSON Schemas the export follows ({@code plan-export.schema.json} and
     * {@code plan.schema.json}): it rises with every change of them, also when an optional field is added
     * and the plan's {@code formatVersion} stays; a reader refuses another one.
     */
    public static final int SCHEMA_VERSION = 1;

    /** The wrapper as Jackson binds it; the plan is read by {@link PlanJson}. */
    private record Export(@Required String format, @Required Integer formatVersion, @Required Integer schemaVersion,
            @Required Boolean deidentified, @Required JsonNode plan) {
    }

    private PlanJsonExport() {
    }

    /**
     * Writes the export of a plan, de-identified with a new {@link Deidentifier} when asked.
     *
     * @throws IOException if {@code out} fails
     */
    public static void write(SessionPlan plan, boolean deidentify, OutputStream out) throws IOException {
        write(plan, deidentify ? new Deidentifier() : null, out);
    }

    /**
     * Writes the export of a plan: UTF-8 JSON ending in a line feed.
     *
     * @param deidentifier the de-identification of this export (shared by all its files), or null to export
     *        the plan as it is
     * @throws IOException if {@code out} fails
     */
    public static void write(SessionPlan plan, Deidentifier deidentifier, OutputStream out) throws IOException {
        out.write(bytes(plan, deidentifier));
    }

    /** The export of a plan as bytes ({@link #write(SessionPlan, Deidentifier, OutputStream)}). */
    public static byte[] bytes(SessionPlan plan, Deidentifier deidentifier) {
        ObjectNode root = JsonDialect.object();
        root.put("format", EXPORT_FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("deidentified", deidentifier != null);
        root.set("plan", PlanJson.toTree(deidentifier == null ? plan : deidentifier.plan(plan)));
        return JsonDialect.document(root);
    }

    /**
     * Reads a plan export of at most {@link StoreFiles#MAX_BYTES} (32 MiB, as the plan store's files).
     *
     * @param source the file or label named in error messages
     * @throws PlanFormatException naming {@code source} and the JSON pointer of the value at fault, if it is
     *         not a plan export of a version this build reads
     * @throws IOException if {@code in} fails
     */
    public static SessionPlan read(InputStream in, String source) throws IOException, PlanFormatException {
        byte[] json = in.readNBytes((int) StoreFiles.MAX_BYTES + 1);
        if (json.length > StoreFiles.MAX_BYTES) {
            throw new PlanFormatException(source + ": larger than 32 MiB; not a plan export");
        }
        return read(json, source);
    }

    /**
     * Reads a plan export.
     *
     * @throws PlanFormatException as {@link #read(InputStream, String)}
     */
    public static SessionPlan read(byte[] json, String source) throws PlanFormatException {
        JsonNode value = JsonDialect.parse(json, source);
        Pointer at = Pointer.root(source);
        JsonDialect.requireFormat(value, at, EXPORT_FORMAT, FORMAT_VERSION);
        Export export = JsonDialect.bind(value, Export.class, at);
        int schema = export.schemaVersion();
        if (schema != SCHEMA_VERSION) {
            throw at.field("schemaVersion").error(schema > SCHEMA_VERSION
                    ? "schema version " + schema + " was written by a newer Injection Planner; update the plugin"
                    : "unknown schema version " + schema);
        }
        SessionPlan plan = PlanJson.fromTree(export.plan(), at.field("plan"));
        if (export.deidentified()) {
            requireDeidentified(plan, at.field("plan"));
        }
        return plan;
    }

    /** Refuses a plan flagged de-identified whose images still carry what de-identification removes. */
    private static void requireDeidentified(SessionPlan plan, Pointer at) throws PlanFormatException {
        for (int i = 0; i < plan.images().size(); i++) {
            PlanImage image = plan.images().get(i);
            Pointer imageAt = at.field("images").index(i);
            String kept = image.patient() != null ? "patient" : image.studyDate() != null ? "studyDate"
                    : image.path() != null ? "path" : image.description() != null ? "description" : null;
            if (kept != null) {
                throw imageAt.field(kept).error("a de-identified export may not hold the image's " + kept);
            }
        }
    }
}
