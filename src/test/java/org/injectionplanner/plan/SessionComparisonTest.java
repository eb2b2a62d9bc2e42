package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionComparisonTest {

    private static final StructureCatalogue CATALOGUE = StructureCatalogue.defaults();
    private static final UUID COURSE = UUID.fromString("c0000000-0000-4000-8000-000000000002");
    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    private static final UUID KEPT = PlanFixtures.id("kept", 1);
    private static final UUID CHANGED = PlanFixtures.id("changed", 2);
    private static final UUID DROPPED = PlanFixtures.id("dropped", 3);
    private static final UUID ADDED = PlanFixtures.id("added", 4);

    private static SessionPlan withSite(SessionPlan plan, Target t) {
        return plan.withTarget(t).withInjection(PlanFixtures.injection(t, null));
    }

    private static SessionPlan first() {
        SessionPlan p = CourseFixtures.session(COURSE, 1, FIRST, CourseFixtures.PATIENT);
        p = withSite(p, CourseFixtures.target(p, KEPT, 1, 100, 100));
        p = withSite(p, CourseFixtures.target(p, CHANGED, 2, 200, 100));
        return withSite(p, CourseFixtures.target(p, DROPPED, 3, 300, 100))
                .withOutcomes(new Outcomes(6, 8, 40.0, null, 12, null, "", PlanFixtures.AT));
    }

    /** Session 2 on the same view: T1 moved 1 mm (within tolerance), T2 changed, T3 dropped, T4 added. */
    private static SessionPlan second(Target changed) {
        SessionPlan p = CourseFixtures.session(COURSE, 2, FIRST.plusWeeks(4), CourseFixtures.PATIENT);
        p = withSite(p, CourseFixtures.target(p, KEPT, 1, 110, 100));
        p = withSite(p, changed);
        return withSite(p, CourseFixtures.target(p, ADDED, 4, 400, 100))
                .withOutcomes(new Outcomes(4, 7, 28.0, null, 10, 2, "", PlanFixtures.AT.plusWeeks(4)));
    }

    private static Target changedTarget(SessionPlan p) {
        return CourseFixtures.target(p, CHANGED, 2, 200, 100);
    }

    @Test
    void addedDroppedAndUnchangedSitesByTargetId() {
        SessionPlan a = first();
        SessionPlan b0 = CourseFixtures.session(COURSE, 2, FIRST.plusWeeks(4), CourseFixtures.PATIENT);
        SessionPlan b = second(changedTarget(b0));
        SessionComparison c = SessionComparison.of(b, a, CATALOGUE);
        assertThat(c.earlierSession()).as("ordered by date whatever the argument order").isEqualTo(1);
        assertThat(c.added()).extracting(SessionComparison.Site::targetId).containsExactly(ADDED);
        assertThat(c.dropped()).singleElement().satisfies(s -> {
            assertThat(s.targetId()).isEqualTo(DROPPED);
            assertThat(s.droppedReason()).isEqualTo("not recorded");
        });
        assertThat(c.unchanged()).extracting(SessionComparison.Site::targetId).containsExactly(KEPT, CHANGED);
        assertThat(c.changed()).isEmpty();
        assertThat(c.lines()).containsExactly(
                "Session 1 → session 2: 1 added, 1 dropped, 0 changed, 2 unchanged",
                "added       T4 · Iliolumbar ligament",
                "dropped     T3 · Iliolumbar ligament (reason: not recorded)",
                "unchanged   T1 · Iliolumbar ligament",
                "unchanged   T2 · Iliolumbar ligament",
                "nrsRest     6 → 4 (-2.0, -33 %): improved",
                "nrsActivity 8 → 7 (-1.0, -13 %): no important change",
                "odiPercent  40 → 28 (-12.0, -30 %): improved",
                "rmdq        12 → 10 (-2.0, -17 %): no important change",
                "pgic        2");
    }

    @Test
    void aSiteDroppedWhileCopyingForwardIsReportedWithItsReason() {
        SessionPlan a = first();
        SessionPlan draft = CourseFixtures.session(COURSE, 2, FIRST.plusWeeks(4), CourseFixtures.PATIENT);
        SessionPlan copied = CopyForward.from(a, draft);
        SessionPlan b = CopyForward.drop(DROPPED, DropReason.OTHER, "pain moved to the right side").applyTo(
                CopyForward.drop(CHANGED, DropReason.RESOLVED, "").applyTo(copied));
        SessionComparison c = SessionComparison.of(a, b, CATALOGUE);
        assertThat(c.dropped()).extracting(SessionComparison.Site::targetId, SessionComparison.Site::droppedReason)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(CHANGED, "resolved"),
                        org.assertj.core.groups.Tuple.tuple(DROPPED, "other: pain moved to the right side"));
        assertThat(SessionComparison.of(a, second(changedTarget(draft)), CATALOGUE).dropped())
                .extracting(SessionComparison.Site::droppedReason).containsExactly("not recorded");
        assertThat(c.withoutNotes().dropped()).as("de-identified: the reason without its free-text note")
                .extracting(SessionComparison.Site::droppedReason).containsExactlyInAnyOrder("resolved", "other");
        assertThat(c.withoutNotes().entries()).contains(new SessionComparison.Entry("dropped",
                "T3 · Iliolumbar ligament (reason: other)"));
        assertThat(c.lines()).as("one line per entry after the summary").hasSize(c.entries().size() + 1)
                .first().isEqualTo(c.summary());
    }

    @Test
    void eachFieldOfASiteIsCompared() {
        SessionPlan a = first();
        SessionPlan b0 = CourseFixtures.session(COURSE, 2, FIRST.plusWeeks(4), CourseFixtures.PATIENT);
        Target moved = changedTarget(b0).movedTo(PlanFixtures.p(250, 130), PlanFixtures.region(0, 0.1, 0.1))
                .describedAs("T2", "supraspinous", Side.MIDLINE, SpinalLevel.L5_S1, "");
        SessionPlan b = second(moved);
        Injection i = b.injectionAt(CHANGED).orElseThrow();
        b = b.withInjection(i.prescribed(Approach.IN_PLANE, new Needle(25, 38.0), new Solution(20.0, null, null),
                1.0));
        SessionComparison c = SessionComparison.of(a, b, CATALOGUE);
        assertThat(c.changed()).singleElement().satisfies(s -> {
            assertThat(s.targetId()).isEqualTo(CHANGED);
            assertThat(s.changes()).extracting(SessionComparison.FieldChange::field).containsExactly("volumeMl",
                    "solution", "needle", "structure", "level", "side", "position");
            assertThat(s.changes().get(0).before()).isEqualTo("0.5");
            assertThat(s.changes().get(0).after()).isEqualTo("1");
            assertThat(s.changes().get(6).distanceMm()).isCloseTo(Math.hypot(5, 3),
                    org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void structuresAreNamedByTheCatalogueInTheChangesAndTheSitesNeverByTheirIds() {
        SessionPlan a = first();
        SessionPlan b0 = CourseFixtures.session(COURSE, 2, FIRST.plusWeeks(4), CourseFixtures.PATIENT);
        Target bursa = changedTarget(b0).describedAs("R trochanter", "clinic-bursa", Side.RIGHT, null, "");
        StructureCatalogue clinic = CATALOGUE.with(new Structure("clinic-bursa", "Trochanteric bursa",
                StructureKind.OTHER, null, null, Laterality.PAIRED, false, java.util.List.of(), true));
        SessionComparison c = SessionComparison.of(a, second(bursa), clinic);
        assertThat(c.changed()).singleElement().satisfies(s -> {
            assertThat(s.structure()).isEqualTo("Trochanteric bursa");
            assertThat(s.changes()).filteredOn(f -> f.field().equals("structure")).singleElement()
                    .extracting(SessionComparison.FieldChange::before, SessionComparison.FieldChange::after)
                    .containsExactly("Iliolumbar ligament", "Trochanteric bursa");
        });
        assertThat(c.entries()).contains(new SessionComparison.Entry("changed", "R trochanter · Trochanteric bursa: "
                + "structure Iliolumbar ligament → Trochanteric bursa; level L4/L5 → ; side left → right"));
        assertThat(String.join("\n", c.lines())).doesNotContain("iliolumbar ", "clinic-bursa");
        assertThat(SessionComparison.of(a, second(bursa), CATALOGUE).changed().get(0).structure())
                .as("a structure the catalogue lacks: its id, the best there is").isEqualTo("clinic-bursa");
    }

    @Test
    void positionsAreComparedOnlyOnCalibratedImagesOfTheSameView() {
        SessionPlan a = first();
        SessionPlan b = CourseFixtures.session(COURSE, 2, FIRST.plusWeeks(4), CourseFixtures.PATIENT);
        b = b.withImage(CourseFixtures.image("2.25.200", "Longitudinal PSIS", CourseFixtures.PATIENT));
        Target elsewhere = new Target(KEPT, 1, "T1", "iliolumbar", Side.LEFT, SpinalLevel.L4_L5,
                new ImageRef("2.25.200", 1), PlanFixtures.p(500, 300), null, "", PlanFixtures.region(0, 0.1, 0.1));
        Target uncalibrated = new Target(CHANGED, 2, "T2", "iliolumbar", Side.LEFT, SpinalLevel.L4_L5,
                new ImageRef(b.images().get(0).sopInstanceUid(), 1), PlanFixtures.p(900, 900), null, "",
                MeasuredCalibration.UNCALIBRATED);
        b = withSite(withSite(b, elsewhere), uncalibrated);
        SessionComparison c = SessionComparison.of(a, b, CATALOGUE);
        assertThat(c.unchanged()).extracting(SessionComparison.Site::positionNote).containsExactly(
                "not compared: not the same view", "not compared: not both on calibrated images");
    }

    @Test
    void theOutcomeChangeIsJudgedAgainstTheMinimalImportantChange() {
        SessionPlan a = first();
        SessionPlan b = second(changedTarget(CourseFixtures.session(COURSE, 2, FIRST, CourseFixtures.PATIENT)));
        OutcomeChange o = SessionComparison.of(a, b, CATALOGUE).outcomes();
        assertThat(o.changes()).extracting(OutcomeChange.MeasureChange::measure).containsExactly(
                OutcomeChange.Measure.NRS_REST, OutcomeChange.Measure.NRS_ACTIVITY, OutcomeChange.Measure.ODI,
                OutcomeChange.Measure.RMDQ);
        // NRS rest 6 → 4: −2 points, important; activity 8 → 7: −1 point and −12.5 %, not important
        // ODI 40 → 28: −12 points, important; RMDQ 12 → 10: −2 points and −16.7 %, not important
        assertThat(o.changes()).extracting(OutcomeChange.MeasureChange::verdict).containsExactly(
                OutcomeChange.Verdict.IMPROVED, OutcomeChange.Verdict.NO_IMPORTANT_CHANGE,
                OutcomeChange.Verdict.IMPROVED, OutcomeChange.Verdict.NO_IMPORTANT_CHANGE);
        assertThat(o.pgic()).isEqualTo(2);
        // 30 % of a low baseline counts though fewer points: 3 → 2 is −33 %
        assertThat(OutcomeChange.between(new Outcomes(3, null, null, null, null, null, "", PlanFixtures.AT),
                new Outcomes(2, null, null, null, null, null, "", PlanFixtures.AT)).changes().get(0).verdict())
                .isEqualTo(OutcomeChange.Verdict.IMPROVED);
        assertThat(OutcomeChange.between(new Outcomes(null, null, 20.0, null, null, null, "", PlanFixtures.AT),
                new Outcomes(null, null, 30.0, null, null, null, "", PlanFixtures.AT)).changes().get(0).verdict())
                .isEqualTo(OutcomeChange.Verdict.WORSE);
    }

    @Test
    void plansOfDifferentPatientsAreRefused() {
        SessionPlan other = CourseFixtures.session(COURSE, 2, FIRST.plusWeeks(4), "OTHER-9");
        assertThatThrownBy(() -> SessionComparison.of(first(), other, CATALOGUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the plans are of different patients (Patient ID DEMO-0001 and OTHER-9): only sessions "
                        + "of one patient can be compared");
    }
}
