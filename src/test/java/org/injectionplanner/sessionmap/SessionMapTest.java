package org.injectionplanner.sessionmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.injectionplanner.plan.PlanFixtures.p;

import java.util.List;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.plan.ChecklistAnswer;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.InjectionState;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.ProcedureRecord;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.safety.SafetyReport;
import org.junit.jupiter.api.Test;

/** The session map of a known plan: its rows as the Plan Panel shows them and the values behind them. */
class SessionMapTest {

    /** 0.1 mm/px, the skin line at row 170 (where T1's path enters). */
    private static final MeasuredCalibration CAL = new MeasuredCalibration(
            MeasuredCalibration.Source.ULTRASOUND_REGION, 0.1, 0.1, 0, 170.0);
    private static final ClinicSettings SETTINGS = ClinicSettings.defaults();

    /**
     * At 0.1 mm/px: T1 at (100, 200), 3 mm deep, its path from (10, 170) on the skin (9.5 mm at 18°); Z1 an
     * ellipse about (200, 200) reaching x = 170, 7 mm from the path; T2 at (400, 100) without a path, locked
     * and done (the same site as T1: a warning); a 70 kg patient.
     */
    private static SessionPlan plan() {
        Target t1 = PlanFixtures.target(1, 100, 200, CAL);
        Target t2 = PlanFixtures.target(2, 400, 100, CAL);
        return PlanFixtures.draft().withPatientWeightKg(70.0).withTarget(t1).withTarget(t2)
                .withZone(PlanFixtures.zone(1, new EllipseShape(p(200, 200), 30, 20, 0), 5, CAL))
                .withInjection(PlanFixtures.injection(t1, PlanFixtures.path(10, 170, CAL)))
                .withInjection(PlanFixtures.injection(t2, null).withLocked(true)
                        .recorded(ProcedureRecord.done(PlanFixtures.AT, "")));
    }

    private static SafetyReport report(SessionPlan plan) {
        // the course's previous session 25 days before
        return SafetyChecks.check(plan, SafetyContext.of(SETTINGS, plan.date().minusDays(25)));
    }

    @Test
    void theRowsAreTheInjectionsWithTheirFindingsThenTheSessionsLines() {
        SessionPlan plan = plan();
        SafetyReport report = report(plan);
        SessionMap map = SessionMap.of(plan, report, SETTINGS, SignatureStatus.UNSIGNED);
        Finding t2Finding = report.about(plan.targets().get(1).id()).get(0);
        assertThat(report.about(plan.targets().get(1).id())).hasSize(2);
        String note = "note: Session: image \"fixture\" has no patient sides (not in its DICOM header, not set): the "
                + "side of T1, T2 cannot be checked against it; set them with Set Image Orientation...";
        assertThat(map.lines()).containsExactly(
                "#1  T1   T1                Iliolumbar ligament   L L4/L5  0.5 mL D15% + lidocaine 0.2% "
                        + "22 G × 88.9 mm",
                "#2  T2   T2                Iliolumbar ligament   L L4/L5  0.5 mL D15% + lidocaine 0.2% "
                        + "22 G × 88.9 mm ⚠ 2 done locked",
                "Session findings: 1 note (select this row to read them)",
                "Checklist: 0 of 0 answered; weight 70.0 kg",
                "Totals: 2 injections, 1.00 mL; lidocaine 2.0 mg in 1.00 mL",
                "Draw up: dextrose 15 % + lidocaine 0.2 %, 1.00 mL (2 sites)",
                "Needles: 22 G × 88.9 mm × 2",
                "Not signed: 0 open violation(s), 0 unanswered question(s)");
        assertThat(map.lines()).allMatch(l -> l.length() <= SessionMap.ROW_CHARS);
        assertThat(map.rows().get(0).details()).containsExactly("#1  T1   T1                     dextrose 15 % + "
                + "lidocaine 0.2 %     0.5 mL 22 G × 88.9 mm path 9.5 mm 18°  on \"fixture\" frame 1");
        assertThat(map.rows().get(1).details()).containsExactly("#2  T2   T2                     dextrose 15 % + "
                + "lidocaine 0.2 %     0.5 mL 22 G × 88.9 mm no path  on \"fixture\" frame 1  locked  done",
                "warning: " + t2Finding.message(),
                "warning: " + report.about(plan.targets().get(1).id()).get(1).message());
        assertThat(map.rows().get(1).injectionId()).isEqualTo(plan.injections().get(1).id());
        assertThat(map.rows().get(1).targetId()).isEqualTo(plan.targets().get(1).id());
        assertThat(map.rows().get(2).details()).containsExactly(note);
        assertThat(map.rows().subList(2, 8)).allMatch(r -> r.targetId() == null && r.injectionId() == null);
        assertThat(map.rows().subList(3, 8)).as("rows shown whole").allMatch(r -> r.details().isEmpty());
        assertThat(map.details()).as("with no row chosen: every finding").containsExactlyElementsOf(
                map.findingLines(null));
    }

