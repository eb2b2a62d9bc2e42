package org.injectionplanner.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.DoubleRange;

/** Properties of clearances that hold for any zone, point, segment and scale. */
class ClearancePropertiesTest {

    /** Documented: an ellipse's clearance may be up to 0.001 mm too large, never too small. */
    private static final double ELLIPSE_TOLERANCE_MM = 0.001;

    @Provide
    Arbitrary<ZoneShape> zones() {
        return Arbitraries.oneOf(polygons(), ellipses());
    }

    /**
     * Star-shaped polygons, convex or concave: n ≥ 4 vertices at increasing angles around a centre,
     * each gap under 180°, so that the polygon is simple and the centre lies inside.
     */
    @Provide
    Arbitrary<PolygonShape> polygons() {
        return Arbitraries.integers().between(4, 12).flatMap(n -> Combinators.combine(
                Arbitraries.doubles().between(0, 0.5).ofScale(4).list().ofSize(n),
                Arbitraries.doubles().between(2, 40).ofScale(3).list().ofSize(n),
                coordinate(), coordinate()).as((jitters, radii, cx, cy) -> {
                    List<PixelPoint> vertices = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        double t = 2 * Math.PI * (i + jitters.get(i)) / n;
                        vertices.add(PixelPoint.of(cx + radii.get(i) * Math.cos(t), cy + radii.get(i) * Math.sin(t)));
                    }
                    return PolygonShape.of(vertices);
                }));
    }

    @Provide
    Arbitrary<EllipseShape> ellipses() {
        return Combinators.combine(points(), Arbitraries.doubles().between(0.5, 60).ofScale(3),
                Arbitraries.doubles().between(0.5, 60).ofScale(3), Arbitraries.doubles().between(-360, 360).ofScale(2))
                .as(EllipseShape::of);
    }

    @Provide
    Arbitrary<PixelPoint> points() {
        return Combinators.combine(coordinate(), coordinate()).as(PixelPoint::of);
    }

    @Provide
    Arbitrary<Segment> segments() {
        return Combinators.combine(points(), points()).as(Segment::of);
    }

    @Provide
    Arbitrary<MmScale> scales() {
        Arbitrary<Double> mmPerPixel = Arbitraries.doubles().between(0.01, 1).ofScale(4);
        return Combinators.combine(mmPerPixel, mmPerPixel).as(MmScale::of);
    }

    private static Arbitrary<Double> coordinate() {
        return Arbitraries.doubles().between(-100, 250).ofScale(3);
    }

    private static ZoneShape translate(ZoneShape zone, double dx, double dy) {
        if (zone instanceof PolygonShape polygon) {
            return PolygonShape.of(polygon.vertices().stream().map(v -> translate(v, dx, dy)).toList());
        }
        EllipseShape e = (EllipseShape) zone;
        return EllipseShape.of(translate(e.centre(), dx, dy), e.radiusX(), e.radiusY(), e.angleDeg());
    }

    /** One mm per pixel: clearances in pixels, with no rounding by scaling. */
    private static final MmScale PIXELS = new MmScale(1, 1);

    /** {@code clearanceMm} is zero on contact, and otherwise only where the gap in pixels is under 1e-9. */
    private static void assertZeroOnContactElseOnlyByRounding(double clearanceMm, boolean contact,
            double gapInPixels) {
        if (contact) {
            assertThat(clearanceMm).isZero();
        } else if (clearanceMm == 0) {
            assertThat(gapInPixels).as("a gap rounded away in mm").isLessThan(1e-9);
        }
    }

    private static PixelPoint translate(PixelPoint p, double dx, double dy) {
        return PixelPoint.of(p.x() + dx, p.y() + dy);
    }

    /**
     * Zero exactly when contained, except where scaling pixels to mm rounds a gap of under 1e-9 pixel away
     * (jqwik finds a point or segment end 1e-16 pixel from a vertex): then zero, the safe side.
     */
    @Property
    void pointClearanceIsNonNegativeAndZeroWhenContained(@ForAll("zones") ZoneShape zone,
            @ForAll("points") PixelPoint p, @ForAll("scales") MmScale s) {
        double clearance = CalibratedGeometry.clearanceMm(p, zone, s);
        assertThat(clearance).isGreaterThanOrEqualTo(0);
        assertZeroOnContactElseOnlyByRounding(clearance, zone.contains(p),
                CalibratedGeometry.clearanceMm(p, zone, PIXELS));
        Statistics.label("contained").collect(zone.contains(p));
        Statistics.label("contained").coverage(checker -> {
            checker.check(true).count(c -> c >= 10);
            checker.check(false).count(c -> c >= 10);
        });
    }

    /** The sample jqwik shrank to: the segment ends 1.2e-16 pixel outside a vertex. */
    @Example
    void aSegmentEndingAHairOutsideAVertexHasAClearanceUnder1e9() {
        PolygonShape zone = PolygonShape.of(PixelPoint.of(1.999, -1.0), PixelPoint.of(-9.999999999998775E-4, 1.0),
                PixelPoint.of(-2.001, -0.9999999999999998), PixelPoint.of(-0.0010000000000003673, -3.0));
        Segment seg = Segment.of(PixelPoint.of(-0.736, 0.293), PixelPoint.of(-0.001, 1.0));
        assertThat(CalibratedGeometry.crosses(seg, zone)).isFalse();
        assertThat(CalibratedGeometry.clearanceMm(seg, zone, new MmScale(0.01, 0.01))).isGreaterThanOrEqualTo(0)
                .isLessThan(1e-9);
        assertThat(CalibratedGeometry.clearanceMm(seg, zone, PIXELS)).isPositive().isLessThan(1e-9);
    }

    /**
     * A sample jqwik found: the segment ends on the boundary of a slightly turned ellipse, which contains that
     * end, but the nearest point of the segment computed as from + 1 × (to - from) rounded to just outside.
     */
    @Example
    void aSegmentEndingOnAnEllipsesBoundaryCrossesIt() {
        EllipseShape zone = new EllipseShape(PixelPoint.of(1.0, -1.0), 1.0, 1.0, 0.01);
        Segment seg = Segment.of(PixelPoint.of(0.0, 1.001), PixelPoint.of(1.0, 0.0));
        assertThat(zone.contains(seg.to())).isTrue();
        assertThat(CalibratedGeometry.crosses(seg, zone)).isTrue();
        assertThat(CalibratedGeometry.clearanceMm(seg, zone, new MmScale(0.01, 0.01))).isZero();
    }

    /** As {@link #pointClearanceIsNonNegativeAndZeroWhenContained}, for a segment that crosses the zone. */
    @Property
    void segmentClearanceIsNonNegativeAndZeroWhenItCrosses(@ForAll("zones") ZoneShape zone,
            @ForAll("segments") Segment seg, @ForAll("scales") MmScale s) {
        double clearance = CalibratedGeometry.clearanceMm(seg, zone, s);
        assertThat(clearance).isGreaterThanOrEqualTo(0);
        assertZeroOnContactElseOnlyByRounding(clearance, CalibratedGeometry.crosses(seg, zone),
                CalibratedGeometry.clearanceMm(seg, zone, PIXELS));
        Statistics.label("crosses").collect(CalibratedGeometry.crosses(seg, zone));
        Statistics.label("crosses").coverage(checker -> {
            checker.check(true).count(c -> c >= 10);
            checker.check(false).count(c -> c >= 10);
        });
        assertThat(clearance).isLessThanOrEqualTo(CalibratedGeometry.clearanceMm(seg.from(), zone, s) + 1e-9)
                .isLessThanOrEqualTo(CalibratedGeometry.clearanceMm(seg.to(), zone, s) + 1e-9);
    }

    @Property
    void theBoundingBoxClearanceIsALowerBound(@ForAll("zones") ZoneShape zone, @ForAll("segments") Segment seg,
            @ForAll("points") PixelPoint p, @ForAll("scales") MmScale s) {
        assertThat(CalibratedGeometry.boundsClearanceMm(seg, zone, s))
                .isLessThanOrEqualTo(CalibratedGeometry.clearanceMm(seg, zone, s) + 1e-9);
        assertThat(CalibratedGeometry.boundsClearanceMm(Segment.of(p, p), zone, s))
                .isLessThanOrEqualTo(CalibratedGeometry.clearanceMm(p, zone, s) + 1e-9);
        for (PixelPoint v : zone.outline()) {
            PixelBounds box = zone.bounds();
            assertThat(v.x()).isBetween(box.minX() - 1e-9, box.maxX() + 1e-9);
            assertThat(v.y()).isBetween(box.minY() - 1e-9, box.maxY() + 1e-9);
        }
    }

    @Property
    void clearanceDoesNotChangeUnderTranslation(@ForAll("zones") ZoneShape zone, @ForAll("points") PixelPoint p,
            @ForAll("segments") Segment seg, @ForAll("scales") MmScale s,
            @ForAll @DoubleRange(min = -500, max = 500) double dx,
            @ForAll @DoubleRange(min = -500, max = 500) double dy) {
        ZoneShape moved = translate(zone, dx, dy);
        // a point on an ellipse may fall just outside it after rounding, and then measure up to the
        // documented 0.001 mm from the inscribed polygon
        double tolerance = zone instanceof EllipseShape ? ELLIPSE_TOLERANCE_MM + 1e-9 : 1e-6;
        assertThat(CalibratedGeometry.clearanceMm(translate(p, dx, dy), moved, s))
                .isCloseTo(CalibratedGeometry.clearanceMm(p, zone, s), within(tolerance));
        Segment movedSeg = Segment.of(translate(seg.from(), dx, dy), translate(seg.to(), dx, dy));
        assertThat(CalibratedGeometry.clearanceMm(movedSeg, moved, s))
                .isCloseTo(CalibratedGeometry.clearanceMm(seg, zone, s), within(tolerance));
    }

    @Property
    void clearanceIsAtMostTheDistanceToAnyOutlineVertex(@ForAll("zones") ZoneShape zone,
            @ForAll("points") PixelPoint p, @ForAll("scales") MmScale s) {
        double clearance = CalibratedGeometry.clearanceMm(p, zone, s);
        for (PixelPoint v : zone.outline()) {
            assertThat(clearance).isLessThanOrEqualTo(CalibratedGeometry.distanceMm(p, v, s) + 1e-9);
        }
    }

    @Property
    void scalingBothAxesByKScalesPolygonClearanceByK(@ForAll("polygons") PolygonShape zone,
            @ForAll("points") PixelPoint p, @ForAll("segments") Segment seg, @ForAll("scales") MmScale s,
            @ForAll @DoubleRange(min = 0.1, max = 10) double k) {
        MmScale scaled = MmScale.of(k * s.mmPerPixelX(), k * s.mmPerPixelY());
        double point = CalibratedGeometry.clearanceMm(p, zone, s);
        double segment = CalibratedGeometry.clearanceMm(seg, zone, s);
        assertThat(CalibratedGeometry.clearanceMm(p, zone, scaled))
                .isCloseTo(k * point, within(1e-9 * (1 + k * point)));
        assertThat(CalibratedGeometry.clearanceMm(seg, zone, scaled))
                .isCloseTo(k * segment, within(1e-9 * (1 + k * segment)));
    }

    /**
     * An ellipse's clearance is the true one plus 0 to 0.001 mm, at any scale, so scaling by k changes it
     * by k within 0.001 mm × max(1, k).
     */
    @Property
    void scalingBothAxesByKScalesEllipseClearanceByKWithinTheTolerance(@ForAll("ellipses") EllipseShape zone,
            @ForAll("points") PixelPoint p, @ForAll("segments") Segment seg, @ForAll("scales") MmScale s,
            @ForAll @DoubleRange(min = 0.1, max = 10) double k) {
        MmScale scaled = MmScale.of(k * s.mmPerPixelX(), k * s.mmPerPixelY());
        double tolerance = ELLIPSE_TOLERANCE_MM * Math.max(1, k) + 1e-9;
        assertThat(CalibratedGeometry.clearanceMm(p, zone, scaled))
                .isCloseTo(k * CalibratedGeometry.clearanceMm(p, zone, s), within(tolerance));
        assertThat(CalibratedGeometry.clearanceMm(seg, zone, scaled))
                .isCloseTo(k * CalibratedGeometry.clearanceMm(seg, zone, s), within(tolerance));
    }

    /** Against a direct computation: the least mm distance from the point to any edge. */
    @Property
    void polygonClearanceIsTheDistanceToTheNearestEdge(@ForAll("polygons") PolygonShape zone,
            @ForAll("points") PixelPoint p, @ForAll("scales") MmScale s) {
        if (zone.contains(p)) {
            return;
        }
        double nearest = Double.POSITIVE_INFINITY;
        List<PixelPoint> v = zone.vertices();
        for (int i = 0; i < v.size(); i++) {
            nearest = Math.min(nearest, pointToSegmentMm(p, v.get(i), v.get((i + 1) % v.size()), s));
        }
        assertThat(CalibratedGeometry.clearanceMm(p, zone, s)).isCloseTo(nearest, within(1e-9));
    }

    /**
     * Against the true ellipse sampled at 100 000 points: the clearance is never smaller than the true
     * distance and at most 0.001 mm larger. The sampled distance exceeds the true one by at most half
     * the longest spacing of the samples.
     */
    @Property(tries = 200)
    void ellipseClearanceMatchesTheTrueEllipse(@ForAll("ellipses") EllipseShape zone,
            @ForAll("points") PixelPoint p, @ForAll("scales") MmScale s) {
        if (zone.contains(p)) {
            return;
        }
        int samples = 100_000;
        double a = Math.toRadians(zone.angleDeg());
        double sampled = Double.POSITIVE_INFINITY;
        double longestStepMm = 0;
        PixelPoint previous = null;
        for (int i = 0; i <= samples; i++) {
            double t = 2 * Math.PI * i / samples;
            double lx = zone.radiusX() * Math.cos(t);
            double ly = zone.radiusY() * Math.sin(t);
            PixelPoint q = PixelPoint.of(zone.centre().x() + lx * Math.cos(a) + ly * Math.sin(a),
                    zone.centre().y() - lx * Math.sin(a) + ly * Math.cos(a));
            sampled = Math.min(sampled, CalibratedGeometry.distanceMm(p, q, s));
            if (previous != null) {
                longestStepMm = Math.max(longestStepMm, CalibratedGeometry.distanceMm(previous, q, s));
            }
            previous = q;
        }
        double clearance = CalibratedGeometry.clearanceMm(p, zone, s);
        assertThat(clearance).isLessThanOrEqualTo(sampled + ELLIPSE_TOLERANCE_MM + 1e-9)
                // the nearest point of the ellipse lies on an arc between two samples, at most half the
                // longest step from one (with unequal mm per pixel the steps differ greatly in mm)
                .isGreaterThanOrEqualTo(sampled - longestStepMm / 2 - 1e-9);
    }

    private static double pointToSegmentMm(PixelPoint p, PixelPoint a, PixelPoint b, MmScale s) {
        double px = p.x() * s.mmPerPixelX();
        double py = p.y() * s.mmPerPixelY();
        double ax = a.x() * s.mmPerPixelX();
        double ay = a.y() * s.mmPerPixelY();
        double bx = b.x() * s.mmPerPixelX();
        double by = b.y() * s.mmPerPixelY();
        double dx = bx - ax;
        double dy = by - ay;
        double t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }
}
