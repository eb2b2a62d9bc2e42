package org.injectionplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.injectionplanner.plan.PlanFixtures.injection;
import static org.injectionplanner.plan.PlanFixtures.path;
import static org.injectionplanner.plan.PlanFixtures.polygon;
import static org.injectionplanner.plan.PlanFixtures.region;
import static org.injectionplanner.plan.PlanFixtures.target;
import static org.injectionplanner.plan.PlanFixtures.zone;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.OrderWeights;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.store.OpenCourse;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate PLAN} and {@code order PLAN} as a user runs them: JSON out, exit status, errors. */
class PlanCommandsTest {

    private static final MeasuredCalibration CAL = region(0, 0.1, 0.1);

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path write(String name, SessionPlan plan) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, PlanJson.write(plan));
        return file;
    }

    /**
     * One site whose path, x = 240, runs 40 px = 4.0 mm from the 5 mm-margin square 100..200 px; a 70 kg
     * patient.
     */
    private static SessionPlan violating() {
        Target t = target(1, 240, 300, CAL);
        return PlanFixtures.draft().withPatientWeightKg(70.0)
                .withZone(zone(1, polygon(100, 100, 200, 100, 200, 200, 100, 200), 5, CAL))
                .withTarget(t).withInjection(injection(t, path(240, 0, CAL)));
    }

    /** The same site 60 px = 6.0 mm from the square: clear, with warnings (steep in-plane path) only. */
    private static SessionPlan clean() {
        Target t = target(1, 260, 300, CAL);
        return PlanFixtures.draft().withPatientWeightKg(70.0)
                .withZone(zone(1, polygon(100, 100, 200, 100, 200, 200, 100, 200), 5, CAL))
                .withTarget(t).withInjection(injection(t, path(260, 0, CAL)));
    }

    @Test
    void validateOfALaterSessionWithoutTheStoreWarnsThatTheIntervalIsNotChecked() throws Exception {
        SessionPlan plan = clean();
        assertThat(plan.sessionNumber()).isEqualTo(2);
        CliRun r = run("validate", write("plan.json", plan).toString());
        JsonNode interval = null;
        for (JsonNode f : r.json().get("findings")) {
            if (f.get("check").asText().equals("interval")) {
                interval = f;
            }
        }
        assertThat(interval).as("today the interval check was silently skipped").isNotNull();
        assertThat(interval.get("severity").asText()).isEqualTo("WARNING");
        assertThat(interval.get("key").asText()).isEqualTo("interval/unknown");
        assertThat(interval.get("message").asText()).contains("previous session's date is not known",
                "no plan store with the course's history was given", "cannot be checked");
    }

    @Test
    void validateExitsOneAndPrintsTheViolation() throws Exception {
        SessionPlan plan = violating();
        CliRun r = run("validate", write("plan.json", plan).toString());
        assertThat(r.status()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        JsonNode json = r.json();
        assertThat(json.get("planId").asText()).isEqualTo(plan.id().toString());
        assertThat(json.get("violations").asInt()).isEqualTo(1);
        assertThat(json.get("openViolations").asInt()).isEqualTo(1);
        assertThat(json.get("previousSessionDate").isNull()).isTrue();
        JsonNode violation = null;
        for (JsonNode f : json.get("findings")) {
            if (f.get("severity").asText().equals("VIOLATION")) {
                violation = f;
            }
        }
        assertThat(violation).isNotNull();
        assertThat(violation.get("check").asText()).isEqualTo("zone-clearance");
        assertThat(violation.get("key").asText()).isEqualTo("zone-clearance/path/" + plan.targets().get(0).id() + "/"
                + plan.zones().get(0).id());
        assertThat(violation.get("target").asText()).isEqualTo("T1");
        assertThat(violation.get("injectionPosition").asInt()).isEqualTo(1);
        assertThat(violation.get("zone").asText()).isEqualTo("Z1");
        assertThat(violation.get("measured").asDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(violation.get("limit").asDouble()).isEqualTo(5.0);
        assertThat(violation.get("unit").asText()).isEqualTo("mm");
        assertThat(violation.get("overrideReason").isNull()).isTrue();
        assertThat(json.get("signOffProblems").get(0).asText())
                .startsWith("violation without a written override reason: Injection 1, T1");
    }

    @Test
    void validateExitsZeroWithWarningsAndNotesOnly() throws Exception {
        CliRun r = run("validate", write("plan.json", clean()).toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("violations").asInt()).isZero();
        assertThat(json.get("warnings").asInt()).isPositive();
        assertThat(json.get("findings"))
                .allSatisfy(f -> assertThat(f.get("severity").asText()).isNotEqualTo("VIOLATION"));
        assertThat(json.get("signOffProblems")).isEmpty();
    }

    @Test
    void anOverriddenViolationStillExitsOneButIsNotOpen() throws Exception {
        SessionPlan plan = violating();
        String key = "zone-clearance/path/" + plan.targets().get(0).id() + "/" + plan.zones().get(0).id();
        Double measured = SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(), null)).violations()
                .stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow().measured();
        plan = plan.withOverride(new FindingOverride(key, measured, "nerve deeper on the paired frame", "Dr A",
                PlanFixtures.AT));
        CliRun r = run("validate", write("plan.json", plan).toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.json().get("violations").asInt()).isEqualTo(1);
        assertThat(r.json().get("openViolations").asInt()).isZero();
        assertThat(r.json().get("findings").findValuesAsText("overrideReason"))
                .contains("nerve deeper on the paired frame");
    }

    @Test
    void aMissingOrGarbledPlanExitsTwoNamingTheFile() throws Exception {
        Path missing = dir.resolve("missing.json");
        CliRun r = run("validate", missing.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: ").contains(missing.toString());

        Path garbled = dir.resolve("garbled.json");
        Files.writeString(garbled, "{\"format\": \"injection-planner/session-plan\", ");
        r = run("validate", garbled.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains(garbled.toString());

        Path wrongField = dir.resolve("wrong.json");
        Files.writeString(wrongField, new String(PlanJson.write(clean()), StandardCharsets.UTF_8)
                .replace("\"sessionNumber\": 2", "\"sessionNumber\": \"two\""));
        r = run("order", wrongField.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains(wrongField.toString(), "/sessionNumber");

        Path negativeScale = dir.resolve("negative-scale.json");
        Files.writeString(negativeScale, new String(PlanJson.write(clean()), StandardCharsets.UTF_8)
                .replaceFirst("\"mmPerPixelX\": 0.1", "\"mmPerPixelX\": -0.1"));
        r = run("validate", negativeScale.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: " + negativeScale + ": /targets/0/calibration/mmPerPixelX: must be a "
                + "positive number of mm per pixel, found -0.1" + System.lineSeparator());

        assertThat(run("validate").status()).isEqualTo(2);
        assertThat(run("validate", "a.json", "b.json").err()).contains("takes one PLAN", "usage:");
    }

    @Test
    void validateOnARevisionInAStoreUsesTheCoursesPreviousSession() throws Exception {
        Path store = dir.resolve("store");
        SessionPlan first = SessionPlan.newDraft(PlanFixtures.COURSE, 1, LocalDate.of(2026, 11, 16), "Dr A");
        SessionPlan second = clean(); // session 2 on 2026-11-26: 10 days later, under the 14-day limit
        Revision revision;
        try (OpenCourse course = new PlanStore(store).open(PlanFixtures.COURSE)) {
            course.save(first, "Dr A", "");
            revision = course.save(second, "Dr A", "");
        }
        CliRun r = run("validate", revision.file().toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("previousSessionDate").asText()).isEqualTo("2026-11-16");
        JsonNode interval = null;
        for (JsonNode f : json.get("findings")) {
            if (f.get("check").asText().equals("interval")) {
                interval = f;
            }
        }
        assertThat(interval).isNotNull();
        assertThat(interval.get("severity").asText()).isEqualTo("WARNING");
        assertThat(interval.get("measured").asDouble()).isEqualTo(10.0);
        assertThat(interval.get("limit").asDouble()).isEqualTo(14.0);
        assertThat(interval.get("target").isNull()).isTrue();

        // the same plan as a plain file knows no course history, unless the store is named
        Path plain = write("plain.json", second);
        assertThat(run("validate", plain.toString()).json().get("previousSessionDate").isNull()).isTrue();
        assertThat(run("validate", plain.toString(), "--store", store.toString()).json().get("previousSessionDate")
                .asText()).isEqualTo("2026-11-16");
    }

    /**
     * Four injections on two images, in the order B1, A1, B2, A2: A1 and A2 (10 and 20 mm deep) on
     * {@link PlanFixtures#IMAGE} at midline L4/L5, B1 and B2 on {@link PlanFixtures#OTHER_IMAGE} at left
     * L5/S1. Under the default cost model (docs/ordering.md §2: image change 20, level 1 per segment,
     * side 40; the images' orientations are unknown, no move is a reversal) from the start at L4/L5
     * midline: image A → B costs 20 + 1 + 40 × (1 + 0) / 2 = 41, B → A costs 20 + 1 + 40 × (1 + 1) / 2 = 61,
     * start → B costs 1 + 20 = 21, start → A nothing.
     */
    private static SessionPlan fourOnTwoImages(String... locked) {
        return fourOnTwoImages(List.of("B1", "A1", "B2", "A2"), locked);
    }

    /** {@link #fourOnTwoImages(String...)} in another current order, by label. */
    private static SessionPlan fourOnTwoImages(List<String> order, String... locked) {
        ImageRef a = new ImageRef(PlanFixtures.IMAGE.sopInstanceUid(), 1);
        ImageRef b = new ImageRef(PlanFixtures.OTHER_IMAGE.sopInstanceUid(), 1);
        Target a1 = midline(target(1, a, 100, 100, CAL));
        Target a2 = midline(target(2, a, 100, 200, CAL));
        Target b1 = target(3, b, 100, 100, CAL).describedAs("B1", "iliolumbar", Side.LEFT, SpinalLevel.L5_S1, "");
        Target b2 = target(4, b, 100, 200, CAL).describedAs("B2", "iliolumbar", Side.LEFT, SpinalLevel.L5_S1, "");
        a1 = a1.describedAs("A1", a1.structureId(), a1.side(), a1.level(), "");
        a2 = a2.describedAs("A2", a2.structureId(), a2.side(), a2.level(), "");
        SessionPlan plan = PlanFixtures.draft().withTarget(a1).withTarget(a2).withTarget(b1).withTarget(b2);
        List<String> lockedLabels = List.of(locked);
        List<Target> all = List.of(a1, a2, b1, b2);
        for (String label : order) {
            Target t = all.stream().filter(x -> x.label().equals(label)).findFirst().orElseThrow();
            Injection i = injection(t, null);
            plan = plan.withInjection(i.withLocked(lockedLabels.contains(t.label())));
        }
        return plan;
    }

    private static Target midline(Target t) {
        return t.describedAs(t.label(), "supraspinous", Side.MIDLINE, SpinalLevel.L4_L5, "");
    }

    private static List<String> labels(JsonNode order) {
        List<String> out = new ArrayList<>();
        for (JsonNode o : order) {
            out.add(o.get("label").asText());
        }
        return out;
    }

    @Test
    void orderPrintsTheProposedOrder() throws Exception {
        SessionPlan plan = fourOnTwoImages();
        CliRun r = run("order", write("plan.json", plan).toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = r.json();
        // current B1, A1, B2, A2: 21 + 61 + 41 + 61 = 184; proposed A1, A2, B1, B2: 0 + 0 + 41 + 0 = 41
        // (B first would cost 21 + 61 = 82)
        assertThat(labels(json.get("order"))).containsExactly("A1", "A2", "B1", "B2");
        assertThat(json.get("currentCost").asDouble()).isEqualTo(184.0);
        assertThat(json.get("proposedCost").asDouble()).isEqualTo(41.0);
        assertThat(json.get("changed").asBoolean()).isTrue();
        JsonNode first = json.get("order").get(0);
        assertThat(first.get("position").asInt()).isEqualTo(1);
        assertThat(first.get("currentPosition").asInt()).isEqualTo(2);
        assertThat(first.get("injectionId").asText()).isEqualTo(PlanFixtures.id("injection", 1).toString());
        assertThat(first.get("target").asText()).isEqualTo("T1");
        assertThat(first.get("side").asText()).isEqualTo("MIDLINE");
        assertThat(first.get("level").asText()).isEqualTo("L4_L5");
        assertThat(first.get("sopInstanceUid").asText()).isEqualTo(PlanFixtures.IMAGE.sopInstanceUid());
        assertThat(first.get("frame").asInt()).isEqualTo(1);
        assertThat(first.get("locked").asBoolean()).isFalse();
        JsonNode model = json.get("costModel");
        assertThat(model.get("levelWeight").asDouble()).isEqualTo(1.0);
        assertThat(model.get("sideWeight").asDouble()).isEqualTo(40.0);
        assertThat(model.get("imageChangeWeight").asDouble()).isEqualTo(20.0);
        assertThat(model.get("orientationWeight").asDouble()).isEqualTo(2.0);
        assertThat(model.get("reversalWeight").asDouble()).isEqualTo(10.0);
    }

    /**
     * A current order that nothing beats stays, even with the deeper A2 before A1, and {@code changed} is
     * false; with the clinic's weights from {@code --store}, the weights are reported and the order that
     * is cheaper under them is proposed, {@code changed} true.
     */
    @Test
    void orderKeepsAnOrderNothingBeatsAndUsesTheClinicsWeights() throws Exception {
        Path file = write("a2-first.json", fourOnTwoImages(List.of("A2", "A1", "B1", "B2")));
        JsonNode json = run("order", file.toString()).json();
        assertThat(labels(json.get("order"))).containsExactly("A2", "A1", "B1", "B2");
        assertThat(json.get("currentCost").asDouble()).isEqualTo(41.0);
        assertThat(json.get("proposedCost").asDouble()).isEqualTo(41.0);
        assertThat(json.get("changed").asBoolean()).isFalse();

        // B first: 21 + 61 = 82 against 41 with the defaults
        Path b = write("b-first.json", fourOnTwoImages(List.of("B1", "B2", "A1", "A2")));
        assertThat(run("order", b.toString()).json().get("changed").asBoolean()).isTrue();
        Path store = dir.resolve("weights-store");
        new PlanStore(store).saveSettings(ClinicSettings.defaults()
                .withOrderWeights(new OrderWeights(1, 0, 0, 0, 0)));
        json = run("order", b.toString(), "--store", store.toString()).json();
        assertThat(json.get("costModel").get("sideWeight").asDouble()).isZero();
        assertThat(json.get("costModel").get("reversalWeight").asDouble()).isZero();
        // under level travel alone: B first 1 + 1 = 2, A first 0 + 1 = 1
        assertThat(json.get("currentCost").asDouble()).isEqualTo(2.0);
        assertThat(json.get("proposedCost").asDouble()).isEqualTo(1.0);
        assertThat(labels(json.get("order"))).containsExactly("A1", "A2", "B1", "B2");
        assertThat(json.get("changed").asBoolean()).isTrue();
    }

    @Test
    void lockedInjectionsKeepTheirPositions() throws Exception {
        // B1 locked first: B1, B2, A1, A2 = 21 + 0 + 61 + 0 = 82 beats B1, A1, A2, B2 = 21 + 61 + 0 + 41 = 123
        JsonNode json = run("order", write("b1.json", fourOnTwoImages("B1")).toString()).json();
        assertThat(labels(json.get("order"))).containsExactly("B1", "B2", "A1", "A2");
        assertThat(json.get("proposedCost").asDouble()).isEqualTo(82.0);
        assertThat(json.get("order").get(0).get("locked").asBoolean()).isTrue();
        assertThat(json.get("order").get(0).get("currentPosition").asInt()).isEqualTo(1);

        // A1 locked second: A2, A1, B1, B2 = 0 + 0 + 41 + 0 = 41 beats B1, A1, B2, A2 = 184
        json = run("order", write("a1.json", fourOnTwoImages("A1")).toString()).json();
        assertThat(labels(json.get("order"))).containsExactly("A2", "A1", "B1", "B2");
        assertThat(json.get("order").get(1).get("locked").asBoolean()).isTrue();
        assertThat(json.get("order").get(1).get("currentPosition").asInt()).isEqualTo(2);
        assertThat(json.get("proposedCost").asDouble()).isEqualTo(41.0);

        // everything locked: nothing moves
        json = run("order", write("all.json", fourOnTwoImages("A1", "A2", "B1", "B2")).toString()).json();
        assertThat(labels(json.get("order"))).containsExactly("B1", "A1", "B2", "A2");
        assertThat(json.get("changed").asBoolean()).isFalse();
    }

    @Test
    void orderReadsARevisionFile() throws Exception {
        SessionPlan plan = fourOnTwoImages();
        Revision revision;
        try (OpenCourse course = new PlanStore(dir.resolve("store")).open(plan.courseId())) {
            revision = course.save(plan, "Dr A", "");
        }
        CliRun r = run("order", revision.file().toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(labels(r.json().get("order"))).containsExactly("A1", "A2", "B1", "B2");
        assertThat(UUID.fromString(r.json().get("planId").asText())).isEqualTo(plan.id());
    }
}