    @Test
    void aRowTooLongIsCutToFitAndShownWholeInTheDetails() {
        ChecklistItem nsaids = ChecklistItem.defaults().stream().filter(c -> c.id().equals("nsaids-paused"))
                .findFirst().orElseThrow();
        Target t = PlanFixtures.target(1, 100, 200, CAL);
        Target t1 = new Target(t.id(), 1, "left L4/5 iliolumbar, deep part near the crest", t.structureId(), t.side(),
                t.level(), t.image(), t.point(), t.depthMm(), t.notes(), t.calibration());
        SessionPlan plan = PlanFixtures.draft(List.of(nsaids)).withTarget(t1)
                .withInjection(PlanFixtures.injection(t1, PlanFixtures.path(10, 170, CAL)))
                .withChecklistEntry(new ChecklistEntry(nsaids, ChecklistAnswer.NO,
                        "ibuprofen 400 mg taken yesterday evening\nfor a headache; discussed with the patient"));
        SessionMap map = SessionMap.of(plan, report(plan), SETTINGS, SignatureStatus.UNSIGNED);
        assertThat(map.lines()).allMatch(l -> l.length() <= SessionMap.ROW_CHARS && !l.contains("\n"));
        assertThat(map.lines().get(0)).startsWith("#1  T1   left L4/5 iliolu… Iliolumbar ligament   L L4/L5");
        String deviation = "      DEVIATION, answered no: " + nsaids.question() + " (note: ibuprofen 400 mg taken "
                + "yesterday evening\nfor a headache; discussed with the patient)";
        assertThat(map.lines()).anyMatch(l -> l.startsWith("      DEVIATION, answered no: NSAIDs paused")
                && l.endsWith("…") && l.length() == SessionMap.ROW_CHARS);
        assertThat(map.details()).as("the whole deviation, for the findings area").endsWith(deviation.strip());
    }

    @Test
    void theFindingLinesAreAnInjectionsOrAllThenTheSessions() {
        SessionPlan plan = plan();
        // the previous session 2 days before: a session finding (too short an interval) besides T2's two
        SafetyReport report = SafetyChecks.check(plan, SafetyContext.of(SETTINGS, plan.date().minusDays(2)));
        List<Finding> session = report.findings().stream().filter(f -> f.targetId() == null).toList();
        assertThat(session).isNotEmpty();
        List<Finding> t2 = report.about(plan.targets().get(1).id());
        SessionMap map = SessionMap.of(plan, report, SETTINGS, SignatureStatus.UNSIGNED);
        List<String> expected = new java.util.ArrayList<>();
        t2.forEach(f -> expected.add("warning: " + f.message()));
        assertThat(expected).allMatch(l -> l.startsWith("warning: Injection 2, T2"), "named by their injection");
        assertThat(map.findingLines(plan.injections().get(1).id())).containsExactlyElementsOf(expected);
        assertThat(map.findingLines(plan.injections().get(0).id())).as("T1 has none").isEmpty();
        session.forEach(f -> expected.add(f.severity().name().toLowerCase(java.util.Locale.ROOT)
                .replace("violation", "VIOLATION") + ": " + f.message()));
        assertThat(map.findingLines(null)).containsExactlyElementsOf(expected);
    }

