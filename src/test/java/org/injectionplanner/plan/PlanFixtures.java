package org.injectionplanner.plan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.PolygonShape;
import org.injectionplanner.geometry.ZoneShape;

/**
 * Small session plans for the safety, sign-off and command-line tests: one image, targets, zones and
 * injections with deterministic ids (so that finding keys can be written down), on frame 1 unless said.
 */
public final class PlanFixtures {

    public static final UUID COURSE = UUID.fromString("7a000000-0000-4000-8000-000000000001");
    public static final LocalDate DATE = LocalDate.of(2026, 11, 26);
    public static final PlanImage IMAGE = new PlanImage("2.25.700", "2.25.701", "2.25.702", "fixture", 30, null, null,
            null);
    public static final PlanImage OTHER_IMAGE = new PlanImage("2.25.800", "2.25.801", "2.25.802", "other", 30, null,
            null, null);
    public static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-26T09:30:00+01:00");
    /** Dextrose 15 % + lidocaine 0.2 %: 2 mg of lidocaine per mL. */
    public static final Solution HACKETT = new Solution(15.0, "lidocaine", 0.2);

    private PlanFixtures() {
    }

    /** An ultrasound region's calibration with the skin line at row 0. */
    public static MeasuredCalibration region(int index, double mmPerPixelX, double mmPerPixelY) {
        return new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, mmPerPixelX, mmPerPixelY, index,
                0.0);
    }

    public static PixelPoint p(double x, double y) {
        return new PixelPoint(x, y);
    }

    /** A polygon from x, y pairs. */
    public static PolygonShape polygon(double... xy) {
        List<PixelPoint> vertices = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            vertices.add(new PixelPoint(xy[i], xy[i + 1]));
        }
        return new PolygonShape(vertices);
    }

    /** A star-shaped polygon of 5 to 9 vertices, 10–40 px from a centre (concave at some vertices). */
    public static PolygonShape star(PixelPoint centre, java.util.Random random) {
        int n = 5 + random.nextInt(5);
        List<PixelPoint> vertices = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double angle = 2 * Math.PI * k / n;
            double radius = 10 + random.nextDouble() * 30;
            vertices.add(new PixelPoint(centre.x() + radius * Math.cos(angle), centre.y() + radius * Math.sin(angle)));
        }
        return new PolygonShape(vertices);
    }

    /** An empty draft of session 2 on {@link #DATE}, with {@link #IMAGE} and the given checklist. */
    public static SessionPlan draft(List<ChecklistItem> checklist) {
        return SessionPlan.newDraft(COURSE, 2, DATE, "Dr A", checklist).withImage(IMAGE).withImage(OTHER_IMAGE);
    }

    /** An empty draft without checklist questions. */
    public static SessionPlan draft() {
        return draft(List.of());
    }

    /**
     * Target {@code number} on frame 1, left L4/L5, with its depth in this calibration (null when
     * uncalibrated).
     */
    public static Target target(int number, double x, double y, MeasuredCalibration cal) {
        return target(number, new ImageRef(IMAGE.sopInstanceUid(), 1), x, y, cal);
    }

    /** Target {@code number} on the given frame. */
    public static Target target(int number, ImageRef image, double x, double y, MeasuredCalibration cal) {
        PixelPoint p = new PixelPoint(x, y);
        return new Target(id("target", number), number, "T" + number, "iliolumbar", Side.LEFT, SpinalLevel.L4_L5, image,
                p, cal.depthMm(p), "", cal);
    }

    /** Nerve zone {@code number} on frame 1. */
    public static NerveZone zone(int number, ZoneShape shape, double marginMm, MeasuredCalibration cal) {
        return zone(number, new ImageRef(IMAGE.sopInstanceUid(), 1), shape, marginMm, cal);
    }

    /** Nerve zone {@code number} on the given frame. */
    public static NerveZone zone(int number, ImageRef image, ZoneShape shape, double marginMm,
            MeasuredCalibration cal) {
        return new NerveZone(id("zone", number), number, ZoneKind.NERVE, "nerve " + number, image, shape, marginMm,
                cal);
    }

    /** The injection at a target: 22 G × 88.9 mm (3.5 in), in-plane, {@link #HACKETT}, 0.5 mL. */
    public static Injection injection(Target target, NeedlePath path) {
        return new Injection(id("injection", target.number()), target.id(), false, Approach.IN_PLANE,
                new Needle(22, 88.9), HACKETT, 0.5, path, ProcedureRecord.PLANNED);
    }

    /** The path from {@code (x, y)} with the entry's calibration. */
    public static NeedlePath path(double x, double y, MeasuredCalibration cal) {
        return new NeedlePath(new PixelPoint(x, y), cal);
    }

    /** A deterministic id: the same for the same kind and number. */
    public static UUID id(String kind, int number) {
        return UUID.nameUUIDFromBytes((kind + "-" + number).getBytes(StandardCharsets.UTF_8));
    }

    /** The checklist entries answered "yes". */
    public static SessionPlan answeredYes(SessionPlan plan) {
        SessionPlan out = plan;
        for (ChecklistEntry e : plan.checklist()) {
            out = out.withChecklistEntry(new ChecklistEntry(e.item(), ChecklistAnswer.YES, ""));
        }
        return out;
    }
}
