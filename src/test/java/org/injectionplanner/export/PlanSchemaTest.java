package org.injectionplanner.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.store.TestPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schemas (plan.schema.json, plan-export.schema.json) against what the code writes and reads:
 * every export validates, and the schema and the reader agree on documents changed one field at a time.
 */
class PlanSchemaTest {

    private static final String GOLDEN = "/org/injectionplanner/planfile/golden/";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = PlanSchemaTest.class.getResourceAsStream(GOLDEN + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static void assertValid(JsonSchema schema, byte[] json, String what) {
        assertThat(SchemaFixtures.validate(schema, json)).as(what).isEmpty();
    }

    @Test
    void everyExportOfRandomPlansValidates() {
        for (int seed = 0; seed < 300; seed++) {
            SessionPlan plan = TestPlans.random(new Random(seed));
            assertValid(SchemaFixtures.EXPORT, PlanJsonExport.bytes(plan, null), "seed " + seed);
            assertValid(SchemaFixtures.EXPORT, PlanJsonExport.bytes(plan, new Deidentifier()),
                    "seed " + seed + " de-identified");
            assertValid(SchemaFixtures.PLAN, PlanJson.write(plan), "plan document of seed " + seed);
        }
    }

    @Test
    void exportsOfTheFixturesValidateIdentifiedAndDeidentified() {
        for (SessionPlan plan : List.of(ExportFixtures.plan(), SchemaFixtures.sealed(), TestPlans.sample())) {
            assertValid(SchemaFixtures.EXPORT, PlanJsonExport.bytes(plan, null), plan.id() + " identified");
            assertValid(SchemaFixtures.EXPORT, PlanJsonExport.bytes(plan, new Deidentifier()),
                    plan.id() + " de-identified");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan-sample.json", "plan-signed.json", "plan-random-1.json", "plan-random-2.json",
        "plan-random-3.json", "plan-random-4.json"})
    void theGoldenPlanFilesAndTheirExportsValidate(String name) throws Exception {
        byte[] document = golden(name);
        assertValid(SchemaFixtures.PLAN, document, name);
        SessionPlan plan = PlanJson.read(document, name);
        assertValid(SchemaFixtures.EXPORT, PlanJsonExport.bytes(plan, null), name + " exported");
        assertValid(SchemaFixtures.EXPORT, PlanJsonExport.bytes(plan, new Deidentifier()), name + " de-identified");
    }

    @ParameterizedTest
    @ValueSource(strings = {"revision-000001.json", "revision-000002.json", "autosave.json",
        "autosave-unsaved.json"})
    void thePlansInTheGoldenStoreFilesValidate(String name) throws Exception {
        JsonNode plan = MAPPER.readTree(golden(name)).get("plan");
        assertThat(SchemaFixtures.validate(SchemaFixtures.PLAN, plan)).as(name).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"settings-defaults.json", "settings-custom.json", "settings-before-drugs-defaults.json",
        "settings-before-drugs-custom.json"})
    void theGoldenSettingsValidateAsASealsSettings(String name) throws Exception {
        assertValid(SchemaFixtures.SETTINGS, golden(name), name);
    }

    /** A change of one value of a document: {@code value} null removes the field. */
    private record Mutation(String pointer, JsonNode value) {

        static Mutation remove(String pointer) {
            return new Mutation(pointer, null);
        }

        static Mutation set(String pointer, Object value) {
            return new Mutation(pointer, MAPPER.valueToTree(value));
        }

        JsonNode applyTo(JsonNode document) {
            JsonNode copy = document.deepCopy();
            JsonPointer at = JsonPointer.compile(pointer);
            JsonNode parent = copy.at(at.head());
            String last = at.last().getMatchingProperty();
            if (parent instanceof ArrayNode array) {
                array.set(at.last().getMatchingIndex(), value);
            } else if (value == null) {
                assertThat(((ObjectNode) parent).remove(last)).as(pointer).isNotNull();
            } else {
                ((ObjectNode) parent).set(last, value);
            }
            return copy;
        }