    @Test
    void eachInjectionCarriesItsValues() {
        SessionPlan plan = plan();
        SessionMap map = SessionMap.of(plan, report(plan), SETTINGS, SignatureStatus.UNSIGNED);
        SessionMap.InjectionEntry first = map.injections().get(0);
        assertThat(first.position()).isEqualTo(1);
        assertThat(first.targetNumber()).isEqualTo(1);
        assertThat(first.structure()).isEqualTo("Iliolumbar ligament");
        assertThat(first.side()).isEqualTo(Side.LEFT);
        assertThat(first.level()).isEqualTo(SpinalLevel.L4_L5);
        assertThat(first.image()).isEqualTo(plan.targets().get(0).image());
        assertThat(first.volumeMl()).isEqualTo(0.5);
        assertThat(first.depthMm()).isCloseTo(3.0, within(1e-9));
        assertThat(first.pathLengthMm()).isCloseTo(Math.hypot(9, 3), within(1e-9));
        assertThat(first.angleDeg()).isCloseTo(Math.toDegrees(Math.atan2(3, 9)), within(1e-9));
        // the ellipse's outline is a polygon through points of the ellipse: at most 7 mm, a little less
        assertThat(first.minClearanceMm()).isCloseTo(7.0, within(0.05));
        assertThat(first.findings()).isEmpty();
        assertThat(first.locked()).isFalse();
        SessionMap.InjectionEntry second = map.injections().get(1);
        assertThat(second.pathLengthMm()).isNull();
        assertThat(second.angleDeg()).isNull();
        // without a path, the target's own clearance: (400, 100) to the ellipse's nearest point
        assertThat(second.minClearanceMm()).isGreaterThan(17.0).isLessThan(20.0);
        assertThat(second.locked()).isTrue();
        assertThat(second.state()).isEqualTo(InjectionState.DONE);
        assertThat(second.findings()).extracting(Finding::check).containsExactly("duplicate-site", "no-path");
        assertThat(map.checklist()).isEqualTo(new SessionMap.Checklist(0, 0, 70.0, List.of()));
        assertThat(map.signOff()).isEqualTo(new SessionMap.SignOff(null, SignatureStatus.UNSIGNED, 0, 0));
    }

    @Test
    void anUncalibratedTargetHasNoDepthNorClearanceAndItsViolationShowsItsOverride() {
        Target t1 = PlanFixtures.target(1, 100, 200, MeasuredCalibration.UNCALIBRATED);
        SessionPlan plan = PlanFixtures.draft().withPatientWeightKg(70.0).withTarget(t1)
                .withInjection(PlanFixtures.injection(t1, PlanFixtures.path(100, 20, CAL)));
        SafetyReport report = report(plan);
        Finding calibration = report.violations().get(0);
        plan = plan.withOverride(new FindingOverride(calibration.key(), calibration.measured(), "measured by hand",
                "Dr A", PlanFixtures.AT));
        SessionMap map = SessionMap.of(plan, report, SETTINGS, SignatureStatus.UNSIGNED);
        SessionMap.InjectionEntry entry = map.injections().get(0);
        assertThat(entry.depthMm()).isNull();
        assertThat(entry.pathLengthMm()).isNull();
        assertThat(entry.minClearanceMm()).isNull();
        assertThat(map.rows().get(0).details().get(0)).endsWith("path uncalibrated  on \"fixture\" frame 1");
        assertThat(map.lines().get(0)).as("marked, not as a violation").endsWith(" overridden");
        assertThat(map.rows().get(0).details()).contains("overridden (reason: measured by hand): "
                + calibration.message());
        assertThat(map.signOff().openViolations()).isZero();
    }

