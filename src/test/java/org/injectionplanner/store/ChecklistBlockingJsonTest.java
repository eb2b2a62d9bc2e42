package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.planfile.SettingsJson;
import org.junit.jupiter.api.Test;

/**
 * Whether a checklist question blocks sign-off, in the settings and plan documents (docs/plan-format.md §2 and
 * §5): round trips, and files written before the flag.
 */
class ChecklistBlockingJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theClinicsChoiceRoundTripsThroughTheSettingsAndIsAlwaysWritten() throws Exception {
        List<ChecklistItem> checklist = List.of(new ChecklistItem("consent", "Written consent signed", false),
                new ChecklistItem("nsaids-paused", "NSAIDs paused", true),
                new ChecklistItem("own-item", "Asked by our clinic", false));
        ClinicSettings settings = ClinicSettings.defaults().withChecklist(checklist);
        byte[] json = SettingsJson.write(settings);
        assertThat(SettingsJson.read(json, "settings.json")).isEqualTo(settings);
        JsonNode items = MAPPER.readTree(json).path("checklist");
        assertThat(items).extracting(i -> i.path("blocksSignOff").asText()).containsExactly("false", "true", "false");
    }

    @Test
    void settingsWrittenBeforeTheFlagReadWithTheDefaultForEachId() throws Exception {
        List<ChecklistItem> checklist = List.of(new ChecklistItem("consent", "Written consent signed", false),
                new ChecklistItem("nsaids-paused", "NSAIDs paused", true),
                new ChecklistItem("own-item", "Asked by our clinic", true));
        ObjectNode old = (ObjectNode) MAPPER.readTree(SettingsJson.write(ClinicSettings.defaults()
                .withChecklist(checklist)));
        old.path("checklist").forEach(item -> ((ObjectNode) item).remove("blocksSignOff"));
        assertThat(SettingsJson.read(MAPPER.writeValueAsBytes(old), "old.json").checklist()).containsExactly(
                new ChecklistItem("consent", "Written consent signed", true),
                new ChecklistItem("nsaids-paused", "NSAIDs paused", false),
                new ChecklistItem("own-item", "Asked by our clinic", false));
        ObjectNode defaults = (ObjectNode) MAPPER.readTree(SettingsJson.write(ClinicSettings.defaults()));
        defaults.path("checklist").forEach(item -> ((ObjectNode) item).remove("blocksSignOff"));
        assertThat(SettingsJson.read(MAPPER.writeValueAsBytes(defaults), "old.json").checklist())
                .isEqualTo(ChecklistItem.defaults());
    }

    @Test
    void aPlanRecordsTheFlagAsAskedAndWritesItOnlyForBlockingItems() throws Exception {
        SessionPlan plan = PlanFixtures.draft(List.of(new ChecklistItem("consent", "Written consent signed", true),
                new ChecklistItem("nsaids-paused", "NSAIDs paused", false)));
        byte[] json = PlanJson.write(plan);
        assertThat(PlanJson.read(json, "plan.json")).isEqualTo(plan);
        JsonNode items = MAPPER.readTree(json).path("checklist");
        assertThat(items.get(0).path("item").path("blocksSignOff").isBoolean()).isTrue();
        assertThat(items.get(0).path("item").path("blocksSignOff").asBoolean()).isTrue();
        assertThat(items.get(1).path("item").has("blocksSignOff")).isFalse();
    }

    @Test
    void aPlanWrittenBeforeTheFlagReadsAsAskedThenWithNoItemBlockingAndWritesTheSameBytes() throws Exception {
        SessionPlan plan = PlanFixtures.draft(List.of(new ChecklistItem("consent", "Written consent signed", true)));
        ObjectNode old = (ObjectNode) MAPPER.readTree(PlanJson.write(plan));
        ((ObjectNode) old.path("checklist").get(0).path("item")).remove("blocksSignOff");
        byte[] oldBytes = PlanJson.write(PlanJson.read(MAPPER.writeValueAsBytes(old), "old.json"));
        SessionPlan read = PlanJson.read(oldBytes, "old.json");
        assertThat(read.checklist().get(0).item().blocksSignOff()).isFalse();
        assertThat(PlanJson.write(read)).isEqualTo(oldBytes);
    }
}
