package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.Laterality;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.OrderWeights;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.StructureKind;
import org.injectionplanner.plan.Target;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.planfile.SettingsJson;
import org.junit.jupiter.api.Test;

class PlanJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode tree(byte[] json) throws Exception {
        return MAPPER.readTree(json);
    }

    private static byte[] bytes(JsonNode tree) throws Exception {
        return MAPPER.writeValueAsBytes(tree);
    }

    @Test
    void samplePlanRoundTripsExactlyAndWritesTheSameBytesAgain() throws Exception {
        SessionPlan plan = TestPlans.sample();
        byte[] json = PlanJson.write(plan);
        SessionPlan back = PlanJson.read(json, "sample.json");
        assertThat(back).isEqualTo(plan);
        assertThat(PlanJson.write(back)).isEqualTo(json);
    }

    @Test
    void theDocumentHasTheDocumentedFieldNames() throws Exception {
        JsonNode doc = tree(PlanJson.write(TestPlans.sample()));
        assertThat(doc.get("format").asText()).isEqualTo("injection-planner/session-plan");
        assertThat(doc.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(fieldNames(doc)).containsExactly("format", "formatVersion", "id", "courseId", "sessionNumber",
                "date", "author", "status", "patientWeightKg", "images", "targets", "zones", "injections", "checklist",
                "overrides", "signature", "amendments");
        JsonNode injection = doc.get("injections").get(0);
        assertThat(fieldNames(injection)).containsExactly("id", "targetId", "locked", "approach", "needle", "solution",
                "volumeMl", "path", "record");
        assertThat(fieldNames(injection.get("path"))).containsExactly("entry", "entryCalibration");
        assertThat(injection.get("needle").get("lengthMm").doubleValue()).isEqualTo(38.1);
        assertThat(injection.get("solution").get("anaesthetic").asText()).isEqualTo("lidocaine");
        assertThat(injection.get("record").get("at").asText()).isEqualTo("2026-11-26T10:05:00Z");
        assertThat(doc.get("injections").get(1).get("path").isNull()).isTrue();
        assertThat(doc.get("injections").get(1).get("record").get("state").asText()).isEqualTo("SKIPPED");
        assertThat(fieldNames(doc.get("checklist").get(0))).containsExactly("item", "answer", "note");
        assertThat(doc.get("checklist").get(2).get("answer").isNull()).isTrue();
        assertThat(doc.get("signature").isNull()).isTrue();
        assertThat(fieldNames(doc.get("amendments").get(0))).containsExactly("reason", "author", "at", "amended");
        assertThat(doc.get("date").asText()).isEqualTo("2026-11-26");
        JsonNode t1 = doc.get("targets").get(0);
        assertThat(fieldNames(t1)).containsExactly("id", "number", "label", "structureId", "side", "level", "image",
                "point", "depthMm", "notes", "calibration");
        assertThat(t1.get("level").asText()).isEqualTo("L4_L5");
        assertThat(t1.get("point").get("x").doubleValue()).isEqualTo(312.25);
        assertThat(t1.get("calibration").get("source").asText()).isEqualTo("ULTRASOUND_REGION");
        JsonNode t2 = doc.get("targets").get(1);
        assertThat(t2.get("depthMm").isNull()).isTrue();
        assertThat(t2.get("level").isNull()).isTrue();
        assertThat(t2.get("calibration").get("source").asText()).isEqualTo("UNCALIBRATED");
        assertThat(t2.get("calibration").get("mmPerPixelX").isNull()).isTrue();
        JsonNode polygon = doc.get("zones").get(0).get("shape");
        assertThat(polygon.get("type").asText()).isEqualTo("polygon");
        assertThat(polygon.get("vertices")).hasSize(3);
        JsonNode ellipse = doc.get("zones").get(1).get("shape");
        assertThat(fieldNames(ellipse)).containsExactly("type", "centre", "radiusX", "radiusY", "angleDeg");
        assertThat(new String(PlanJson.write(TestPlans.sample()), StandardCharsets.UTF_8))
                .contains("\n    {\n").doesNotContain("\r").endsWith("}\n");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void settingsRoundTripIncludingUserAddedStructures() throws Exception {
        ClinicSettings settings = ClinicSettings.defaults().withDefaultMarginMm(7.5)
                .withCatalogue(ClinicSettings.defaults().catalogue().with(new Structure("piriformis-enthesis",
                        "Piriformis enthesis", StructureKind.ENTHESIS, null, "12345", Laterality.PAIRED, true,
                        List.of(SpinalLevel.L5, SpinalLevel.S1), true)));
        byte[] json = SettingsJson.write(settings);
        assertThat(SettingsJson.read(json, "settings.json")).isEqualTo(settings);
        assertThat(tree(json).get("format").asText()).isEqualTo("injection-planner/clinic-settings");
        assertThat(SettingsJson.read(SettingsJson.write(ClinicSettings.defaults()), "d"))
                .isEqualTo(ClinicSettings.defaults());
    }

    @Test
    void orderWeightsRoundTripAndSettingsWrittenBeforeThemReadTheDefaults() throws Exception {
        ClinicSettings settings = ClinicSettings.defaults().withOrderWeights(new OrderWeights(1.5, 60, 20, 0, 12.5));
        assertThat(SettingsJson.read(SettingsJson.write(settings), "s.json")).isEqualTo(settings);

        ObjectNode old = (ObjectNode) tree(SettingsJson.write(settings));
        old.remove("orderWeights");
        assertThat(SettingsJson.read(bytes(old), "old.json").orderWeights()).isEqualTo(OrderWeights.defaults());

        ObjectNode negative = (ObjectNode) tree(SettingsJson.write(settings));
        ((ObjectNode) negative.get("orderWeights")).put("reversalWeight", -1);
        assertThatThrownBy(() -> SettingsJson.read(bytes(negative), "s.json"))
                .isInstanceOf(PlanFormatException.class)
                .hasMessage("s.json: /orderWeights: the reversal weight must be a finite number >= 0, got -1.0");

        ObjectNode partial = (ObjectNode) tree(SettingsJson.write(settings));
        ((ObjectNode) partial.get("orderWeights")).remove("sideWeight");
        assertThatThrownBy(() -> SettingsJson.read(bytes(partial), "s.json"))
                .hasMessage("s.json: /orderWeights/sideWeight: missing");
    }

    @Test
    void settingsWrittenBeforeStructuresListedTheirLevelsStillRead() throws Exception {
        ClinicSettings settings = ClinicSettings.defaults().withCatalogue(ClinicSettings.defaults().catalogue()
                .with(new Structure("own-levelled", "Own levelled", StructureKind.LIGAMENT, null, null,
                        Laterality.PAIRED, true, List.of(SpinalLevel.L5), true))
                .with(new Structure("own-plain", "Own plain", StructureKind.TENDON, null, null, Laterality.PAIRED,
                        false, List.of(), true)));
        ObjectNode old = (ObjectNode) tree(SettingsJson.write(settings));
        old.withArray("catalogue").forEach(structure -> ((ObjectNode) structure).remove("levels"));
        ClinicSettings read = SettingsJson.read(old.toString().getBytes(StandardCharsets.UTF_8), "old.json");
        assertThat(read.catalogue().find("iliolumbar")).as("built-in entries get their levels")
                .isEqualTo(ClinicSettings.defaults().catalogue().find("iliolumbar"));
        assertThat(read.catalogue().find("own-levelled").orElseThrow().levels()).isEqualTo(Structure.ANY_LEVEL);
        assertThat(read.catalogue().find("own-plain").orElseThrow().levels()).isEmpty();
    }

    @Test
    void settingsWrittenBeforeStructuresHadALateralityReadTheirMidlineFlag() throws Exception {
        ClinicSettings settings = ClinicSettings.defaults().withCatalogue(ClinicSettings.defaults().catalogue()
                .with(new Structure("own-midline", "Own midline", StructureKind.LIGAMENT, null, null,
                        Laterality.MIDLINE, false, List.of(), true))
                .with(new Structure("own-paired", "Own paired", StructureKind.TENDON, null, null, Laterality.PAIRED,
                        false, List.of(), true)));
        ObjectNode old = (ObjectNode) tree(SettingsJson.write(settings));
        old.withArray("catalogue").forEach(node -> {
            ObjectNode structure = (ObjectNode) node;
            // as the old writer wrote them: the thoracolumbar fascia was "paired"
            structure.put("midline", "MIDLINE".equals(structure.remove("laterality").asText()));
        });
        ClinicSettings read = SettingsJson.read(old.toString().getBytes(StandardCharsets.UTF_8), "old.json");
        assertThat(read.catalogue().find("thoracolumbar-fascia").orElseThrow().laterality())
                .as("built-in entries get their own").isEqualTo(Laterality.ANY);
        assertThat(read).isEqualTo(settings);

        ObjectNode neither = (ObjectNode) tree(SettingsJson.write(settings));
        ((ObjectNode) neither.withArray("catalogue").get(14)).remove("laterality");
        assertThatThrownBy(() -> SettingsJson.read(bytes(neither), "s.json"))
                .hasMessage("s.json: /catalogue/14/midline: missing");
    }

    @Test
    void errorsNameTheFileAndThePath() throws Exception {
        ObjectNode doc = (ObjectNode) tree(PlanJson.write(TestPlans.sample()));
        ((ObjectNode) doc.get("targets").get(1).get("point")).put("x", "abc");
        assertThatThrownBy(() -> PlanJson.read(bytes(doc), "plan.json"))
                .isInstanceOf(PlanFormatException.class)
                .hasMessage("plan.json: /targets/1/point/x: expected a number, found \"abc\"");

        ObjectNode missing = (ObjectNode) tree(PlanJson.write(TestPlans.sample()));
        ((ObjectNode) missing.get("zones").get(0).get("shape")).remove("vertices");
        assertThatThrownBy(() -> PlanJson.read(bytes(missing), "plan.json"))
                .hasMessage("plan.json: /zones/0/shape/vertices: missing");

        ObjectNode unknownShape = (ObjectNode) tree(PlanJson.write(TestPlans.sample()));
        ((ObjectNode) unknownShape.get("zones").get(1).get("shape")).put("type", "circle");
        assertThatThrownBy(() -> PlanJson.read(bytes(unknownShape), "p"))
                .hasMessage("p: /zones/1/shape/type: expected \"polygon\" or \"ellipse\", found \"circle\"");

        ObjectNode extra = (ObjectNode) tree(PlanJson.write(TestPlans.sample()));
        ((ObjectNode) extra.get("images").get(0)).put("patientName", "x");
        assertThatThrownBy(() -> PlanJson.read(bytes(extra), "p"))
                .hasMessageStartingWith("p: /images/0/patientName: unknown field");

        ObjectNode badUuid = (ObjectNode) tree(PlanJson.write(TestPlans.sample()));
        badUuid.put("id", "1-1-1-1-1");
        assertThatThrownBy(() -> PlanJson.read(bytes(badUuid), "p")).hasMessageStartingWith("p: /id: expected a UUID");

        ObjectNode badFrame = (ObjectNode) tree(PlanJson.write(TestPlans.sample()));
        ((ObjectNode) badFrame.get("targets").get(0).get("image")).put("frame", 0);
        assertThatThrownBy(() -> PlanJson.read(bytes(badFrame), "p"))
                .hasMessage("p: /targets/0/image: frame numbers start at 1, got 0");

        ObjectNode badSide = (ObjectNode) tree(PlanJson.write(TestPlans.sample()));
        ((ObjectNode) badSide.get("targets").get(0)).put("side", "left");
        assertThatThrownBy(() -> PlanJson.read(bytes(badSide), "p"))
                .hasMessage("p: /targets/0/side: expected one of [LEFT, RIGHT, MIDLINE], found \"left\"");

        ObjectNode fraction = (ObjectNode) tree(PlanJson.write(TestPlans.sample()));
        fraction.put("sessionNumber", 1.5);
        assertThatThrownBy(() -> PlanJson.read(bytes(fraction), "p"))
                .hasMessageStartingWith("p: /sessionNumber: expected a whole number");
    }

    @Test
    void refusesOtherFormatsNewerVersionsAndBrokenJson() throws Exception {
        ObjectNode newer = (ObjectNode) tree(PlanJson.write(TestPlans.sample()));
        newer.put("formatVersion", 2);
        assertThatThrownBy(() -> PlanJson.read(bytes(newer), "p"))
                .hasMessage("p: /formatVersion: version 2 was written by a newer Injection Planner; "
                        + "update the plugin");
        assertThatThrownBy(() -> PlanJson.read(SettingsJson.write(ClinicSettings.defaults()), "s.json"))
                .hasMessageStartingWith("s.json: /format: expected \"injection-planner/session-plan\"");
        assertThatThrownBy(() -> PlanJson.read("{\"format\": 1} trailing".getBytes(StandardCharsets.UTF_8), "t"))
                .isInstanceOf(PlanFormatException.class).hasMessageStartingWith("t: not valid JSON (line 1, column");
        assertThatThrownBy(() -> PlanJson.read("{\"a\": 1, \"a\": 2}".getBytes(StandardCharsets.UTF_8), "d"))
                .hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> PlanJson.read(new byte[0], "empty"))
                .hasMessage("empty: expected an object, found nothing");
        assertThatThrownBy(() -> PlanJson.read("[1]".getBytes(StandardCharsets.UTF_8), "a"))
                .hasMessage("a: expected an object, found an array");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> PlanJson.read(deep.getBytes(StandardCharsets.UTF_8), "deep"))
                .isInstanceOf(PlanFormatException.class).hasMessageContaining("nesting");
    }

    @Test
    void writingRefusesNumbersJsonCannotCarry() {
        SessionPlan plan = TestPlans.sample();
        SessionPlan nan = plan.withOverride(new FindingOverride("zone-clearance/inside/x/y", Double.NaN, "why",
                "Dr A", OffsetDateTime.parse("2026-11-26T10:00:00Z")));
        assertThatThrownBy(() -> PlanJson.write(nan)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("measured");
    }

    @Test
    void aDepthTooLargeForADoubleIsNoDepthNotInfinity() throws Exception {
        SessionPlan plan = TestPlans.sample();
        Target t = plan.targets().get(0);
        MeasuredCalibration twoMmAPixel = new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, 2.0,
                2.0, 0, 42.5);
        // (Double.MAX_VALUE − 42.5) px × 2 mm overflows to infinity
        SessionPlan far = plan.withTarget(t.movedTo(new PixelPoint(t.point().x(), Double.MAX_VALUE), twoMmAPixel));
        assertThat(far.targets().get(0).depthMm()).isNull();
        assertThat(PlanJson.read(PlanJson.write(far), "far")).isEqualTo(far);
    }

    @Test
    void aStoredDepthThatDisagreesWithThePointAndCalibrationIsAnIntegrityError() throws Exception {
        // the sample's T1 lies at y = 140.5 px, its region's skin line at 42.5 px, 0.08 mm a pixel: 7.84 mm
        SessionPlan plan = TestPlans.sample();
        String json = new String(PlanJson.write(plan), StandardCharsets.UTF_8);
        assertThat(json).contains("\"depthMm\": 7.84,");
        assertThat(PlanJson.read(json.getBytes(StandardCharsets.UTF_8), "t").targets().get(0).depthMm())
                .isCloseTo(7.84, org.assertj.core.api.Assertions.within(1e-12));
        assertThatThrownBy(() -> PlanJson.read(json.replace("\"depthMm\": 7.84,", "\"depthMm\": 9.75,")
                .getBytes(StandardCharsets.UTF_8), "t.json")).isInstanceOf(PlanFormatException.class)
                .hasMessageContaining("/targets/0/depthMm").hasMessageContaining("integrity error")
                .hasMessageContaining("9.75");
        assertThatThrownBy(() -> PlanJson.read(json.replace("\"depthMm\": 7.84,", "\"depthMm\": null,")
                .getBytes(StandardCharsets.UTF_8), "t.json")).isInstanceOf(PlanFormatException.class)
                .hasMessageContaining("/targets/0/depthMm").hasMessageContaining("integrity error");
    }

    @Test
    void anyTextRoundTrips() throws Exception {
        String awkward = "quote \" backslash \\ sep \u2028 pair \uD83D\uDE00 é";
        String notes = awkward + " line\nbreak\r\n\ttab";
        SessionPlan plan = TestPlans.sample();
        Target t = plan.targets().get(0);
        SessionPlan texty = plan.withTarget(t.describedAs(awkward, t.structureId(), t.side(), t.level(), notes)
                .movedTo(new PixelPoint(-0.0, Double.MIN_VALUE), t.calibration()));
        assertThat(PlanJson.read(PlanJson.write(texty), "t")).isEqualTo(texty);
        assertThat(UUID.fromString(tree(PlanJson.write(texty)).get("id").asText())).isEqualTo(plan.id());
    }

    @Test
    void numbersAreWrittenInTheirShortestFormOnEveryJavaVersion() throws Exception {
        // Java 17's Double.toString(2e23) gives 1.9999999999999998E23, Java 19 and later 2.0E23: a
        // signature hashes the written plan, so the text must not depend on the Java that writes it.
        SessionPlan plan = TestPlans.sample();
        Target t = plan.targets().get(0);
        SessionPlan big = plan.withTarget(t.movedTo(new PixelPoint(2e23, 0.1 + 0.2), t.calibration()));
        String json = new String(PlanJson.write(big), StandardCharsets.UTF_8);
        assertThat(json).contains("\"x\": 2.0E23").contains("\"y\": 0.30000000000000004");
        assertThat(PlanJson.read(PlanJson.write(big), "t")).isEqualTo(big);
    }
}
