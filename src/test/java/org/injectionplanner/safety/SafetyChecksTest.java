package org.injectionplanner.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.injectionplanner.plan.PlanFixtures.draft;
import static org.injectionplanner.plan.PlanFixtures.injection;
import static org.injectionplanner.plan.PlanFixtures.path;
import static org.injectionplanner.plan.PlanFixtures.polygon;
import static org.injectionplanner.plan.PlanFixtures.region;
import static org.injectionplanner.plan.PlanFixtures.target;
import static org.injectionplanner.plan.PlanFixtures.zone;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.TestImages;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.PolygonShape;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.Needle;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.Solution;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.StructureCatalogue;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The safety checks against hand-computed expectations (docs/safety.md). Every expected number is worked
 * out in a comment from the pixel coordinates and the calibration.
 *
 * <p>Tolerances: distances to a polygon are computed exactly up to floating-point rounding
 * (CalibratedGeometry's javadoc), so they are compared within {@link #EXACT}, far below any margin that
 * matters. Distances to an ellipse are measured through an inscribed polygon and are exact or up to
 * 0.001 mm too large, never too small; they are compared within [expected, expected + 0.001 mm] (plus
 * rounding).
 */
class SafetyChecksTest {

    /** Floating-point rounding of a few multiplications and a square root, mm (or degrees). */
    private static final Offset<Double> EXACT = within(1e-9);
    /** CalibratedGeometry.ELLIPSE_TOLERANCE_MM: an ellipse's clearance may be this much too large. */
    private static final double ELLIPSE_TOLERANCE_MM = 0.001;

    /** 0.1 mm per pixel on both axes, region 0. */
    private static final MeasuredCalibration CAL = region(0, 0.1, 0.1);

    /** The square 100..200 × 100..200 px: 10 mm wide at {@link #CAL}. */
    private static final PolygonShape SQUARE = polygon(100, 100, 200, 100, 200, 200, 100, 200);

    private static SafetyReport check(SessionPlan plan) {
        return SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(), null));
    }

    private static List<Finding> findings(SafetyReport report, String check) {
        return report.findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    private static Finding only(SafetyReport report, String check) {
        List<Finding> found = findings(report, check);
        assertThat(found).as("findings of check %s in %s", check, report.findings()).hasSize(1);
        return found.get(0);
    }

    /**
     * A plan of a 70 kg patient (the dose check needs the weight) with one target, its injection along the
     * path (null: none drawn), and the zones.
     */
    private static SessionPlan site(Target target, NeedlePath path, NerveZone... zones) {
        SessionPlan plan = draft().withPatientWeightKg(70.0).withTarget(target);
        for (NerveZone z : zones) {
            plan = plan.withZone(z);
        }
        return plan.withInjection(injection(target, path));
    }

    /** A plan with one target, no injection, and the zones. */
    private static SessionPlan targetOnly(Target target, NerveZone... zones) {
        SessionPlan plan = draft().withTarget(target);
        for (NerveZone z : zones) {
            plan = plan.withZone(z);
        }
        return plan;
    }

    /** The key of a clearance finding of this kind: inside, crosses, path, target, path-unmeasured. */
    private static String clearanceKey(String kind, Target t, NerveZone z) {
        return "zone-clearance/" + kind + "/" + t.id() + "/" + z.id();
    }

    @Nested
    class ConvexPolygon {

        @Test
        void aVerticalPathBesideTheSquareIsMeasuredToItsNearestEdge() {
            // Path x = 240 from y = 0 to y = 300 passes the square's right edge x = 200 (y 100..200) at
            // 40 px = 4.0 mm, inside the 5 mm margin. The target (240, 300) is farther: to the corner
            // (200, 200) hypot(40, 100) px = 10.77 mm.
            Target t = target(1, 240, 300, CAL);
            NerveZone z = zone(1, SQUARE, 5, CAL);
            Finding f = only(check(site(t, path(240, 0, CAL), z)), "zone-clearance");
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.key()).isEqualTo(clearanceKey("path", t, z));
            assertThat(f.measured()).isCloseTo(4.0, EXACT);
            assertThat(f.limit()).isEqualTo(5.0);
            assertThat(f.unit()).isEqualTo("mm");
            assertThat(f.targetId()).isEqualTo(t.id());
            assertThat(f.injectionId()).isEqualTo(PlanFixtures.id("injection", 1));
            assertThat(f.zoneId()).isEqualTo(z.id());
            assertThat(f.message()).isEqualTo("Injection 1, T1 (Iliolumbar ligament): the needle path passes "
                    + "4.0 mm from zone Z1 "
                    + "\"nerve 1\", inside its 5 mm margin");
        }

        @Test
        void aSlantedPathIsMeasuredToTheNearestCorner() {
            // Path (260, 0) → (240, 300), direction d = (−20, 300), |d| = √90400. The nearest point of the
            // square is the corner (200, 200): w = (200, 200) − (260, 0) = (−60, 200); its foot lies inside
            // the segment (w·d / |d|² = 61200 / 90400 = 0.68); distance |w × d| / |d|
            // = |−20·200 − 300·(−60)| / √90400 = 14000 / √90400 px = 46.56 px → × 0.1 = 1400 / √90400 mm
            // = 4.656 mm. (The corner (200, 100) is 16000 / √90400 px away; the segment's ends are farther.)
            Target t = target(1, 240, 300, CAL);
            NerveZone z = zone(1, SQUARE, 5, CAL);
            Finding f = only(check(site(t, path(260, 0, CAL), z)), "zone-clearance");
            assertThat(f.measured()).isCloseTo(1400 / Math.sqrt(90_400), EXACT);
        }

        @Test
        void aPathOutsideTheMarginHasNoFinding() {
            // Path x = 260: 60 px = 6.0 mm from the edge x = 200; target (260, 300) hypot(60, 100) px away.
            Target t = target(1, 260, 300, CAL);
            SafetyReport report = check(site(t, path(260, 0, CAL), zone(1, SQUARE, 5, CAL)));
            assertThat(findings(report, "zone-clearance")).isEmpty();
            assertThat(report.openViolations(site(t, path(260, 0, CAL), zone(1, SQUARE, 5, CAL)))).isEmpty();
        }

        @Test
        void aTargetInsideOrOnTheBoundaryIsAViolationAtZeroClearance() {
            for (double[] xy : new double[][] {{150, 150}, {200, 150}, {100, 100}}) {
                Target t = target(1, xy[0], xy[1], CAL);
                Finding f = only(check(targetOnly(t, zone(1, SQUARE, 5, CAL))), "zone-clearance");
                assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
                assertThat(f.measured()).isZero();
                assertThat(f.message()).isEqualTo("T1 (Iliolumbar ligament): the target lies inside zone Z1 "
                        + "\"nerve 1\"");
            }
        }

        @Test
        void aTargetWithinTheMarginWithoutAPathIsMeasuredFromTheTarget() {
            // (150, 230) is 30 px = 3.0 mm below the bottom edge y = 200.
            Target t = target(1, 150, 230, CAL);
            Finding f = only(check(targetOnly(t, zone(1, SQUARE, 5, CAL))), "zone-clearance");
            assertThat(f.measured()).isCloseTo(3.0, EXACT);
            assertThat(f.message()).isEqualTo("T1 (Iliolumbar ligament): the target lies 3.0 mm from zone Z1 "
                    + "\"nerve 1\", inside its 5 mm "
                    + "margin");
        }
    }

    @Nested
    class ConcavePolygon {

        /**
         * A U open at the top: arms 100..140 and 260..300 wide, rows 100..300; the notch between them,
         * x 140..260, goes down to y = 250; the bottom bar is rows 250..300. Its convex hull is the whole
         * 100..300 square, notch included.
         */
        private final PolygonShape u = polygon(100, 100, 140, 100, 140, 250, 260, 250, 260, 100, 300, 100,
                300, 300, 100, 300);

        @Test
        void aPathDownTheNotchIsMeasuredToTheArmsNotTheHull() {
            // Path x = 200 from y = 0 to the target (200, 190) in the notch: 60 px from the inner edges
            // x = 140 and x = 260 (and from their top corners (140, 100), (260, 100)); the target is 60 px
            // above the notch's bottom y = 250. Clearance 6.0 mm: clear of a 5 mm margin, although the
            // path lies inside the convex hull.
            Target t = target(1, 200, 190, CAL);
            assertThat(findings(check(site(t, path(200, 0, CAL), zone(1, u, 5, CAL))), "zone-clearance")).isEmpty();

            Finding f = only(check(site(t, path(200, 0, CAL), zone(1, u, 7, CAL))), "zone-clearance");
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.measured()).isCloseTo(6.0, EXACT);
            assertThat(f.limit()).isEqualTo(7.0);
        }

        @Test
        void aPathThroughTheBottomBarCrossesTheZoneThoughBothEndsAreOutside() {
            // (200, 0) → (200, 400) runs down the notch and through the bar (rows 250..300). The entry is
            // above the U; the target (200, 400) is 100 px = 10 mm below it: neither end is inside or
            // within the margin, so only the crossing finds it.
            Target t = target(1, 200, 400, CAL);
            NerveZone z = zone(1, u, 5, CAL);
            Finding f = only(check(site(t, path(200, 0, CAL), z)), "zone-clearance");
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.key()).isEqualTo(clearanceKey("crosses", t, z));
            assertThat(f.measured()).isZero();
            assertThat(f.message()).isEqualTo("Injection 1, T1 (Iliolumbar ligament): the needle path crosses "
                    + "zone Z1 \"nerve 1\"");
            assertThat(findings(check(targetOnly(t, z)), "zone-clearance")).as("the target alone is clear").isEmpty();
        }
    }

    @Nested
    class RotatedEllipse {

        /**
         * Centre (400, 300), radii 100 px (own x axis) and 20 px, rotated 45° counter-clockwise on screen:
         * in pixel coordinates (y down) the long axis is u = (√½, −√½) and the short axis v = (√½, √½).
         */
        private final EllipseShape ellipse = EllipseShape.of(new PixelPoint(400, 300), 100, 20, 45);
        private final double h = Math.sqrt(0.5);

        private PixelPoint at(double alongU, double alongV) {
            return new PixelPoint(400 + alongU * h + alongV * h, 300 - alongU * h + alongV * h);
        }

        private void assertEllipseClearance(Double measured, double expectedMm) {
            assertThat(measured).isBetween(expectedMm - 1e-9, expectedMm + ELLIPSE_TOLERANCE_MM + 1e-9);
        }

        @Test
        void aTargetOnTheShortAxisIsMeasuredToTheCoVertex() {
            // The target 80 px out along v. For a point on the short axis at distance d > b the nearest
            // point of the ellipse is the co-vertex (the squared distance a² + d² − 2db·s − (a² − b²)s²,
            // s = sin θ, falls for all s in [0, 1]), so the clearance is 80 − 20 = 60 px = 6.0 mm. Had the
            // angle been taken clockwise, the same point would lie on the long axis, 80 px from the centre:
            // inside.
            PixelPoint p = at(0, 80);
            Target t = target(1, p.x(), p.y(), CAL);
            assertThat(findings(check(targetOnly(t, zone(1, ellipse, 5, CAL))), "zone-clearance")).isEmpty();

            Finding f = only(check(targetOnly(t, zone(1, ellipse, 7, CAL))), "zone-clearance");
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertEllipseClearance(f.measured(), 6.0);
        }

        @Test
        void aPathParallelToTheLongAxisIsMeasuredToTheCoVertex() {
            // The path runs parallel to u, 30 px out along v, from −150 to +150 px along u. A line at
            // distance d from the centre parallel to the long axis is d − b from the ellipse (b = 20 px,
            // reached at the co-vertex, whose foot at 0 along u lies within the segment): 10 px = 1.0 mm.
            PixelPoint entry = at(-150, 30);
            PixelPoint tip = at(150, 30);
            Target t = target(1, tip.x(), tip.y(), CAL);
            Finding f = only(check(site(t, path(entry.x(), entry.y(), CAL), zone(1, ellipse, 5, CAL))),
                    "zone-clearance");
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.message()).contains("the needle path passes 1.0 mm");
            assertEllipseClearance(f.measured(), 1.0);
        }

        @Test
        void aPathAlongTheLongAxisCrossesIt() {
            // From −150 to +150 px along u through the centre; both ends are beyond the 100 px vertices.
            PixelPoint entry = at(-150, 0);
            PixelPoint tip = at(150, 0);
            Target t = target(1, tip.x(), tip.y(), CAL);
            Finding f = only(check(site(t, path(entry.x(), entry.y(), CAL), zone(1, ellipse, 2, CAL))),
                    "zone-clearance");
            assertThat(f.measured()).isZero();
            assertThat(f.message()).contains("crosses");
        }
    }

    @Nested
    class UnequalScale {

        @Test
        void theSamePixelsAreInsideOrOutsideTheMarginDependingOnTheAxis() {
            // 0.1 mm/px across (x), 0.2 mm/px down (y). The target 40 px right of the square is 4.0 mm
            // away (violation); 30 px below it is 6.0 mm away (clear). With the axes swapped, 8.0 mm and
            // 3.0 mm.
            MeasuredCalibration xy = region(0, 0.1, 0.2);
            MeasuredCalibration yx = region(0, 0.2, 0.1);
            Target right = target(1, 240, 150, xy);
            Target below = target(1, 150, 230, xy);
            assertThat(only(check(targetOnly(right, zone(1, SQUARE, 5, xy))), "zone-clearance").measured())
                    .isCloseTo(4.0, EXACT);
            assertThat(findings(check(targetOnly(below, zone(1, SQUARE, 5, xy))), "zone-clearance")).isEmpty();

            Target rightSwapped = target(1, 240, 150, yx);
            Target belowSwapped = target(1, 150, 230, yx);
            assertThat(findings(check(targetOnly(rightSwapped, zone(1, SQUARE, 5, yx))), "zone-clearance")).isEmpty();
            assertThat(only(check(targetOnly(belowSwapped, zone(1, SQUARE, 5, yx))), "zone-clearance").measured())
                    .isCloseTo(3.0, EXACT);
        }

        @Test
        void aDiagonalClearanceIsTheHypotenuseInMm() {
            // Target (220, 210), nearest corner (200, 200): 20 px × 0.1 = 2 mm across, 10 px × 0.2 = 2 mm
            // down → √8 = 2.828 mm (in pixels it would be hypot(20, 10) = 22.4 px).
            Target t = target(1, 220, 210, region(0, 0.1, 0.2));
            assertThat(only(check(targetOnly(t, zone(1, SQUARE, 5, region(0, 0.1, 0.2)))), "zone-clearance")
                    .measured()).isCloseTo(Math.sqrt(8), EXACT);
        }

        @Test
        void theInsertionAngleIsTakenFromMmDeltas() {
            // Entry (0, 100) → target (300, 200): 300 × 100 px, 18.4° in pixels; at 0.1 × 0.2 mm/px it is
            // 30 × 20 mm, atan(20 / 30) = 33.69° against the transducer face, steeper than 30°.
            MeasuredCalibration xy = region(0, 0.1, 0.2);
            Target t = target(1, 300, 200, xy);
            Finding f = only(check(site(t, path(0, 100, xy))), "insertion-angle");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.measured()).isCloseTo(Math.toDegrees(Math.atan2(20, 30)), EXACT);
            assertThat(f.limit()).isEqualTo(30.0);
            assertThat(f.unit()).isEqualTo("°");
            // the same from the other side: (600, 100) → (300, 200)
            assertThat(only(check(site(t, path(600, 100, xy))), "insertion-angle").measured())
                    .isCloseTo(Math.toDegrees(Math.atan2(20, 30)), EXACT);
            // isotropic 0.1 mm/px: 30 × 10 mm, 18.4°: no warning
            Target flat = target(1, 300, 200, CAL);
            assertThat(findings(check(site(flat, path(0, 100, CAL))), "insertion-angle")).isEmpty();
        }

        @Test
        void aSteepAngleWarnsOnlyForInPlane() {
            MeasuredCalibration xy = region(0, 0.1, 0.2);
            Target t = target(1, 300, 200, xy);
            SessionPlan plan = site(t, path(0, 100, xy));
            Injection i = plan.injections().get(0);
            SessionPlan outOfPlane = plan.withInjection(i.prescribed(Approach.OUT_OF_PLANE, i.needle(), i.solution(),
                    i.volumeMl()));
            assertThat(findings(check(outOfPlane), "insertion-angle")).isEmpty();
        }
    }

    @Nested
    class NegativePhysicalDelta {

        /** One 2D region over the whole 800 × 600 image, x and y running against the pixel axes. */
        private UltrasoundCalibration calibration() {
            DataSet ds = new DataSet();
            ds.putSequence(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS,
                    List.of(TestImages.usRegion(0, 0, 799, 599, -0.01, -0.02)));
            return UltrasoundCalibration.of(ds);
        }

        @Test
        void givesPositiveMmAndTheSameFindingsAsPositiveDeltas() {
            UltrasoundCalibration cal = calibration();
            // |−0.01 cm| × 10 = 0.1 mm/px across, |−0.02 cm| × 10 = 0.2 mm/px down; skin line at row 0.
            MeasuredCalibration atTarget = MeasuredCalibration.of(cal, new double[] {240}, new double[] {150});
            assertThat(atTarget.source()).isEqualTo(MeasuredCalibration.Source.ULTRASOUND_REGION);
            assertThat(atTarget.mmPerPixelX()).isCloseTo(0.1, within(1e-12));
            assertThat(atTarget.mmPerPixelY()).isCloseTo(0.2, within(1e-12));
            assertThat(atTarget.regionIndex()).isZero();
            MeasuredCalibration atZone = MeasuredCalibration.of(cal, new double[] {100, 200, 200, 100},
                    new double[] {100, 100, 200, 200});
            MeasuredCalibration atEntry = MeasuredCalibration.of(cal, new double[] {240}, new double[] {0});
            assertThat(atZone).isEqualTo(atTarget);
            assertThat(atEntry).isEqualTo(atTarget);

            // As with positive deltas: 40 px right of the square × 0.1 = 4.0 mm. The path (240, 0) →
            // (240, 150) runs 150 px × 0.2 = 30 mm down at 40 px = 4.0 mm from the square; a 38.1 mm
            // (1.5 in) needle is shorter than 30 + 10 mm reserve = 40 mm.
            Target t = target(1, 240, 150, atTarget);
            SessionPlan plan = site(t, path(240, 0, atEntry), zone(1, SQUARE, 5, atZone));
            Injection i = plan.injections().get(0);
            plan = plan.withInjection(i.prescribed(i.approach(), new Needle(25, 38.1), i.solution(), i.volumeMl()));
            SafetyReport report = check(plan);
            assertThat(only(report, "zone-clearance").measured()).isCloseTo(4.0, EXACT);
            Finding needle = only(report, "needle-length");
            assertThat(needle.measured()).as("40 mm needed, 38.1 mm given").isCloseTo(1.9, EXACT);
            assertThat(t.depthMm()).isCloseTo(30.0, EXACT);
        }
    }

    @Nested
    class Calibration {

        /** Two 2D regions side by side with the same 0.1 mm/px: columns 0..399 and 400..799. */
        private UltrasoundCalibration twoRegions() {
            DataSet ds = new DataSet();
            ds.putSequence(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS, List.of(TestImages.usRegion(0, 0, 399, 599, 0.01, 0.01),
                    TestImages.usRegion(400, 0, 799, 599, 0.01, 0.01)));
            return UltrasoundCalibration.of(ds);
        }

        @Test
        void aPathFromOneRegionToAnotherCannotBeCertified() {
            UltrasoundCalibration cal = twoRegions();
            MeasuredCalibration atEntry = MeasuredCalibration.of(cal, new double[] {300}, new double[] {10});
            MeasuredCalibration atTarget = MeasuredCalibration.of(cal, new double[] {500}, new double[] {200});
            assertThat(atEntry.regionIndex()).isZero();
            assertThat(atTarget.regionIndex()).isEqualTo(1);
            assertThat(atEntry.scale()).as("same scale, other region").isEqualTo(atTarget.scale());
            assertThat(MeasuredCalibration.of(cal, new double[] {300, 500}, new double[] {10, 200}))
                    .isEqualTo(MeasuredCalibration.UNCALIBRATED);

            Target t = target(1, 500, 200, atTarget);
            SessionPlan plan = site(t, path(300, 10, atEntry));
            SafetyReport report = check(plan);
            Finding f = only(report, "path-calibration");
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.key()).isEqualTo("path-calibration/" + plan.injections().get(0).id());
            assertThat(f.measured()).isNull();
            assertThat(f.message()).contains("different ultrasound regions", "cannot be certified");
            assertThat(findings(report, "needle-length")).as("no length without a certified path: said so")
                    .singleElement().satisfies(n -> {
                        assertThat(n.severity()).isEqualTo(Severity.WARNING);
                        assertThat(n.key()).isEqualTo("needle-length/unmeasured/" + plan.injections().get(0).id());
                    });
            assertThat(findings(report, "insertion-angle")).isEmpty();
        }

        @Test
        void anUncalibratedEntryCannotBeCertified() {
            Target t = target(1, 500, 200, CAL);
            Finding f = only(check(site(t, path(300, 10, MeasuredCalibration.UNCALIBRATED))), "path-calibration");
            assertThat(f.message()).contains("entry point is not calibrated", "cannot be certified");
        }

        @Test
        void anUncalibratedTargetIsAViolationAndItsPixelChecksStillRun() {
            // the target (150, 150) lies inside the square: decided in pixels, no scale needed
            Target t = target(1, 150, 150, MeasuredCalibration.UNCALIBRATED);
            SessionPlan plan = site(t, path(150, 0, MeasuredCalibration.UNCALIBRATED), zone(1, SQUARE, 5, CAL));
            SafetyReport report = check(plan);
            Finding f = only(report, "calibration");
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.key()).isEqualTo("calibration/" + t.id());
            assertThat(f.message()).isEqualTo("Injection 1, T1 (Iliolumbar ligament): not calibrated: its "
                    + "position has no mm scale, so "
                    + "depth and clearances cannot be certified");
            Finding inside = only(report, "zone-clearance");
            assertThat(inside.key()).isEqualTo(clearanceKey("inside", t, plan.zones().get(0)));
            SessionPlan overridden = plan.withOverride(new FindingOverride(f.key(), null, "scale checked", "Dr A",
                    PlanFixtures.AT));
            assertThat(check(overridden).openViolations(overridden)).as("overriding the calibration leaves it open")
                    .containsExactly(inside);
            // outside the square, its clearance cannot be measured: a finding of its own
            Target beside = target(1, 230, 150, MeasuredCalibration.UNCALIBRATED);
            assertThat(only(check(targetOnly(beside, zone(1, SQUARE, 5, CAL))), "zone-calibration").message())
                    .isEqualTo("T1 (Iliolumbar ligament): not calibrated: the clearance from zone Z1 \"nerve 1\" "
                            + "cannot be certified");
        }

        @Test
        void anUncalibratedTargetStillHasItsVolumeChecked() {
            // the volume per site needs no mm scale: 5 mL > 1 mL
            Target t = target(1, 150, 150, MeasuredCalibration.UNCALIBRATED);
            SessionPlan plan = site(t, null);
            Injection i = plan.injections().get(0);
            plan = plan.withInjection(i.prescribed(i.approach(), i.needle(), i.solution(), 5));
            SafetyReport report = check(plan);
            assertThat(only(report, "calibration").severity()).isEqualTo(Severity.VIOLATION);
            assertThat(only(report, "site-volume").measured()).isEqualTo(5.0);
        }

        @Test
        void aZoneInAnotherRegionOrUncalibratedCannotBeCertified() {
            Target t = target(1, 500, 300, region(1, 0.1, 0.1));
            NerveZone other = zone(1, SQUARE, 5, region(0, 0.1, 0.1));
            Finding f = only(check(targetOnly(t, other)), "zone-calibration");
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.key()).isEqualTo("zone-calibration/" + t.id() + "/" + other.id());
            assertThat(f.measured()).isNull();
            assertThat(f.limit()).isEqualTo(5.0);
            assertThat(f.message()).isEqualTo("T1 (Iliolumbar ligament): lies in another ultrasound region than "
                    + "zone Z1 \"nerve 1\": the "
                    + "clearance from zone Z1 \"nerve 1\" cannot be certified");

            NerveZone uncalibrated = zone(1, SQUARE, 5, MeasuredCalibration.UNCALIBRATED);
            assertThat(only(check(targetOnly(t, uncalibrated)), "zone-calibration").message())
                    .isEqualTo("T1 (Iliolumbar ligament): zone Z1 \"nerve 1\" is not calibrated: the clearance from "
                            + "zone Z1 \"nerve 1\" cannot be certified");
        }

        @Test
        void zonesOnAnotherFrameOrImageAreNotCompared() {
            // The same square under the target, but drawn on frame 2, or on frame 1 of another image.
            Target t = target(1, 150, 150, CAL);
            NerveZone frame2 = zone(1, new ImageRef(PlanFixtures.IMAGE.sopInstanceUid(), 2), SQUARE, 5, CAL);
            NerveZone otherImage = zone(2, new ImageRef(PlanFixtures.OTHER_IMAGE.sopInstanceUid(), 1), SQUARE, 5,
                    region(3, 0.2, 0.2));
            SafetyReport report = check(targetOnly(t, frame2, otherImage));
            assertThat(findings(report, "zone-clearance")).isEmpty();
            assertThat(findings(report, "zone-calibration")).isEmpty();
        }
    }

    @Nested
    class NeedleLength {

        /** Vertical path (100, 0) → (100, 300): 300 px × 0.1 = 30 mm; with the 10 mm reserve 40 mm. */
        private SessionPlan withNeedle(Double lengthMm) {
            Target t = target(1, 100, 300, CAL);
            SessionPlan plan = site(t, path(100, 0, CAL));
            Injection i = plan.injections().get(0);
            return plan.withInjection(i.prescribed(i.approach(), new Needle(25, lengthMm), i.solution(),
                    i.volumeMl()));
        }

        @Test
        void aNeedleShorterThanThePathPlusReserveIsAViolation() {
            Finding f = only(check(withNeedle(38.1)), "needle-length");
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.measured()).as("the shortfall").isCloseTo(1.9, EXACT);
            assertThat(f.limit()).isEqualTo(0.0);
            assertThat(f.key()).isEqualTo("needle-length/shortfall/" + PlanFixtures.id("injection", 1));
            assertThat(f.message()).isEqualTo("Injection 1, T1 (Iliolumbar ligament): the 38.1 mm needle is 1.9 "
                    + "mm short of the 30.0 mm "
                    + "path from the skin plus 10 mm reserve");
        }

        @Test
        void aLongEnoughNeedleHasNoFinding() {
            assertThat(findings(check(withNeedle(50.8)), "needle-length")).isEmpty();
        }

        @Test
        void aNeedleWithoutLengthIsAWarning() {
            Finding f = only(check(withNeedle(null)), "needle-length");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.measured()).isNull();
            assertThat(f.limit()).isCloseTo(40.0, EXACT);
        }

        @Test
        void withoutAPathThereIsANoPathWarningAndNoLengthCheck() {
            Target t = target(1, 100, 300, CAL);
            SafetyReport report = check(site(t, null));
            assertThat(only(report, "no-path").severity()).isEqualTo(Severity.WARNING);
            assertThat(findings(report, "needle-length")).isEmpty();
        }
    }

    @Nested
    class FarZones {

        /**
         * Random plans on one frame: thin rotated ellipses and star polygons, unequal scales, negative
         * coordinates, margins 0–10 mm, some paths of zero length.
         */
        private SessionPlan randomPlan(java.util.Random random) {
            MeasuredCalibration cal = region(0, 0.02 + random.nextDouble() * 0.3, 0.02 + random.nextDouble() * 0.3);
            SessionPlan plan = draft();
            for (int z = 1; z <= 4; z++) {
                PixelPoint centre = PixelPoint.of(-100 + random.nextDouble() * 300, -100 + random.nextDouble() * 300);
                plan = plan.withZone(zone(z, z % 2 == 0 ? PlanFixtures.star(centre, random)
                        : EllipseShape.of(centre, 0.5 + random.nextDouble() * 60, 0.5 + random.nextDouble() * 5,
                                random.nextDouble() * 360 - 180), random.nextDouble() * 10, cal));
            }
            for (int t = 1; t <= 4; t++) {
                Target target = target(t, -100 + random.nextDouble() * 300, -100 + random.nextDouble() * 300, cal);
                NeedlePath path = random.nextInt(5) == 0 ? path(target.point().x(), target.point().y(), cal)
                        : path(-100 + random.nextDouble() * 300, -100 + random.nextDouble() * 300, cal);
                plan = plan.withTarget(target).withInjection(injection(target, path));
            }
            return plan;
        }

        @Test
        void passingOverFarZonesGivesTheSameFindings() {
            java.util.Random random = new java.util.Random(20261127);
            SafetyContext context = SafetyContext.of(ClinicSettings.defaults(), null);
            int withClearanceFindings = 0;
            for (int i = 0; i < 500; i++) {
                SessionPlan plan = randomPlan(random);
                SafetyReport exhaustive = SafetyChecks.check(plan, context, false);
                assertThat(SafetyChecks.check(plan, context, true).findings()).as("plan %d", i)
                        .isEqualTo(exhaustive.findings());
                if (!findings(exhaustive, "zone-clearance").isEmpty()) {
                    withClearanceFindings++;
                }
            }
            assertThat(withClearanceFindings).as("plans with clearance findings, of 500").isGreaterThan(100);
        }
    }

    @Nested
    class SiteDescription {

        /** Target {@code number} described as this structure, side and level (null: none). */
        private Target described(int number, String structure, Side side, SpinalLevel level) {
            Target t = target(number, 100 + 50 * number, 300, CAL);
            return t.describedAs(t.label(), structure, side, level, "");
        }

        @Test
        void aMidlineStructureOnASideAndAPairedOneAtTheMidlineWarn() {
            Finding onSide = only(check(targetOnly(described(1, "supraspinous", Side.LEFT, SpinalLevel.L4_L5))),
                    "laterality");
            assertThat(onSide.severity()).isEqualTo(Severity.WARNING);
            assertThat(onSide.message()).isEqualTo("T1 (Supraspinous ligament): a midline structure, but the side "
                    + "is Left");
            Finding atMidline = only(check(targetOnly(described(1, "facet-capsule", Side.MIDLINE, SpinalLevel.L4_L5))),
                    "laterality");
            assertThat(atMidline.message()).isEqualTo("T1 (Facet joint capsule): a paired structure, but the "
                    + "side is Midline: "
                    + "choose Left or Right");
            assertThat(findings(check(targetOnly(described(1, "facet-capsule", Side.RIGHT, SpinalLevel.L4_L5))),
                    "laterality")).isEmpty();
        }

        @Test
        void aStructureOnEitherSideOrTheMidlineTakesAnySide() {
            for (Side side : Side.values()) {
                assertThat(findings(check(targetOnly(described(1, "thoracolumbar-fascia", side, SpinalLevel.L4))),
                        "laterality")).as(side.label()).isEmpty();
            }
        }

        @Test
        void aLevelIsNeededWhereTheStructureTakesOneAndRefusedWhereItDoesNot() {
            assertThat(only(check(targetOnly(described(1, "facet-capsule", Side.LEFT, null))), "level").message())
                    .isEqualTo("T1 (Facet joint capsule): no spinal level given: the structure takes one");
            assertThat(only(check(targetOnly(described(1, "sacrococcygeal", Side.MIDLINE, SpinalLevel.S1))), "level")
                    .message()).isEqualTo("T1 (Sacrococcygeal ligament): the structure takes no spinal level, "
                            + "but S1 is given");
            assertThat(findings(check(targetOnly(described(1, "sacrococcygeal", Side.MIDLINE, null))), "level"))
                    .isEmpty();
        }

        @Test
        void theLevelMustBeOneTheStructureCanBeAt() {
            assertThat(only(check(targetOnly(described(1, "iliolumbar", Side.LEFT, SpinalLevel.L3))), "level")
                    .message()).isEqualTo("T1 (Iliolumbar ligament): the structure is not at L3 (its levels: "
                            + "L4, L4/L5, L5, L5/S1)");
            assertThat(only(check(targetOnly(described(1, "facet-capsule", Side.RIGHT, SpinalLevel.S3))), "level")
                    .message()).startsWith("T1 (Facet joint capsule): the structure is not at S3 (its levels: "
                            + "T12/L1, ");
            assertThat(findings(check(targetOnly(described(1, "long-posterior-sacroiliac", Side.LEFT,
                    SpinalLevel.S3))), "level")).as("a sacral level on the LPSL").isEmpty();
            assertThat(findings(check(targetOnly(described(1, "long-posterior-sacroiliac", Side.LEFT, null))),
                    "level")).as("optional there").isEmpty();
        }

        @Test
        void theSecondTargetAtTheSameSiteWarnsInSessionOrder() {
            Target first = described(1, "facet-capsule", Side.LEFT, SpinalLevel.L4_L5);
            Target again = described(2, "facet-capsule", Side.LEFT, SpinalLevel.L4_L5);
            Target otherSide = described(3, "facet-capsule", Side.RIGHT, SpinalLevel.L4_L5);
            Target otherLevel = described(4, "facet-capsule", Side.LEFT, SpinalLevel.L5_S1);
            SessionPlan plan = draft().withTarget(first).withTarget(again).withTarget(otherSide).withTarget(otherLevel)
                    .withInjection(injection(again, null)).withInjection(injection(first, null));
            List<Finding> duplicates = findings(check(plan), "duplicate-site");
            assertThat(duplicates).singleElement().satisfies(f -> {
                assertThat(f.targetId()).as("T2 is injected first, so T1 is the repeat").isEqualTo(first.id());
                assertThat(f.message()).isEqualTo("Injection 2, T1 (Facet joint capsule): the same site as T2 "
                        + "(Facet joint capsule, Left, "
                        + "L4/L5): one site planned twice?");
            });
        }

        @Test
        void descriptionWarningsColourTheTargetButNotItsPath() {
            Target first = described(1, "facet-capsule", Side.LEFT, SpinalLevel.L4_L5);
            Target again = described(2, "facet-capsule", Side.LEFT, SpinalLevel.L4_L5);
            // paths from the skin 55 and 56 mm across and 30 mm down: under 29°, 63 mm long, clear of every
            // limit; the patient's dura line at 60 mm, so the facets at 30 mm are clear of it
            SessionPlan plan = draft().withTarget(first).withTarget(again).withZone(dura(3, 600, 0, CAL))
                    .withInjection(injection(first, path(700, 0, CAL)))
                    .withInjection(injection(again, path(760, 0, CAL)));
            SafetyReport report = check(plan);
            assertThat(report.worstFor(again.id())).as("the duplicate site").contains(Severity.WARNING);
            assertThat(report.about(again.id())).extracting(Finding::check).containsExactly("duplicate-site");
            assertThat(report.worstPathFinding(again.id())).as("the path itself is clear").isEmpty();
        }

        @Test
        void structuresOutsideTheCatalogueAreNotJudged() {
            SessionPlan plan = targetOnly(described(1, "not-in-the-catalogue", Side.MIDLINE, null));
            assertThat(check(plan).findings()).extracting(Finding::check)
                    .doesNotContain("laterality", "level", "duplicate-site");
        }
    }

    /** A dura zone on frame 5 whose shallowest vertex is {@code topPx} px below the skin line (row 0). */
    private static NerveZone dura(int number, double topPx, double marginMm, MeasuredCalibration cal) {
        NerveZone z = zone(number, new ImageRef(PlanFixtures.IMAGE.sopInstanceUid(), 5),
                polygon(50, topPx + 20, 150, topPx, 250, topPx + 20, 150, topPx + 40), marginMm, cal);
        return new NerveZone(z.id(), z.number(), ZoneKind.DURA, "dura", z.image(), z.shape(), z.marginMm(),
                z.calibration());
    }

    @Nested
    class MidlineDepth {

        /** A target of this structure and side, {@code depthMm} deep (y = 10 px a mm below row 0). */
        private Target at(String structure, Side side, double depthMm) {
            Target t = target(1, 100, 300, CAL);
            return t.describedAs(t.label(), structure, side, t.level(), "")
                    .movedTo(new PixelPoint(t.point().x(), depthMm * 10), CAL);
        }

        private SafetyReport checkTarget(Side side, double depthMm, NerveZone... zones) {
            return check(targetOnly(at("supraspinous", side, depthMm), zones));
        }

        @Test
        void aMidlineTarget35MmDeepWithoutAMarkedLineIsAViolationAskingForIt() {
            // today's 40 mm default let this pass, though skin-to-epidural is under 30 mm in thin adults
            Target t = at("supraspinous", Side.MIDLINE, 35);
            Finding f = only(check(targetOnly(t)), "midline-depth");
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.key()).isEqualTo("midline-depth/no-line/" + t.id());
            assertThat(f.measured()).isCloseTo(35.0, EXACT);
            assertThat(f.limit()).isEqualTo(20.0);
            assertThat(f.zoneId()).isNull();
            assertThat(f.message()).isEqualTo("T1 (Supraspinous ligament): midline target 35.0 mm deep, deeper "
                    + "than the clinic's 20 mm "
                    + "shallow default, and no dura or ligamentum flavum line is marked: cannot be certified clear of "
                    + "the spinal canal; mark the patient's line on a transverse or paramedian frame");
            assertThat(findings(checkTarget(Side.MIDLINE, 20), "midline-depth")).as("at the shallow default")
                    .isEmpty();
        }

        @Test
        void aTargetDeeperThanTheMarkedLineIsAViolationAndAboveItIsClear() {
            NerveZone line = dura(2, 300, 0, CAL); // 30 mm
            Target deep = at("supraspinous", Side.MIDLINE, 35);
            Finding f = only(check(targetOnly(deep, line)), "midline-depth");
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.key()).isEqualTo("midline-depth/beyond-line/" + deep.id());
            assertThat(f.measured()).as("mm beyond the line").isCloseTo(5.0, within(1e-9));
            assertThat(f.zoneId()).isEqualTo(line.id());
            assertThat(f.message()).isEqualTo("T1 (Supraspinous ligament): midline target 35.0 mm deep, deeper "
                    + "than the marked no-go line "
                    + "(30.0 mm: zone Z2 \"dura\" on frame 5 of \"fixture\", 30.0 mm deep less its 0 mm margin) by "
                    + "5.0 mm: the spinal canal may be reached");
            assertThat(findings(checkTarget(Side.MIDLINE, 29, line), "midline-depth")).isEmpty();
            assertThat(findings(checkTarget(Side.MIDLINE, 45, dura(2, 600, 5, CAL)), "midline-depth"))
                    .as("deeper than the shallow default but clear of this patient's line less margin (55 mm)")
                    .isEmpty();
        }

        @Test
        void theDepthCheckFollowsTheStructureAndThePlaceNotOnlyTheSideLabel() {
            // a midline structure labelled Left (today: no depth check at all)
            Target mislabelled = at("supraspinous", Side.LEFT, 35);
            assertThat(only(check(targetOnly(mislabelled)), "midline-depth").message())
                    .startsWith("T1 (Supraspinous ligament): target in a midline structure 35.0 mm deep");
            // a paired structure's target that lies over the marked dura line, on its frame
            Target t = target(1, new ImageRef(PlanFixtures.IMAGE.sopInstanceUid(), 5), 150, 400, CAL);
            Target over = t.describedAs(t.label(), "iliolumbar", Side.LEFT, SpinalLevel.L5, "");
            Finding f = only(check(targetOnly(over, dura(2, 300, 0, CAL))), "midline-depth");
            assertThat(f.message()).contains("target over zone Z2 \"dura\" 40.0 mm deep");
            Target beside = t.describedAs(t.label(), "iliolumbar", Side.LEFT, SpinalLevel.L5, "")
                    .movedTo(new PixelPoint(400, 400), CAL);
            assertThat(findings(check(targetOnly(beside, dura(2, 300, 0, CAL))), "midline-depth"))
                    .as("a paired structure beside the line").isEmpty();
        }

        @Test
        void aMidlineTargetWithoutADepthCannotBeCertifiedEvenWithTheCalibrationOverridden() {
            Target t = target(1, 100, 300, MeasuredCalibration.UNCALIBRATED);
            t = t.describedAs(t.label(), "supraspinous", Side.MIDLINE, SpinalLevel.L4_L5, "");
            SessionPlan plan = targetOnly(t);
            Finding cal = only(check(plan), "calibration");
            SessionPlan overridden = plan.withOverride(new FindingOverride(cal.key(), null, "scale checked by hand",
                    "Dr A", PlanFixtures.AT));
            Finding depth = only(check(overridden), "midline-depth");
            assertThat(depth.key()).isEqualTo("midline-depth/no-depth/" + t.id());
            assertThat(check(overridden).openViolations(overridden)).containsExactly(depth);
            Target noSkin = target(1, 100, 300, new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION,
                    0.1, 0.1, 0, null));
            noSkin = noSkin.describedAs(noSkin.label(), "supraspinous", Side.MIDLINE, SpinalLevel.L4_L5, "");
            assertThat(only(check(targetOnly(noSkin)), "midline-depth").message())
                    .contains("its calibration has no skin line");
        }

        @Test
        void anOverrideOfTheMissingLineDoesNotCoverTheTargetBeyondTheMarkedLine() {
            Target t = at("supraspinous", Side.MIDLINE, 35);
            Finding noLine = only(check(targetOnly(t)), "midline-depth");
            SessionPlan plan = targetOnly(t, dura(2, 300, 0, CAL)).withOverride(new FindingOverride(noLine.key(),
                    noLine.measured(), "line not visible", "Dr A", PlanFixtures.AT));
            assertThat(check(plan).openViolations(plan)).extracting(Finding::key)
                    .containsExactly("midline-depth/beyond-line/" + t.id());
        }

        @Test
        void theSmallestDepthLessMarginCountsAndNerveZonesDoNot() {
            NerveZone deep = dura(2, 600, 5, CAL);
            NerveZone shallow = dura(3, 400, 2, region(1, 0.1, 0.12));
            NerveZone nerve = zone(5, polygon(50, 100, 150, 100, 150, 150), 0, CAL);
            Finding f = only(checkTarget(Side.MIDLINE, 47, deep, shallow, nerve), "midline-depth");
            // 400 px × 0.12 mm = 48 mm, less 2 mm = 46 mm: 1 mm beyond
            assertThat(f.measured()).isCloseTo(1.0, within(1e-9));
            assertThat(f.zoneId()).isEqualTo(shallow.id());
            // 50 mm less a 10 mm margin (40 mm) comes before 48 mm less 2 mm (46 mm), though the line is deeper
            NerveZone wideMargin = dura(4, 500, 10, CAL);
            assertThat(only(checkTarget(Side.MIDLINE, 47, shallow, wideMargin), "midline-depth").zoneId())
                    .isEqualTo(wideMargin.id());
        }

        @Test
        void anUncalibratedDuraZoneIsReportedAndTheClinicsShallowDefaultApplies() {
            NerveZone uncalibrated = dura(2, 100, 0, MeasuredCalibration.UNCALIBRATED);
            SafetyReport report = checkTarget(Side.MIDLINE, 45, uncalibrated);
            Finding dura = only(report, "dura-depth");
            assertThat(dura.key()).isEqualTo("dura-depth/" + uncalibrated.id());
            assertThat(dura.message()).isEqualTo("Session: zone Z2 \"dura\" on frame 5 of \"fixture\" is not "
                    + "calibrated, so its depth below the skin is unknown: it does not set the patient's no-go depth");
            Finding f = only(report, "midline-depth");
            assertThat(f.key()).startsWith("midline-depth/no-line/");
            assertThat(f.limit()).isEqualTo(20.0);
            assertThat(report.findings().indexOf(dura)).as("a session finding: after the sites")
                    .isGreaterThan(report.findings().indexOf(f));
        }

        @Test
        void withPixelSpacingTheDepthIsFromTheImagesTopRowAsForTargets() {
            NerveZone pixelSpacing = dura(2, 500, 0,
                    new MeasuredCalibration(MeasuredCalibration.Source.PIXEL_SPACING, 0.1, 0.1, null, 0.0));
            Finding f = only(checkTarget(Side.MIDLINE, 52, pixelSpacing), "midline-depth");
            assertThat(f.measured()).isCloseTo(2.0, within(1e-9));
            assertThat(f.zoneId()).isEqualTo(pixelSpacing.id());
        }

        @Test
        void aDuraLineOutsideThePlausibleDepthsWarns() {
            Finding near = only(checkTarget(Side.MIDLINE, 10, dura(2, 120, 0, CAL)), "dura-depth");
            assertThat(near.measured()).isCloseTo(12.0, within(1e-9));
            assertThat(near.limit()).isEqualTo(SafetyChecks.PLAUSIBLE_DURA_MIN_MM);
            assertThat(near.message()).isEqualTo("Session: zone Z2 \"dura\" on frame 5 of \"fixture\" lies 12.0 mm "
                    + "deep, outside the plausible 20–100 mm (reported skin-to-dura depths are about 30–80 mm): check "
                    + "the line, it sets the midline no-go depth");
            Finding deep = only(checkTarget(Side.MIDLINE, 10, dura(2, 1010, 0, CAL)), "dura-depth");
            assertThat(deep.measured()).isCloseTo(101.0, within(1e-9));
            assertThat(deep.limit()).isEqualTo(SafetyChecks.PLAUSIBLE_DURA_MAX_MM);
            assertThat(findings(checkTarget(Side.MIDLINE, 10, dura(2, 200, 0, CAL)), "dura-depth")).as("20 mm")
                    .isEmpty();
            assertThat(findings(checkTarget(Side.MIDLINE, 10, dura(2, 1000, 0, CAL)), "dura-depth")).as("100 mm")
                    .isEmpty();
        }

        @Test
        void facetTargetsAreHeldAgainstTheNoGoDepthTooOtherPairedTargetsNot() {
            Target facet = target(1, 100, 450, CAL);
            facet = facet.describedAs(facet.label(), "facet-capsule", Side.LEFT, SpinalLevel.L4_L5, "");
            Finding f = only(check(targetOnly(facet)), "midline-depth");
            assertThat(f.message()).startsWith("T1 (Facet joint capsule): facet target 45.0 mm deep, deeper "
                    + "than the clinic's "
                    + "20 mm shallow default");
            assertThat(findings(check(targetOnly(facet, dura(2, 600, 5, CAL))), "midline-depth"))
                    .as("clear of this patient's dura at 55 mm").isEmpty();
            Target ligament = target(1, 100, 450, CAL);
            assertThat(findings(check(targetOnly(ligament)), "midline-depth")).as("the iliolumbar ligament, left")
                    .isEmpty();
        }
    }

    @Nested
    class Session {

        /** n targets, each with an injection of {@code volumeMl} of {@code solution}, no paths. */
        private SessionPlan sites(int n, Solution solution, double volumeMl) {
            SessionPlan plan = draft();
            for (int k = 1; k <= n; k++) {
                Target t = target(k, 50 * k, 300, CAL);
                Injection i = injection(t, null);
                plan = plan.withTarget(t).withInjection(i.prescribed(i.approach(), i.needle(), solution, volumeMl));
            }
            return plan;
        }

        @Test
        void theSessionVolumeWarnsAboveItsLimit() {
            // 4 × 8 mL = 32 mL > 30 mL; each site's 8 mL > 1 mL.
            SafetyReport report = check(sites(4, PlanFixtures.HACKETT, 8));
            Finding f = only(report, "session-volume");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.key()).isEqualTo("session-volume");
            assertThat(f.measured()).isEqualTo(32.0);
            assertThat(f.limit()).isEqualTo(30.0);
            assertThat(f.targetId()).isNull();
            assertThat(findings(report, "site-volume")).hasSize(4).allSatisfy(s -> {
                assertThat(s.measured()).isEqualTo(8.0);
                assertThat(s.limit()).isEqualTo(1.0);
            });
            // 3 × 10 mL = 30 mL: at the limit, not above it
            assertThat(findings(check(sites(3, PlanFixtures.HACKETT, 10)), "session-volume")).isEmpty();
        }

        @Test
        void anIntervalUnderTwoWeeksWarns() {
            SessionPlan plan = sites(1, PlanFixtures.HACKETT, 0.5);
            // 2026-11-16 → 2026-11-26: 10 days < 14
            SafetyReport early = SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(),
                    LocalDate.of(2026, 11, 16)));
            Finding f = only(early, "interval");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.measured()).isEqualTo(10.0);
            assertThat(f.limit()).isEqualTo(14.0);
            assertThat(f.unit()).isEqualTo("days");
            // 2026-11-12 → 2026-11-26: 14 days, not less than 14
            assertThat(findings(SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(),
                    LocalDate.of(2026, 11, 12))), "interval")).isEmpty();
        }

        @Test
        void aLaterSessionWithoutThePreviousSessionsDateWarnsWhatIsMissing() {
            // today: silently not checked
            SessionPlan plan = sites(1, PlanFixtures.HACKETT, 0.5);
            assertThat(plan.sessionNumber()).isEqualTo(2);
            Finding f = only(check(plan), "interval");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.key()).isEqualTo("interval/unknown");
            assertThat(f.measured()).isNull();
            assertThat(f.message()).isEqualTo("Session: session 2, but the previous session's date is not known (no "
                    + "plan store with the course's history was given): the interval of at least 14 days cannot be "
                    + "checked");
            SessionPlan first = new SessionPlan(plan.id(), plan.courseId(), 1, plan.date(), plan.author(),
                    plan.status(), plan.patientWeightKg(), plan.images(), plan.targets(), plan.zones(),
                    plan.injections(), plan.checklist(), plan.overrides(), plan.signature(), plan.amendments(),
                    plan.outcomes(), plan.copiedForward());
            assertThat(findings(check(first), "interval")).as("session 1 has no previous session").isEmpty();
        }
    }

    @Nested
    class EntryOnTheSkin {

        private SessionPlan withNeedle(Target t, NeedlePath path, double needleMm) {
            SessionPlan plan = site(t, path);
            Injection i = plan.injections().get(0);
            return plan.withInjection(i.prescribed(i.approach(), new Needle(25, needleMm), i.solution(),
                    i.volumeMl()));
        }

        @Test
        void anEntryBelowTheSkinLineIsAViolationAndTheNeedleIsMeasuredFromTheSkin() {
            // target 30 mm deep, entry 20 mm deep straight above it: today the 10 mm path and a 38.1 mm
            // needle passed; from the skin the path is 30 mm, plus 10 mm reserve = 40 mm: 1.9 mm short
            Target t = target(1, 100, 300, CAL);
            SafetyReport report = check(withNeedle(t, path(100, 200, CAL), 38.1));
            Finding entry = only(report, "entry-depth");
            assertThat(entry.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(entry.key()).isEqualTo("entry-depth/" + PlanFixtures.id("injection", 1));
            assertThat(entry.measured()).isCloseTo(20.0, EXACT);
            assertThat(entry.limit()).isEqualTo(2.0);
            assertThat(entry.message()).isEqualTo("Injection 1, T1 (Iliolumbar ligament): the needle path's "
                    + "entry point lies 20.0 mm below "
                    + "the skin line, more than 2 mm: the entry belongs on the skin (the needle is measured from "
                    + "where the path crosses the skin line)");
            assertThat(only(report, "needle-length").measured()).isCloseTo(1.9, EXACT);
            // within the 2 mm tolerance: no entry finding, and the needle is measured from the skin crossing
            SafetyReport near = check(withNeedle(t, path(100, 15, CAL), 38.1));
            assertThat(findings(near, "entry-depth")).isEmpty();
            assertThat(only(near, "needle-length").measured()).isCloseTo(1.9, EXACT);
        }

        @Test
        void aSlantedPathIsExtendedToTheSkinLine() {
            // entry (200, 200) 20 mm deep, target (100, 300) 30 mm deep: the line reaches the skin at
            // (400, 0); from there to the target hypot(300, 300) px × 0.1 = 42.43 mm
            Target t = target(1, 100, 300, CAL);
            NeedlePath.Measurement m = path(200, 200, CAL).measure(t).orElseThrow();
            assertThat(m.lengthMm()).isCloseTo(Math.hypot(10, 10), EXACT);
            assertThat(m.entryDepthMm()).isCloseTo(20.0, EXACT);
            assertThat(m.skinLengthMm()).isCloseTo(Math.hypot(30, 30), EXACT);
            assertThat(path(400, 0, CAL).measure(t).orElseThrow().skinLengthMm()).isCloseTo(Math.hypot(30, 30),
                    EXACT);
        }
    }

    @Nested
    class OverridesBindToKindAndMeasure {

        @Test
        void aNeedleShortfallOverrideLapsesWhenThePathGrowsLonger() {
            // 30 mm path + 10 mm reserve against a 38.1 mm needle: 1.9 mm short; today the override kept
            // the needle's length and survived a longer path
            Target t = target(1, 100, 300, CAL);
            SessionPlan plan = site(t, path(100, 0, CAL));
            Injection i = plan.injections().get(0);
            plan = plan.withInjection(i.prescribed(i.approach(), new Needle(25, 38.1), i.solution(), i.volumeMl()));
            Finding f = only(check(plan), "needle-length");
            SessionPlan overridden = plan.withOverride(new FindingOverride(f.key(), f.measured(),
                    "skin compresses 2 mm", "Dr A", PlanFixtures.AT));
            assertThat(check(overridden).openViolations(overridden)).isEmpty();
            SessionPlan deeper = overridden.withTarget(t.movedTo(new PixelPoint(100, 350), CAL));
            Finding longer = only(check(deeper), "needle-length");
            assertThat(longer.key()).isEqualTo(f.key());
            assertThat(longer.measured()).isCloseTo(6.9, EXACT);
            assertThat(check(deeper).openViolations(deeper)).containsExactly(longer);
        }

        @Test
        void anOverrideOfTheTargetInsideDoesNotCoverThePathCrossing() {
            // the target inside the square, overridden; moved below it, its path from above crosses it
            Target t = target(1, 150, 150, CAL);
            NerveZone z = zone(1, SQUARE, 5, CAL);
            SessionPlan plan = site(t, path(150, 0, CAL), z);
            Finding inside = only(check(plan), "zone-clearance");
            assertThat(inside.key()).isEqualTo(clearanceKey("inside", t, z));
            SessionPlan moved = plan.withOverride(new FindingOverride(inside.key(), inside.measured(),
                    "target is the nerve's sheath", "Dr A", PlanFixtures.AT))
                    .withTarget(t.movedTo(new PixelPoint(150, 300), CAL));
            Finding crosses = only(check(moved), "zone-clearance");
            assertThat(crosses.key()).isEqualTo(clearanceKey("crosses", t, z));
            assertThat(crosses.measured()).isEqualTo(inside.measured());
            assertThat(check(moved).openViolations(moved)).containsExactly(crosses);
        }

        @Test
        void overridingThePathCalibrationLeavesTheCrossingAndThePathClearanceOpen() {
            // entry in another region: the crossing is still decided in pixels, the path's clearance in mm
            // is a violation of its own
            MeasuredCalibration other = region(1, 0.1, 0.1);
            Target t = target(1, 150, 300, CAL);
            NerveZone z = zone(1, SQUARE, 5, CAL);
            SessionPlan plan = site(t, path(150, 0, other), z);
            Finding pathCal = only(check(plan), "path-calibration");
            SessionPlan overridden = plan.withOverride(new FindingOverride(pathCal.key(), null, "same probe",
                    "Dr A", PlanFixtures.AT));
            assertThat(check(overridden).openViolations(overridden)).extracting(Finding::key)
                    .containsExactly(clearanceKey("crosses", t, z));
            SessionPlan beside = site(t, path(400, 0, other), z);
            assertThat(findings(check(beside), "zone-clearance")).extracting(Finding::key)
                    .containsExactly(clearanceKey("path-unmeasured", t, z));
        }
    }

    @Nested
    class Precision {

        @Test
        void aClearanceJustUnderTheMarginIsPrintedRoundedDown() {
            // path x = 249.6: 49.6 px × 0.1 = 4.96 mm from the square, inside the 5 mm margin; today "5.0"
            Target t = target(1, 249.6, 300, CAL);
            Finding f = only(check(site(t, path(249.6, 0, CAL), zone(1, SQUARE, 5, CAL))), "zone-clearance");
            assertThat(f.measured()).as("exact in the finding").isCloseTo(4.96, within(1e-9));
            assertThat(f.message()).contains("passes 4.9 mm from zone Z1");
        }

        @Test
        void aDepthJustBeyondTheLineIsPrintedRoundedUp() {
            // 300.4 px × 0.1 = 30.04 mm: printed 30.1, never 30.0
            Target t = target(1, 100, 300.4, CAL);
            t = t.describedAs(t.label(), "supraspinous", Side.MIDLINE, SpinalLevel.L4_L5, "");
            Finding f = only(check(targetOnly(t, dura(2, 300, 0, CAL))), "midline-depth");
            assertThat(f.message()).contains("midline target 30.1 mm deep", "(30.0 mm: zone Z2", "by 0.1 mm");
        }
    }

    @Nested
    class KeysAndOverrides {

        /** Two sites whose paths run 4.0 mm (T1) and 3.0 mm (T2) from the square; a 70 kg patient. */
        private SessionPlan twoViolations() {
            Target t1 = target(1, 240, 300, CAL);
            Target t2 = target(2, 230, 150, CAL);
            return draft().withPatientWeightKg(70.0).withZone(zone(1, SQUARE, 5, CAL)).withTarget(t1).withTarget(t2)
                    .withInjection(injection(t1, path(240, 0, CAL))).withInjection(injection(t2, path(230, 0, CAL)));
        }

        @Test
        void keysAreStableAcrossRechecksMovesAndReordering() {
            SessionPlan plan = twoViolations();
            List<String> keys = check(plan).violations().stream().map(Finding::key).toList();
            Target t1 = plan.targets().get(0);
            Target t2 = plan.targets().get(1);
            NerveZone z = plan.zones().get(0);
            assertThat(keys).containsExactly(clearanceKey("path", t1, z), clearanceKey("path", t2, z));
            assertThat(check(plan)).isEqualTo(check(plan));

            // T1's entry moves from x = 240 to x = 230: still a violation, now 30 px = 3.0 mm; same key
            Injection i1 = plan.injections().get(0);
            SessionPlan moved = plan.withInjection(i1.withPath(path(230, 0, CAL)))
                    .withTarget(t1.movedTo(new PixelPoint(230, 300), CAL));
            List<Finding> after = check(moved).violations();
            assertThat(after).extracting(Finding::key).containsExactlyElementsOf(keys);
            assertThat(after.get(0).measured()).isCloseTo(3.0, EXACT);

            // reordered: the messages name the new positions, the keys do not change
            SessionPlan reordered = plan.withInjectionOrder(List.of(plan.injections().get(1).id(), i1.id()));
            List<Finding> r = check(reordered).violations();
            assertThat(r).extracting(Finding::key).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(r.get(0).message()).startsWith("Injection 1, T2");
        }

        @Test
        void anOverrideRemovesExactlyItsViolationFromTheOpenOnes() {
            SessionPlan plan = twoViolations();
            SafetyReport report = check(plan);
            List<Finding> violations = report.violations();
            assertThat(report.openViolations(plan)).isEqualTo(violations);

            SessionPlan lapsed = plan.withOverride(new FindingOverride(violations.get(0).key(),
                    violations.get(0).measured() == null ? 1.0 : violations.get(0).measured() + 0.5,
                    "written for another measurement", "Dr A", PlanFixtures.AT));
            assertThat(check(lapsed).openViolations(lapsed)).as("an override of another measurement has lapsed")
                    .isEqualTo(violations);

            SessionPlan one = plan.withOverride(new FindingOverride(violations.get(0).key(),
                    violations.get(0).measured(), "nerve confirmed deeper on the paired frame", "Dr A",
                    PlanFixtures.AT));
            SafetyReport again = check(one);
            assertThat(again.violations()).isEqualTo(violations);
            assertThat(again.openViolations(one)).containsExactly(violations.get(1));

            SessionPlan unrelated = plan.withOverride(new FindingOverride("zone-clearance/elsewhere", null, "x", "Dr A",
                    PlanFixtures.AT));
            assertThat(check(unrelated).openViolations(unrelated)).isEqualTo(violations);

            SessionPlan both = one.withOverride(new FindingOverride(violations.get(1).key(),
                    violations.get(1).measured(), "accepted", "Dr A", PlanFixtures.AT));
            assertThat(check(both).openViolations(both)).isEmpty();
            assertThat(SignOffGate.problems(both, check(both))).isEmpty();
            assertThat(SignOffGate.problems(plan, report)).hasSize(2)
                    .allSatisfy(p -> assertThat(p).startsWith("violation without a written override reason: "));
        }

        @Test
        void theWorstFindingColoursTheTarget() {
            SessionPlan plan = twoViolations();
            SafetyReport report = check(plan);
            assertThat(report.worstFor(plan.targets().get(0).id())).contains(Severity.VIOLATION);
            Target t3 = target(3, 700, 500, CAL);
            Target clear = t3.describedAs(t3.label(), t3.structureId(), Side.RIGHT, t3.level(), "");
            SessionPlan withClear = plan.withTarget(clear);
            assertThat(check(withClear).worstFor(clear.id())).isEmpty();
        }
    }

    /**
     * A finding key in words, for an override whose finding no longer occurs: its site and zone named as the
     * findings name them, resolved against the plan as it is now.
     */
    @Nested
    class KeysInWords {

        private final StructureCatalogue catalogue = SafetyContext.of(ClinicSettings.defaults(), null).catalogue();

        @Test
        void aKeyNamesItsSiteAndZoneAsTheFindingDidAfterThePathMovedClear() {
            Target base = target(1, 240, 300, CAL);
            Target t = new Target(base.id(), 1, "L iliolumbar", base.structureId(), base.side(), base.level(),
                    base.image(), base.point(), base.depthMm(), "", CAL);
            NerveZone z = zone(1, SQUARE, 5, CAL);
            SessionPlan near = site(t, path(240, 0, CAL), z);
            Finding f = only(check(near), "zone-clearance");
            String site = "Injection 1, T1 \"L iliolumbar\" (Iliolumbar ligament)";
            assertThat(SafetyChecks.siteName(near, catalogue, t.id())).contains(site);
            assertThat(f.message()).startsWith(site + ": ");

            // the path from (400, 0) passes the square's corner (200, 200) at 28000 / 340 px = 8.2 mm
            SessionPlan moved = site(t, path(400, 0, CAL), z);
            assertThat(findings(check(moved), "zone-clearance")).isEmpty();
            assertThat(SafetyChecks.keyInWords(moved, catalogue, f.key()))
                    .isEqualTo(site + " and zone Z1 \"nerve 1\": zone clearance (path)");
        }

        @Test
        void anInjectionIdNamesItsSiteAndAKeyWithoutIdsIsTheSessions() {
            Target t = target(1, 240, 300, CAL);
            SessionPlan plan = site(t, path(240, 0, CAL));
            assertThat(SafetyChecks.keyInWords(plan, catalogue, "needle-length/shortfall/"
                    + PlanFixtures.id("injection", 1))).isEqualTo("Injection 1, T1 (Iliolumbar ligament): "
                    + "needle length (shortfall)");
            assertThat(SafetyChecks.keyInWords(plan, catalogue, "session-volume")).isEqualTo("Session: session volume");
        }

        @Test
        void anIdThePlanNoLongerHoldsIsNamedAsGone() {
            Target t = target(1, 240, 300, CAL);
            NerveZone z = zone(1, SQUARE, 5, CAL);
            SessionPlan plan = targetOnly(t, z);
            assertThat(SafetyChecks.siteName(plan, catalogue, PlanFixtures.id("target", 2))).isEmpty();
            assertThat(SafetyChecks.keyInWords(plan, catalogue, "zone-clearance/target/"
                    + PlanFixtures.id("target", 2) + "/" + z.id()))
                    .isEqualTo("a site or zone no longer in the plan and zone Z1 \"nerve 1\": zone clearance (target)");
        }
    }
}
