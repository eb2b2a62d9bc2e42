package org.injectionplanner.sessionmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.CourseRecord;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.Needle;
import org.injectionplanner.plan.ProtocolPreset;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.safety.SafetyReport;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's warning budget: the 10-site session-1 sample plan rebuilt with the default presets warns only where a
 * physician would act, and its numbers are those of the same plan with the old needle (25 G, no length).
 */
class SessionOnePlanTest {

    private static final ClinicSettings SETTINGS = ClinicSettings.defaults();

    private static SafetyReport check(SessionPlan plan) {
        return SafetyChecks.check(plan, SafetyContext.of(SETTINGS, null));
    }

    @Test
    void withTheDefaultPresetEveryWarningIsOneToActOn() throws Exception {
        SessionPlan plan = SessionOnePlan.with(SETTINGS.defaultPreset());
        SafetyReport report = check(plan);
        assertThat(report.findings()).extracting(Finding::key).noneMatch(k -> k.startsWith("needle-length"));
        assertThat(report.violations()).as("a clean plan: %s", report.violations()).isEmpty();
        // the steep-angle remark exactly on the in-plane paths steeper than the clinic's limit
        double limit = SETTINGS.limits().maxInsertionAngleDeg();
        List<String> steep = plan.injections().stream()
                .filter(i -> i.approach() == Approach.IN_PLANE)
                .filter(i -> i.path().measure(plan.targetOf(i)).orElseThrow().angleDeg() > limit)
                .map(i -> "insertion-angle/" + i.id()).toList();
        assertThat(steep).hasSize(1);
        assertThat(report.warnings()).extracting(Finding::key).filteredOn(k -> k.startsWith("insertion-angle"))
                .containsExactlyElementsOf(steep);
        Injection outOfPlane = plan.injections().get(8);
        assertThat(outOfPlane.approach()).isEqualTo(Approach.OUT_OF_PLANE);
        assertThat(outOfPlane.path().measure(plan.targetOf(outOfPlane)).orElseThrow().angleDeg()).isEqualTo(90);
        // what remains: the paths from beyond the probe's end (scan their entry) and the one steep path
        Map<String, Long> byCheck = report.warnings().stream()
                .collect(Collectors.groupingBy(Finding::check, Collectors.counting()));
        assertThat(byCheck).isEqualTo(Map.of("off-image", 8L, "insertion-angle", 1L));
    }

    @Test
    void theNumbersAreThoseOfThePlanWithTheOldNeedle() throws Exception {
        ProtocolPreset preset = SETTINGS.defaultPreset();
        ProtocolPreset old = new ProtocolPreset(preset.name(), preset.solution(), preset.volumeMl(),
                new Needle(25, null), preset.approach());
        SessionMap now = map(SessionOnePlan.with(preset));
        SessionMap before = map(SessionOnePlan.with(old));
        assertThat(now.injections()).hasSize(10);
        for (int k = 0; k < 10; k++) {
            SessionMap.InjectionEntry a = now.injections().get(k);
            SessionMap.InjectionEntry b = before.injections().get(k);
            assertThat(a.depthMm()).isEqualTo(b.depthMm());
            assertThat(a.pathLengthMm()).isEqualTo(b.pathLengthMm());
            assertThat(a.angleDeg()).isEqualTo(b.angleDeg());
            assertThat(a.minClearanceMm()).isEqualTo(b.minClearanceMm());
            assertThat(a.volumeMl()).isEqualTo(b.volumeMl());
        }
        assertThat(now.totals()).isEqualTo(before.totals());
        // the old needle warned at every measured path; the new one at none
        assertThat(check(SessionOnePlan.with(old)).warnings()).filteredOn(f -> f.key().startsWith("needle-length"))
                .hasSize(10);
        // T1: 25 px across, 73 px down at 0.09 mm per pixel (by hand: 6.9 mm deep, 6.95 mm long, 71°)
        SessionMap.InjectionEntry t1 = now.injections().get(0);
        assertThat(t1.depthMm()).isCloseTo(73 * 0.09, offset(1e-9));
        assertThat(t1.pathLengthMm()).isCloseTo(0.09 * Math.hypot(25, 73), offset(1e-9));
        assertThat(now.lines()).anySatisfy(l -> assertThat(l).contains("22 G × 90 mm"));
        assertThat(now.lines()).noneSatisfy(l -> assertThat(l).contains("length not entered"));
    }