        @Override
        public String toString() {
            return value == null ? "remove " + pointer : pointer + " = " + value;
        }
    }

    /** Missing fields, wrong types, unknown fields and values out of range. */
    private static final List<Mutation> INVALID = List.of(
            Mutation.remove("/id"),
            Mutation.remove("/targets/0/notes"),
            Mutation.remove("/injections/0/record/state"),
            Mutation.remove("/images/0/sopInstanceUid"),
            Mutation.remove("/zones/0/shape/radiusX"),
            Mutation.remove("/checklist/0/item"),
            Mutation.remove("/images/0/patient/name"),
            Mutation.set("/sessionNumber", "2"),
            Mutation.set("/targets/0/point/x", "abc"),
            Mutation.set("/injections/0/locked", "true"),
            Mutation.set("/images/0/frames", 1.5),
            Mutation.set("/images", MAPPER.createObjectNode()),
            Mutation.set("/signature", "signed"),
            Mutation.set("/injections/0/volumeMl", "0.5"),
            Mutation.set("/targets/0/side", "UP"),
            Mutation.set("/zones/0/shape/type", "circle"),
            Mutation.set("/zones/0/kind", "nerve"),
            Mutation.set("/extra", 1),
            Mutation.set("/images/0/patientName", "Doe^Jane"),
            Mutation.set("/images/0/patient/sex", "F"),
            Mutation.set("/targets/0/point/z", 0),
            Mutation.set("/injections/0/needle/colour", "blue"),
            Mutation.set("/injections/0/record/by", "x"),
            Mutation.set("/format", "injection-planner/other"),
            Mutation.set("/formatVersion", 2),
            Mutation.set("/id", "00000000-0000-4000-8000-00000000000A"),
            Mutation.set("/date", "26.11.2026"),
            Mutation.set("/images/0/patient/birthDate", "1970-13-02"),
            Mutation.set("/injections/0/record/at", "yesterday"),
            Mutation.set("/injections/0/needle/gauge", 40),
            Mutation.set("/injections/0/volumeMl", 0),
            Mutation.set("/patientWeightKg", 0),
            Mutation.set("/targets/0/calibration/mmPerPixelX", -0.1),
            Mutation.set("/targets/0/image/frame", 0),
            Mutation.set("/targets/0/label", null),
            Mutation.set("/targets/0/label", "a\u0001b"),
            Mutation.set("/zones/0/marginMm", -1),
            Mutation.set("/checklist/0/item/id", "No Allergy"),
            Mutation.set("/overrides/0/reason", "   "),
            Mutation.set("/injections/0/solution/dextrosePercent", 80));

    /** Changes both accept: nullable fields left out or null, a whole number for a decimal one. */
    private static final List<Mutation> VALID = List.of(
            Mutation.remove("/patientWeightKg"),
            Mutation.remove("/images/0/patient"),
            Mutation.remove("/images/0/studyDate"),
            Mutation.remove("/images/0/path"),
            Mutation.remove("/signature"),
            Mutation.set("/injections/0/needle/lengthMm", null),
            Mutation.set("/injections/0/volumeMl", 1),
            Mutation.set("/targets/0/notes", "line one\r\n\tline two"));

    @Test
    void theSchemaAndTheReaderAgreeOnChangedDocuments() throws Exception {
        JsonNode document = MAPPER.readTree(PlanJson.write(ExportFixtures.plan()));
        assertThat(SchemaFixtures.validate(SchemaFixtures.PLAN, document)).isEmpty();
        for (Mutation m : INVALID) {
            JsonNode changed = m.applyTo(document);
            assertThat(SchemaFixtures.validate(SchemaFixtures.PLAN, changed)).as("schema: %s", m).isNotEmpty();
            byte[] bytes = MAPPER.writeValueAsBytes(changed);
            assertThatThrownBy(() -> PlanJson.read(bytes, "plan.json")).as("reader: %s", m)
                    .isInstanceOf(PlanFormatException.class);
        }
        for (Mutation m : VALID) {
            JsonNode changed = m.applyTo(document);
            assertThat(SchemaFixtures.validate(SchemaFixtures.PLAN, changed)).as("schema: %s", m).isEmpty();
            assertThat(PlanJson.read(MAPPER.writeValueAsBytes(changed), "plan.json")).as("reader: %s", m)
                    .isNotNull();
        }
    }