    @Test
    void aSignedPlansLastRowNamesTheSignerAndTheContentsHash() {
        SessionPlan plan = PlanFixtures.answeredYes(PlanFixtures.draft(List.of(
                ChecklistItem.defaults().get(0)))).withPatientWeightKg(72.5);
        SessionPlan signed = plan.signed(new Signature("Dr A", PlanFixtures.AT,
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
        java.time.ZoneId lisbon = java.time.ZoneId.of("Europe/Lisbon");
        List<String> lines = SessionMap.of(signed, report(signed), SETTINGS, SignatureStatus.VALID, lisbon).lines();
        assertThat(lines).containsExactly("Checklist: 1 of 1 answered; weight 72.5 kg",
                "Totals: 0 injections, 0.00 mL; no local anaesthetic",
                "Draw up: nothing planned",
                "Signed by Dr A at 2026-11-26 08:30 Europe/Lisbon (UTC+00:00), SHA-256 0123456789abcdef…");
        SessionMap unkeyed = SessionMap.of(signed, report(signed), SETTINGS, SignatureStatus.UNKEYED,
                java.time.ZoneId.of("Asia/Kolkata"));
        String whole = "Signed by Dr A at 2026-11-26 14:00 Asia/Kolkata (UTC+05:30), SHA-256 0123456789abcdef… "
                + "(signed before keyed signatures: the signer cannot be verified)";
        assertThat(unkeyed.lines()).last().isEqualTo(whole.substring(0, SessionMap.ROW_CHARS - 1) + "…");
        assertThat(unkeyed.details()).containsExactly(whole);
    }

    @Test
    void aSignatureThatDoesNotVerifyIsShownAsNotValidNeverAsSigned() {
        SessionPlan plan = PlanFixtures.answeredYes(PlanFixtures.draft(List.of(
                ChecklistItem.defaults().get(0))));
        SessionPlan signed = plan.signed(new Signature("Dr A", PlanFixtures.AT,
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
        SessionMap map = SessionMap.of(signed, report(signed), SETTINGS,
                SignatureStatus.invalid(List.of("key 0123 is not in the store's keyring")));
        assertThat(map.lines()).last().isEqualTo(
                "Signature not valid — treated as a draft: key 0123 is not in the store's keyring");
        assertThat(map.lines()).noneMatch(l -> l.startsWith("Signed by"));
    }

    @Test
    void aNoToAChecklistQuestionIsAFlaggedDeviationWithItsNote() {
        ChecklistItem nsaids = ChecklistItem.defaults().stream().filter(c -> c.id().equals("nsaids-paused"))
                .findFirst().orElseThrow();
        SessionPlan plan = PlanFixtures.draft(List.of(ChecklistItem.defaults().get(0), nsaids))
                .withChecklistEntry(new ChecklistEntry(ChecklistItem.defaults().get(0), ChecklistAnswer.YES, ""))
                .withChecklistEntry(new ChecklistEntry(nsaids, ChecklistAnswer.NO, "ibuprofen yesterday"));
        SessionMap map = SessionMap.of(plan, report(plan), SETTINGS, SignatureStatus.UNSIGNED);
        assertThat(map.checklist().deviations()).extracting(e -> e.item().id()).containsExactly("nsaids-paused");
        String deviation = "      DEVIATION, answered no: " + nsaids.question() + " (note: ibuprofen yesterday)";
        assertThat(map.lines()).containsSequence("Checklist: 2 of 2 answered; weight not entered",
                deviation.substring(0, SessionMap.ROW_CHARS - 1) + "…");
        assertThat(map.details()).containsExactly(deviation.strip());
    }
}
