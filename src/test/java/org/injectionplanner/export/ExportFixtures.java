package org.injectionplanner.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.ChecklistAnswer;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.Needle;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.Outcomes;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.ProcedureRecord;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.Solution;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.sessionmap.SessionMap;

/** A plan of a named patient with identifying texts everywhere they can stand, and its session map. */
final class ExportFixtures {

    static final Patient PATIENT = new Patient("PID-4711", "Doe^Jane", LocalDate.of(1970, 1, 2));

    /** Every identifying value {@link #plan()} holds: none may appear in a de-identified export. */
    static final List<String> IDENTIFYING = List.of("PID-4711", "Doe", "Jane", "1970-01-02", "19700102",
            "/data/patients", "Lumbar study of J. Doe", "2026-11-20", "prefers the left side", "fainted",
            "allergic to plasters", "measured on the paired frame", "Dr Smith", "Dr Jones", "Acacia Avenue",
            "1.2.826.0.1.3680043.9.4711.1", "1.2.826.0.1.3680043.9.4711.2", "1.2.826.0.1.3680043.9.4711.3");

    static final String SOP = "1.2.826.0.1.3680043.9.4711.3";

    /** 0.1 mm/px across, 0.08 mm/px down, skin line at y = 42.5. */
    static final MeasuredCalibration REGION =
            new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, 0.1, 0.08, 0, 42.5);

    /** Calibrated but without a skin line: mm values, no depth. */
    static final MeasuredCalibration NO_SKIN_LINE =
            new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, 0.1, 0.08, 1, null);

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-26T10:05:00+01:00");

    private ExportFixtures() {
    }

    /**
     * Session 2 of the patient: T1 calibrated with a path near a nerve, T2 uncalibrated and skipped, T3
     * calibrated without a skin line; the session order is T1, T2, T3.
     */
    static SessionPlan plan() {
        return plan("L4/5 supraspinous", "supraspinous", "lidocaine");
    }

    /** {@link #plan()} with T1's label, structure id and anaesthetic name as given. */
    static SessionPlan plan(String label, String structureId, String anaesthetic) {
        PlanImage image = new PlanImage(SOP, "1.2.826.0.1.3680043.9.4711.1", "1.2.826.0.1.3680043.9.4711.2",
                "Lumbar study of J. Doe", 30, "/data/patients/IM0001", PATIENT, LocalDate.of(2026, 11, 20));
        Target t1 = new Target(id(1), 1, label, structureId, Side.MIDLINE, SpinalLevel.L4_L5, new ImageRef(SOP, 3),
                new PixelPoint(312.25, 140.5), null, "prefers the left side", REGION);
        Target t2 = new Target(id(2), 2, "T2", "iliolumbar", Side.LEFT, null, new ImageRef(SOP, 17),
                new PixelPoint(100, 200), null, "", MeasuredCalibration.UNCALIBRATED);
        Target t3 = new Target(id(3), 3, "T3", null, Side.RIGHT, SpinalLevel.L5_S1, new ImageRef(SOP, 5),
                new PixelPoint(-12.5, 60), null, "", NO_SKIN_LINE);
        NerveZone nerve = new NerveZone(id(4), 1, ZoneKind.NERVE, "superior cluneal nerve", new ImageRef(SOP, 3),
                new EllipseShape(new PixelPoint(340, 150), 10, 10, 0), 5, REGION);
        Injection i1 = new Injection(id(5), t1.id(), false, Approach.IN_PLANE, new Needle(25, 38.1),
                new Solution(15.0, anaesthetic, 0.2), 0.5, new NeedlePath(new PixelPoint(250.5, 42.5), REGION),
                ProcedureRecord.done(AT, ""));
        Injection i2 = new Injection(id(6), t2.id(), true, Approach.OUT_OF_PLANE, new Needle(27, null),
                new Solution(20.0, null, null), 0.25, null, ProcedureRecord.skipped(AT.plusMinutes(5), "fainted"));
        Injection i3 = new Injection(id(7), t3.id(), false, Approach.IN_PLANE, new Needle(22, 88.9),
                new Solution(null, null, null), 1.0, null, ProcedureRecord.PLANNED);
        return new SessionPlan(id(8), id(9), 2, LocalDate.of(2026, 11, 26), "Dr Smith", PlanStatus.DRAFT, 71.5,
                List.of(image), List.of(t1, t2, t3), List.of(nerve), List.of(i1, i2, i3),
                List.of(new ChecklistEntry(new ChecklistItem("no-allergy", "No allergy"), ChecklistAnswer.NO,
                        "allergic to plasters")),
                List.of(new FindingOverride("calibration/" + t2.id(), null, "measured on the paired frame", "Dr Jones",
                        AT)),
                null, List.of(), new Outcomes(6, 7, 42.0, null, 11, 3, "lives at 12 Acacia Avenue", AT), null);
    }

    /** The session map of a plan under the default clinic settings. */
    static SessionMap map(SessionPlan plan) {
        ClinicSettings settings = ClinicSettings.defaults();
        return SessionMap.of(plan, SafetyChecks.check(plan, SafetyContext.of(settings, null)), settings,
                SignatureStatus.UNSIGNED);
    }

    /** The CSV of a plan, identified or de-identified. */
    static String csv(SessionPlan plan, boolean deidentify) {
        StringWriter out = new StringWriter();
        try {
            CsvExport.write(map(plan), plan, deidentify, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }
}
