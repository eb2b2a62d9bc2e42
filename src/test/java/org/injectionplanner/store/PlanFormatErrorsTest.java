package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.injectionplanner.dicom.PlausibleScale;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.planfile.SettingsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal of a plan, revision or settings file names the file and the JSON pointer of the value at
 * fault (docs/plan-format.md §1), for Jackson's own checks (types, missing, null, unknown fields) and for
 * the format's and the model's (ranges, UUIDs, finite numbers).
 */
class PlanFormatErrorsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /** The sample plan's document changed by {@code change}, as bytes. */
    private static byte[] plan(Consumer<ObjectNode> change) throws Exception {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(PlanJson.write(TestPlans.sample()));
        change.accept(doc);
        return MAPPER.writeValueAsBytes(doc);
    }

    private static ObjectNode object(JsonNode node, String pointer) {
        return (ObjectNode) node.at(pointer);
    }

    private static String refusal(byte[] plan) {
        try {
            PlanJson.read(plan, "plan.json");
        } catch (PlanFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("the plan was read");
    }

    @Test
    void rangeErrorsNameTheValue() throws Exception {
        assertThat(refusal(plan(d -> object(d, "/targets/0/calibration").put("mmPerPixelX", -0.1))))
                .isEqualTo("plan.json: /targets/0/calibration/mmPerPixelX: must be a positive number of mm per pixel, "
                        + "found -0.1");
        assertThat(refusal(plan(d -> object(d, "/injections/0/path/entryCalibration").put("mmPerPixelY", 0))))
                .isEqualTo("plan.json: /injections/0/path/entryCalibration/mmPerPixelY: must be a positive number of "
                        + "mm per pixel, found 0.0");
        byte[] huge = new String(PlanJson.write(TestPlans.sample()), StandardCharsets.UTF_8)
                .replace("\"x\": 312.25", "\"x\": 1e400").getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(huge)).isEqualTo("plan.json: /targets/0/point/x: must be a finite number, found one out of "
                + "range");
        assertThat(refusal(plan(d -> object(d, "/injections/0").put("volumeMl", 80))))
                .startsWith("plan.json: /injections/0: ").contains("volume");
    }

    @Test
    void jacksonsChecksNameTheValue() throws Exception {
        assertThat(refusal(plan(d -> object(d, "/targets/0").remove("notes"))))
                .isEqualTo("plan.json: /targets/0/notes: missing");
        assertThat(refusal(plan(d -> object(d, "/targets/0").putNull("label"))))
                .isEqualTo("plan.json: /targets/0/label: may not be null");
        assertThat(refusal(plan(d -> ((ArrayNode) d.get("images")).addNull())))
                .isEqualTo("plan.json: /images/1: may not be null");
        assertThat(refusal(plan(d -> object(d, "/injections/0").put("locked", "yes"))))
                .isEqualTo("plan.json: /injections/0/locked: expected true or false, found \"yes\"");
        assertThat(refusal(plan(d -> object(d, "/targets/0/image").put("frame", "3"))))
                .startsWith("plan.json: /targets/0/image/frame: expected a whole number between");
        assertThat(refusal(plan(d -> d.put("sessionNumber", 3_000_000_000L))))
                .isEqualTo("plan.json: /sessionNumber: expected a whole number between -2147483648 and 2147483647, "
                        + "found 3000000000");
        assertThat(refusal(plan(d -> object(d, "/targets/0/point").put("y", true))))
                .isEqualTo("plan.json: /targets/0/point/y: expected a number, found true");
        assertThat(refusal(plan(d -> object(d, "/targets/0").put("label", 7))))
                .isEqualTo("plan.json: /targets/0/label: expected a string, found 7");
        assertThat(refusal(plan(d -> d.put("status", 0))))
                .isEqualTo("plan.json: /status: expected one of [DRAFT, SIGNED], found 0");
        assertThat(refusal(plan(d -> object(d, "/zones/0/shape").remove("type"))))
                .isEqualTo("plan.json: /zones/0/shape/type: missing");
        assertThat(refusal(plan(d -> object(d, "/images/0").put("a/b~c", 1))))
                .startsWith("plan.json: /images/0/a~1b~0c: unknown field; expected only description, frames, path, ");
        assertThat(refusal(plan(d -> d.set("targets", MAPPER.createObjectNode()))))
                .isEqualTo("plan.json: /targets: expected an array, found an object");
    }

    @Test
    void aRevisionsPlanIsNamedFromTheFilesRoot() throws Exception {
        byte[] good = RevisionFile.write(TestPlans.sample(), 1, OffsetDateTime.parse("2026-11-26T10:00:00Z"), "Dr A",
                "", null).bytes();
        String text = new String(good, StandardCharsets.UTF_8);
        Path bad = dir.resolve("000001-" + TestPlans.PLAN + ".json");
        Files.writeString(bad, text.replace("\"mmPerPixelX\": 0.1", "\"mmPerPixelX\": -0.1"));
        assertThatThrownBy(() -> new PlanStore(dir).load(bad)).isInstanceOf(StoreException.class)
                .hasCauseInstanceOf(PlanFormatException.class)
                .hasMessage(bad + ": /plan/targets/0/calibration/mmPerPixelX: must be a positive number of mm per "
                        + "pixel, found -0.1");
        assertThatThrownBy(() -> RevisionFile.parse(text.replace("\"sequence\": 1", "\"sequence\": 0")
                .getBytes(StandardCharsets.UTF_8), "r.json"))
                .hasMessage("r.json: /header: revision sequences start at 1, got 0");
        assertThatThrownBy(() -> RevisionFile.parse(text.replace("\"author\": \"Dr A\"", "\"writer\": \"Dr A\"")
                .getBytes(StandardCharsets.UTF_8), "r.json"))
                .hasMessage("r.json: /header/author: missing");
    }

    @Test
    void settingsRangeErrorsNameTheObject() throws Exception {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(SettingsJson.write(ClinicSettings.defaults()));
        object(doc, "/limits").put("maxInsertionAngleDeg", 120);
        assertThatThrownBy(() -> SettingsJson.read(MAPPER.writeValueAsBytes(doc), "clinic-settings.json"))
                .isInstanceOf(PlanFormatException.class)
                .hasMessage("clinic-settings.json: /limits: the insertion angle limit must be more than 0 and at most "
                        + "90°");
        object(doc, "/limits").put("maxInsertionAngleDeg", 30);
        ((ArrayNode) doc.at("/catalogue/0/levels")).add("L9");
        assertThatThrownBy(() -> SettingsJson.read(MAPPER.writeValueAsBytes(doc), "s.json"))
                .hasMessageStartingWith("s.json: /catalogue/0/levels/").hasMessageEndingWith(
                        ": unknown spinal level 'L9': use e.g. L4/L5, L5/S1 or L5");
        ((ArrayNode) doc.at("/catalogue/0/levels")).set(0, "none");
        assertThatThrownBy(() -> SettingsJson.read(MAPPER.writeValueAsBytes(doc), "s.json"))
                .hasMessage("s.json: /catalogue/0/levels/0: expected a spinal level such as \"L4/L5\", found "
                        + "\"none\"");
    }

    @Test
    void aPlausibleScaleSetByTheClinicIsKeptAndAnInvalidOneIsRefusedWithFileAndPointer() throws Exception {
        PlanStore store = new PlanStore(dir);
        store.saveSettings(ClinicSettings.defaults().withPlausibleScale(new PlausibleScale(0.001, 1)));
        assertThat(new PlanStore(dir).settings().plausibleScale()).isEqualTo(new PlausibleScale(0.001, 1));

        Path file = StoreLayout.settings(dir);
        ObjectNode doc = (ObjectNode) MAPPER.readTree(Files.readAllBytes(file));
        object(doc, "/plausibleMmPerPixel").put("min", 5).put("max", 0.005);
        Files.write(file, MAPPER.writeValueAsBytes(doc));
        assertThatThrownBy(() -> new PlanStore(dir).settings()).isInstanceOf(StoreException.class)
                .hasMessage(file + ": /plausibleMmPerPixel: the plausible mm per pixel must be a range of two "
                        + "positive finite numbers, the smaller first; got 5.0 to 0.005");
        object(doc, "/plausibleMmPerPixel").put("min", 0).put("max", 5);
        assertThatThrownBy(() -> SettingsJson.read(MAPPER.writeValueAsBytes(doc), "s.json"))
                .hasMessageStartingWith("s.json: /plausibleMmPerPixel: the plausible mm per pixel must be");
        object(doc, "/plausibleMmPerPixel").remove("max");
        assertThatThrownBy(() -> SettingsJson.read(MAPPER.writeValueAsBytes(doc), "s.json"))
                .hasMessage("s.json: /plausibleMmPerPixel/max: missing");
        doc.remove("plausibleMmPerPixel");
        assertThat(SettingsJson.read(MAPPER.writeValueAsBytes(doc), "s.json").plausibleScale())
                .as("written before it was a setting").isEqualTo(PlausibleScale.DEFAULT);
    }
}
