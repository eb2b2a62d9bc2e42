package org.injectionplanner.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.store.TestPlans;
import org.junit.jupiter.api.Test;

class PlanJsonExportTest {

    private static SessionPlan roundTrip(SessionPlan plan) throws IOException, PlanFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanJsonExport.write(plan, false, out);
        return PlanJsonExport.read(new ByteArrayInputStream(out.toByteArray()), "export.json");
    }

    private static String text(SessionPlan plan, Deidentifier deidentifier) {
        return new String(PlanJsonExport.bytes(plan, deidentifier), StandardCharsets.UTF_8);
    }

    @Test
    void exportThenImportGivesAnEqualPlan() throws Exception {
        for (SessionPlan plan : List.of(ExportFixtures.plan(), TestPlans.sample(), SchemaFixtures.sealed())) {
            assertThat(roundTrip(plan)).isEqualTo(plan);
        }
    }

    @Test
    void randomPlansSurviveTheRoundTrip() throws Exception {
        for (int seed = 0; seed < 300; seed++) {
            SessionPlan plan = TestPlans.random(new Random(seed));
            assertThat(roundTrip(plan)).as("seed %d", seed).isEqualTo(plan);
        }
    }

    @Test
    void theExportWrapsThePlanDocumentUnchanged() {
        SessionPlan plan = ExportFixtures.plan();
        String export = text(plan, null);
        assertThat(export).startsWith("{\n  \"format\": \"injection-planner/plan-export\",\n  \"formatVersion\": 1,\n"
                + "  \"schemaVersion\": 1,\n  \"deidentified\": false,\n  \"plan\": {\n");
        String planDocument = new String(PlanJson.write(plan), StandardCharsets.UTF_8);
        assertThat(export).contains(planDocument.strip().replace("\n", "\n  "));
        assertThat(text(plan, null)).isEqualTo(export);
    }

    @Test
    void aDeidentifiedExportReadsAsThePlanWithoutIdentifiers() throws Exception {
        SessionPlan plan = ExportFixtures.plan();
        Deidentifier deidentifier = new Deidentifier();
        byte[] bytes = PlanJsonExport.bytes(plan, deidentifier);
        SessionPlan read = PlanJsonExport.read(bytes, "export.json");
        assertThat(read).isEqualTo(deidentifier.plan(plan));
        PlanImage image = read.images().get(0);
        assertThat(image.patient()).isNull();
        assertThat(image.studyDate()).isNull();
        assertThat(image.path()).isNull();
        assertThat(image.description()).isNull();
        assertThat(read.patient()).isEmpty();
        assertThat(read.targets().get(0).notes()).isEmpty();
        assertThat(read.injections().get(1).record().note()).isEqualTo(Deidentifier.REMOVED);
        assertThat(read.author()).isEqualTo(Deidentifier.REMOVED);
        // what is planned stays, the UIDs replaced consistently
        assertThat(read.targets().get(0).point()).isEqualTo(plan.targets().get(0).point());
        assertThat(read.targets().get(0).label()).isEqualTo(plan.targets().get(0).label());
        assertThat(read.targets()).allSatisfy(t -> assertThat(t.image().sopInstanceUid())
                .isEqualTo(image.sopInstanceUid()));
        assertThat(image.sopInstanceUid()).isEqualTo(deidentifier.uid(ExportFixtures.SOP))
                .matches("2\\.25\\.[1-9][0-9]*");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"deidentified\": true");
    }

    @Test
    void theDeidentifiedJsonHasNoIdentifyingByte() throws IOException {
        SessionPlan plan = ExportFixtures.plan();
        assertThat(text(plan, null)).contains("PID-4711", "Doe^Jane", "1970-01-02", "prefers the left side");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanJsonExport.write(plan, true, out);
        String json = out.toString(StandardCharsets.UTF_8);
        for (String value : ExportFixtures.IDENTIFYING) {
            assertThat(json).as(value).doesNotContain(value);
        }
    }

    @Test
    void aDocumentFlaggedDeidentifiedThatHoldsThePatientIsRefused() {
        String export = text(ExportFixtures.plan(), null).replace("\"deidentified\": false", "\"deidentified\": true");
        assertThatThrownBy(() -> PlanJsonExport.read(export.getBytes(StandardCharsets.UTF_8), "export.json"))
                .isInstanceOf(PlanFormatException.class)
                .hasMessage("export.json: /plan/images/0/patient: a de-identified export may not hold the image's "
                        + "patient");
    }

    @Test
    void otherDocumentsAndVersionsAreRefusedNamingTheField() {
        SessionPlan plan = ExportFixtures.plan();
        String export = text(plan, null);
        assertRefused(new String(PlanJson.write(plan), StandardCharsets.UTF_8),
                "export.json: /format: expected \"injection-planner/plan-export\", "
                        + "found \"injection-planner/session-plan\"");
        assertRefused(export.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"),
                "export.json: /schemaVersion: schema version 2 was written by a newer Injection Planner; update the "
                        + "plugin");
        assertRefused(export.replace("\"formatVersion\": 1,\n  \"schemaVersion\"", "\"formatVersion\": 2,\n"
                + "  \"schemaVersion\""), "export.json: /formatVersion: version 2 was written by a newer Injection "
                + "Planner; update the plugin");
        assertRefused(export.replace("  \"deidentified\": false,\n", ""), "export.json: /deidentified: missing");
        assertRefused(export.replace("\"deidentified\": false,", "\"deidentified\": false, \"note\": 1,"),
                "export.json: /note: unknown field; expected only deidentified, format, formatVersion, plan, "
                        + "schemaVersion");
        assertRefused(export.replace("\"x\": 312.25", "\"x\": \"abc\""),
                "export.json: /plan/targets/0/point/x: expected a number, found \"abc\"");
    }

    private static void assertRefused(String document, String message) {
        assertThatThrownBy(() -> PlanJsonExport.read(document.getBytes(StandardCharsets.UTF_8), "export.json"))
                .isInstanceOf(PlanFormatException.class)
                .hasMessage(message);
    }
}