    @Test
    void theSchemaAndTheReaderAgreeOnChangedSeals() throws Exception {
        JsonNode document = MAPPER.readTree(PlanJson.write(SchemaFixtures.sealed()));
        assertThat(SchemaFixtures.validate(SchemaFixtures.PLAN, document)).isEmpty();
        List<Mutation> invalid = List.of(Mutation.remove("/signature/seal/keyId"),
                Mutation.set("/signature/seal/value", "abc"), Mutation.set("/signature/seal/keyId", "AB"),
                Mutation.set("/signature/seal/settings/limits/extra", 1),
                Mutation.remove("/signature/seal/settings/presets"),
                Mutation.set("/signature/seal/settings/format", "injection-planner/session-plan"),
                Mutation.set("/signature/seal/settings/catalogue/0/laterality", "BOTH"),
                Mutation.set("/signature/seal/settings/limits/maxInsertionAngleDeg", 0),
                Mutation.set("/signature/contentSha256", "0F".repeat(32)));
        for (Mutation m : invalid) {
            JsonNode changed = m.applyTo(document);
            assertThat(SchemaFixtures.validate(SchemaFixtures.PLAN, changed)).as("schema: %s", m).isNotEmpty();
            byte[] bytes = MAPPER.writeValueAsBytes(changed);
            assertThatThrownBy(() -> PlanJson.read(bytes, "plan.json")).as("reader: %s", m)
                    .isInstanceOf(PlanFormatException.class);
        }
    }

    @Test
    void theExportSchemaAndTheImportAgreeOnChangedExports() throws Exception {
        JsonNode export = MAPPER.readTree(PlanJsonExport.bytes(ExportFixtures.plan(), null));
        List<Mutation> invalid = List.of(Mutation.remove("/deidentified"), Mutation.remove("/plan"),
                Mutation.set("/schemaVersion", 2), Mutation.set("/schemaVersion", "1"), Mutation.set("/extra", true),
                Mutation.set("/deidentified", true), Mutation.set("/plan/targets/0/point/y", "1"),
                Mutation.set("/plan/unknown", 1), Mutation.remove("/plan/format"));
        for (Mutation m : invalid) {
            JsonNode changed = m.applyTo(export);
            assertThat(SchemaFixtures.validate(SchemaFixtures.EXPORT, changed)).as("schema: %s", m).isNotEmpty();
            byte[] bytes = MAPPER.writeValueAsBytes(changed);
            assertThatThrownBy(() -> PlanJsonExport.read(bytes, "export.json")).as("import: %s", m)
                    .isInstanceOf(PlanFormatException.class);
        }
        JsonNode deidentified = MAPPER.readTree(PlanJsonExport.bytes(ExportFixtures.plan(), new Deidentifier()));
        Mutation flagOff = Mutation.set("/deidentified", false);
        assertThat(SchemaFixtures.validate(SchemaFixtures.EXPORT, flagOff.applyTo(deidentified))).isEmpty();
        assertThat(PlanJsonExport.read(MAPPER.writeValueAsBytes(flagOff.applyTo(deidentified)), "export.json"))
                .isNotNull();
    }

    @Test
    void theDocsPointToTheSchema() throws IOException {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/plan-format.md"),
                StandardCharsets.UTF_8);
        assertThat(docs).contains("src/main/resources/org/injectionplanner/planfile/plan.schema.json");
    }
}