    @Test
    void thePlanSaysWhoAndWhichSessionAndEachRowItsImageAndFrame() throws Exception {
        SessionPlan plan = SessionOnePlan.with(SETTINGS.defaultPreset());
        assertThat(SessionMap.identity(plan)).isEqualTo("Demo, Lumbar Back Pain (ID DEMO-0001), study "
                + plan.images().get(0).studyDate() + ", course " + plan.courseId().toString().substring(0, 8)
                + ", session 1");
        assertThat(SessionMap.identity(plan, new CourseRecord(plan.courseId(), "DEMO-0001", "", 4)))
                .as("counted against the course's planned sessions").endsWith(", session 1 of 4");
        assertThat(SessionMap.identity(plan, new CourseRecord(plan.courseId(), "DEMO-0001", "", 4))).isEqualTo(
                SessionMap.identity(plan) + " of 4");
        SessionMap map = map(plan);
        assertThat(map.injections()).extracting(SessionMap.InjectionEntry::imageName).containsExactly(
                "Transverse L4-L5 midline", "Transverse L4-L5 midline", "Transverse L4-L5 midline",
                "Longitudinal posterior sacroiliac (right)", "Longitudinal posterior sacroiliac (right)",
                "Longitudinal posterior sacroiliac (right)", "Cine transverse L4-L5 midline",
                "Cine transverse L4-L5 midline", "Cine transverse L4-L5 midline", "Cine transverse L4-L5 midline");
        // the injection's full line, the first of its row's details (the Plan Panel shows it under the map)
        assertThat(map.rows().get(0).details().get(0)).contains("on \"Transverse L4-L5 midline\" frame 1");
        assertThat(map.rows()).anySatisfy(r -> assertThat(r.details().get(0)).startsWith("#10 T10").contains(
                "on \"Cine transverse L4-L5 midline\" frame 12"));
        org.injectionplanner.plan.PlanImage blank = new org.injectionplanner.plan.PlanImage("2.25.9", "2.25.10",
                "2.25.11", " ", 1, null, null, null);
        SessionPlan unnamed = SessionPlan.newDraft(plan.courseId(), 1, plan.date(), "Dr A")
                .withImage(plan.images().get(0)).withImage(blank);
        assertThat(SessionMap.imageName(unnamed, new org.injectionplanner.plan.ImageRef("2.25.9", 1)))
                .isEqualTo("image 2");
    }

    @Test
    void theDrawingUpListGroupsSyringesBySolutionAndNeedlesByGaugeAndLength() throws Exception {
        SessionPlan plan = SessionOnePlan.with(SETTINGS.defaultPreset());
        // T9 and T10 (the shallow thoracolumbar fascia) with the superficial preset, T10 with 1 mL
        ProtocolPreset superficial = SETTINGS.preset("Hackett-Hemwall superficial").orElseThrow();
        for (int k : new int[] {8, 9}) {
            Injection i = plan.injections().get(k);
            plan = plan.withInjection(i.prescribed(i.approach(), superficial.needle(), superficial.solution(),
                    k == 9 ? 1.0 : 0.5));
        }
        Injection yelland = plan.injections().get(0);
        ProtocolPreset y = SETTINGS.preset("Yelland 2004").orElseThrow();
        plan = plan.withInjection(yelland.prescribed(yelland.approach(), y.needle(), y.solution(), 0.5));
        DrawingUp list = map(plan).drawingUp();
        assertThat(list.lines()).containsExactly(
                "Draw up: dextrose 20 % + lidocaine 0.2 %, 0.50 mL (1 site)",
                "Draw up: dextrose 15 % + lidocaine 0.2 %, 5.00 mL (9 sites)",
                "Needles: 22 G × 90 mm × 8, 25 G × 38 mm × 2");
        assertThat(map(plan).lines()).containsSequence(list.lines());
    }

    private static SessionMap map(SessionPlan plan) {
        return SessionMap.of(plan, check(plan), SETTINGS, SignatureStatus.UNSIGNED);
    }
}
