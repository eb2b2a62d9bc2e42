package org.injectionplanner.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.injectionplanner.plan.ImageSides;
import org.injectionplanner.plan.PatientDirection;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.PlanJson;
import org.junit.jupiter.api.Test;

/**
 * Image sides in the plan JSON: they round-trip, the schema and the reader agree on them, a plan written
 * without them reads as "not known", and a de-identified export drops the physician's name.
 */
class ImageSidesJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static SessionPlan withSides(ImageSides sides) {
        SessionPlan plan = ExportFixtures.plan();
        return PlanEdits.setImageSides(plan.images().get(0), sides).applyTo(plan);
    }

    private static final ImageSides SET = new ImageSides(PatientDirection.RIGHT, 312.5, ImageSides.Source.PHYSICIAN,
            "Dr Smith");

    @Test
    void sidesRoundTripByteForByteAndValidate() throws Exception {
        for (ImageSides sides : new ImageSides[] {SET,
            new ImageSides(PatientDirection.CAUDAL, null, ImageSides.Source.DICOM_HEADER,
                    "Patient Orientation (0020,0020) \"H\\A\"")}) {
            SessionPlan plan = withSides(sides);
            byte[] json = PlanJson.write(plan);
            SessionPlan read = PlanJson.read(json, "plan.json");
            assertThat(read).isEqualTo(plan);
            assertThat(read.images().get(0).sides()).isEqualTo(sides);
            assertThat(PlanJson.write(read)).isEqualTo(json);
            assertThat(SchemaFixtures.validate(SchemaFixtures.PLAN, json)).isEmpty();
        }
    }

    @Test
    void aPlanWithoutSidesWritesNoSidesAndReadsAsUnknown() throws Exception {
        byte[] json = PlanJson.write(ExportFixtures.plan());
        assertThat(MAPPER.readTree(json).at("/images/0").has("sides")).isFalse();
        assertThat(PlanJson.read(json, "plan.json").images().get(0).sides()).isNull();
    }

    /** The document of a plan with {@link #SET}, changed at /images/0/sides. */
    private static JsonNode changed(Consumer<ObjectNode> change) throws Exception {
        JsonNode document = MAPPER.readTree(PlanJson.write(withSides(SET)));
        change.accept((ObjectNode) document.at("/images/0/sides"));
        return document;
    }

    @Test
    void theSchemaAndTheReaderRefuseTheSameBadSides() throws Exception {
        java.util.List<Consumer<ObjectNode>> bad = java.util.List.of(
                s -> s.put("leftEdge", "UP"),
                s -> s.remove("source"),
                s -> s.remove("by"),
                s -> s.putNull("midlineX"),
                s -> s.put("midlineX", -3),
                s -> s.put("midlineX", "400"),
                s -> s.put("colour", "red"),
                s -> s.put("source", "GUESSED"),
                s -> { s.put("leftEdge", "CRANIAL"); s.put("midlineX", 10); },
                s -> { s.put("source", "DICOM_HEADER"); s.put("by", ""); });
        for (int i = 0; i < bad.size(); i++) {
            JsonNode document = changed(bad.get(i));
            boolean schemaRefuses = !SchemaFixtures.validate(SchemaFixtures.PLAN, document).isEmpty();
            byte[] bytes = MAPPER.writeValueAsBytes(document);
            // the schema cannot see that header sides name their element; the reader refuses all of them
            assertThat(schemaRefuses || i == bad.size() - 1).as("schema refuses change %d: %s", i, document.at(
                    "/images/0/sides")).isTrue();
            assertThatThrownBy(() -> PlanJson.read(bytes, "plan.json")).as("reader refuses change %d", i)
                    .isInstanceOf(PlanFormatException.class).hasMessageContaining("/images/0/sides");
        }
        JsonNode longitudinal = changed(s -> { s.put("leftEdge", "CRANIAL"); s.putNull("midlineX"); });
        assertThat(SchemaFixtures.validate(SchemaFixtures.PLAN, longitudinal)).isEmpty();
        assertThat(PlanJson.read(MAPPER.writeValueAsBytes(longitudinal), "plan.json").images().get(0).sides()
                .rightEdge()).isEqualTo(PatientDirection.CAUDAL);
    }

    @Test
    void aDeidentifiedExportKeepsTheSidesButNotWhoSetThem() throws Exception {
        byte[] export = PlanJsonExport.bytes(withSides(SET), new Deidentifier());
        assertThat(SchemaFixtures.validate(SchemaFixtures.EXPORT, export)).isEmpty();
        assertThat(new String(export, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Dr Smith");
        ImageSides read = PlanJsonExport.read(export, "export.json").images().get(0).sides();
        assertThat(read).isEqualTo(new ImageSides(PatientDirection.RIGHT, 312.5, ImageSides.Source.PHYSICIAN, ""));
        JsonNode named = MAPPER.readTree(export);
        ((ObjectNode) named.at("/plan/images/0/sides")).put("by", "Dr Smith");
        assertThat(SchemaFixtures.validate(SchemaFixtures.EXPORT, named)).isNotEmpty();
    }
}
