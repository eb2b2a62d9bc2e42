package org.injectionplanner.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Distances and clearances against expectations computed by hand. */
class CalibratedGeometryTest {

    private static final double EPS = 1e-9;
    private static final MmScale ISO = MmScale.of(0.1, 0.1);
    /** 0.1 mm per pixel across, 0.05 mm per pixel down. */
    private static final MmScale ANISO = MmScale.of(0.1, 0.05);

    private static PixelPoint p(double x, double y) {
        return PixelPoint.of(x, y);
    }

    private static Segment seg(double x0, double y0, double x1, double y1) {
        return Segment.of(p(x0, y0), p(x1, y1));
    }

    @Test
    void distanceUsesEachAxisScale() {
        assertThat(CalibratedGeometry.distanceMm(p(0, 0), p(10, 0), ANISO)).isCloseTo(1.0, within(EPS));
        assertThat(CalibratedGeometry.distanceMm(p(0, 0), p(0, 10), ANISO)).isCloseTo(0.5, within(EPS));
        assertThat(CalibratedGeometry.distanceMm(p(0, 0), p(10, 20), ANISO)).isCloseTo(Math.sqrt(2), within(EPS));
        assertThat(CalibratedGeometry.distanceMm(p(3, 4), p(3, 4), ANISO)).isZero();
    }

    @Test
    void depthIsMeasuredDownFromTheSkinLineInYMillimetres() {
        assertThat(CalibratedGeometry.depthMm(p(10, 50), 20, ANISO)).isCloseTo(1.5, within(EPS));
        assertThat(CalibratedGeometry.depthMm(p(10, 10), 20, ANISO)).isCloseTo(-0.5, within(EPS));
        assertThat(CalibratedGeometry.depthMm(p(99, 20), 20, ANISO)).isZero();
    }

    /** The square (0,0)–(20,20). */
    @Nested
    class ConvexSquare {

        private final PolygonShape square = PolygonShape.of(p(0, 0), p(20, 0), p(20, 20), p(0, 20));

        @Test
        void pointClearance() {
            assertThat(CalibratedGeometry.clearanceMm(p(25, 10), square, ISO)).isCloseTo(0.5, within(EPS));
            // nearest the corner (20,20): 3 px across and 4 px down
            assertThat(CalibratedGeometry.clearanceMm(p(23, 24), square, ISO)).isCloseTo(0.5, within(EPS));
            assertThat(CalibratedGeometry.clearanceMm(p(10, 10), square, ISO)).isZero();
            assertThat(CalibratedGeometry.clearanceMm(p(20, 10), square, ISO)).isZero();
            assertThat(CalibratedGeometry.clearanceMm(p(0, 0), square, ISO)).isZero();
        }

        @Test
        void unequalScaleTenPixelsRightOfAVerticalEdgeIsOneMillimetre() {
            assertThat(CalibratedGeometry.clearanceMm(p(30, 10), square, ANISO)).isCloseTo(1.0, within(EPS));
            assertThat(CalibratedGeometry.clearanceMm(p(-10, 10), square, ANISO)).isCloseTo(1.0, within(EPS));
        }

        @Test
        void unequalScaleTenPixelsBelowAHorizontalEdgeIsHalfAMillimetre() {
            assertThat(CalibratedGeometry.clearanceMm(p(10, 30), square, ANISO)).isCloseTo(0.5, within(EPS));
            assertThat(CalibratedGeometry.clearanceMm(p(10, -10), square, ANISO)).isCloseTo(0.5, within(EPS));
        }

        @Test
        void unequalScaleNearACorner() {
            // 3 px across (0.3 mm) and 8 px down (0.4 mm) from the corner (20,20)
            assertThat(CalibratedGeometry.clearanceMm(p(23, 28), square, ANISO)).isCloseTo(0.5, within(EPS));
        }

        @Test
        void segmentClearance() {
            assertThat(CalibratedGeometry.clearanceMm(seg(22, -5, 22, 25), square, ISO)).isCloseTo(0.2, within(EPS));
            assertThat(CalibratedGeometry.clearanceMm(seg(22, -5, 22, 25), square, ANISO)).isCloseTo(0.2, within(EPS));
            assertThat(CalibratedGeometry.clearanceMm(seg(-5, 24, 25, 24), square, ANISO)).isCloseTo(0.2, within(EPS));
            assertThat(CalibratedGeometry.crosses(seg(22, -5, 22, 25), square)).isFalse();
        }

        @Test
        void segmentsThatCrossTouchOrLieInsideHaveNoClearance() {
            Segment crossing = seg(-5, 10, 25, 10);
            Segment inside = seg(2, 2, 3, 3);
            Segment touchingAtACorner = seg(20, 20, 30, 30);
            Segment endingOnAnEdge = seg(30, 10, 20, 10);
            for (Segment s : new Segment[] {crossing, inside, touchingAtACorner, endingOnAnEdge}) {
                assertThat(CalibratedGeometry.crosses(s, square)).as("%s", s).isTrue();
                assertThat(CalibratedGeometry.clearanceMm(s, square, ANISO)).as("%s", s).isZero();
            }
        }

        @Test
        void aSegmentWithCoincidentEndsIsAPoint() {
            assertThat(CalibratedGeometry.clearanceMm(seg(30, 10, 30, 10), square, ANISO)).isCloseTo(1.0, within(EPS));
            assertThat(CalibratedGeometry.crosses(seg(5, 5, 5, 5), square)).isTrue();
        }
    }

    /** An L: the square (0,0)–(10,10) without its notch (4,4)–(10,10). */
    @Nested
    class ConcaveL {

        private final PolygonShape lShape = PolygonShape.of(p(0, 0), p(10, 0), p(10, 4), p(4, 4), p(4, 10), p(0, 10));

        @Test
        void pointInTheNotchIsOutside() {
            assertThat(lShape.contains(p(7, 7))).isFalse();
            assertThat(lShape.contains(p(2, 8))).isTrue();
            assertThat(lShape.contains(p(8, 2))).isTrue();
        }

        @Test
        void pointInTheNotch() {
            // 3 px from both inner edges
            assertThat(CalibratedGeometry.clearanceMm(p(7, 7), lShape, ISO)).isCloseTo(0.3, within(EPS));
            // 3 px below the edge y = 4 (0.15 mm) beats 3 px right of the edge x = 4 (0.3 mm)
            assertThat(CalibratedGeometry.clearanceMm(p(7, 7), lShape, ANISO)).isCloseTo(0.15, within(EPS));
            // 2 px right of x = 4 (0.2 mm) beats 5 px below y = 4 (0.25 mm)
            assertThat(CalibratedGeometry.clearanceMm(p(6, 9), lShape, ANISO)).isCloseTo(0.2, within(EPS));
        }

        @Test
        void segmentThroughTheNotchWithoutTouching() {
            // the line x + y = 16 passes 1 px across and 1 px down from the vertices (4,10) and (10,4)
            Segment path = seg(3, 13, 13, 3);
            assertThat(CalibratedGeometry.crosses(path, lShape)).isFalse();
            assertThat(CalibratedGeometry.clearanceMm(path, lShape, ISO)).isCloseTo(0.1 * Math.sqrt(2), within(EPS));
            // in mm the vertex (0.4, 0.5) and the path (0.3, 0.65)→(1.3, 0.15), normal (0.5, 1)/√1.25:
            // |0.5 · 0.1 − 0.15| / √1.25 = √0.008
            assertThat(CalibratedGeometry.clearanceMm(path, lShape, ANISO)).isCloseTo(Math.sqrt(0.008), within(EPS));
        }

        @Test
        void segmentInsideTheNotch() {
            // nearest end (6,6): 2 px down from y = 4 (0.1 mm), 2 px across from x = 4 (0.2 mm)
            assertThat(CalibratedGeometry.clearanceMm(seg(6, 6, 9, 9), lShape, ANISO)).isCloseTo(0.1, within(EPS));
        }

        @Test
        void segmentLeavingTheNotchAcrossAnEdge() {
            assertThat(CalibratedGeometry.crosses(seg(7, 7, 7, -2), lShape)).isTrue();
            assertThat(CalibratedGeometry.clearanceMm(seg(7, 7, 7, -2), lShape, ANISO)).isZero();
        }
    }

    /** Radii 20 × 10 px around (100, 100), its radiusX axis 30° counter-clockwise as seen on screen. */
    @Nested
    class RotatedEllipse {

        private final PixelPoint c = p(100, 100);
        private final EllipseShape ellipse = EllipseShape.of(c, 20, 10, 30);
        /** Unit vector of the radiusX axis: 30° up from +x on screen, so y decreases. */
        private final double[] u = {Math.cos(Math.toRadians(30)), -Math.sin(Math.toRadians(30))};
        /** Unit vector of the radiusY axis. */
        private final double[] v = {Math.sin(Math.toRadians(30)), Math.cos(Math.toRadians(30))};

        private PixelPoint along(double a, double b) {
            return p(c.x() + a * u[0] + b * v[0], c.y() + a * u[1] + b * v[1]);
        }

        @Test
        void angleIsCounterClockwiseAsSeenOnScreen() {
            assertThat(ellipse.contains(along(19.9, 0))).isTrue();
            assertThat(ellipse.contains(along(20.1, 0))).isFalse();
            assertThat(ellipse.contains(along(0, 9.9))).isTrue();
            assertThat(ellipse.contains(along(0, 10.1))).isFalse();
            // 19 px from the centre at 30° clockwise on screen: 60° away from the radiusX axis, outside
            assertThat(ellipse.contains(p(100 + 19 * Math.cos(Math.toRadians(30)),
                    100 + 19 * Math.sin(Math.toRadians(30))))).isFalse();
            EllipseShape upright = EllipseShape.of(c, 20, 10, 90);
            assertThat(upright.contains(p(100, 81))).isTrue();
            assertThat(upright.contains(p(100, 119))).isTrue();
            assertThat(upright.contains(p(119, 100))).isFalse();
        }

        @Test
        void pointsOnTheAxes() {
            assertThat(CalibratedGeometry.clearanceMm(along(30, 0), ellipse, ISO)).isCloseTo(1.0, within(EPS));
            assertThat(CalibratedGeometry.clearanceMm(along(-30, 0), ellipse, ISO)).isCloseTo(1.0, within(EPS));
            assertThat(CalibratedGeometry.clearanceMm(along(0, 15), ellipse, ISO)).isCloseTo(0.5, within(EPS));
            assertThat(CalibratedGeometry.clearanceMm(along(0, -12), ellipse, ISO)).isCloseTo(0.2, within(EPS));
            assertThat(CalibratedGeometry.clearanceMm(along(5, 3), ellipse, ISO)).isZero();
        }

        @Test
        void uprightEllipseWithUnequalScale() {
            EllipseShape upright = EllipseShape.of(c, 20, 10, 90);
            // 10 px above the top of the radiusX axis, at 0.05 mm per pixel down
            assertThat(CalibratedGeometry.clearanceMm(p(100, 70), upright, ANISO)).isCloseTo(0.5, within(EPS));
            // 5 px right of the end of the radiusY axis, at 0.1 mm per pixel across
            assertThat(CalibratedGeometry.clearanceMm(p(115, 100), upright, ANISO)).isCloseTo(0.5, within(EPS));
            assertThat(CalibratedGeometry.clearanceMm(p(100, 125), upright, ANISO)).isCloseTo(0.25, within(EPS));
        }

        @Test
        void segmentTangentToTheEndOfTheLongAxis() {
            Segment beyond = Segment.of(along(30, -10), along(30, 10));
            assertThat(CalibratedGeometry.crosses(beyond, ellipse)).isFalse();
            assertThat(CalibratedGeometry.clearanceMm(beyond, ellipse, ISO)).isCloseTo(1.0, within(EPS));
            Segment grazing = Segment.of(along(19.999, -5), along(19.999, 5));
            assertThat(CalibratedGeometry.crosses(grazing, ellipse)).isTrue();
            Segment missing = Segment.of(along(20.001, -5), along(20.001, 5));
            assertThat(CalibratedGeometry.crosses(missing, ellipse)).isFalse();
            assertThat(CalibratedGeometry.clearanceMm(missing, ellipse, ISO)).isCloseTo(0.0001, within(EPS));
        }

        @Test
        void segmentsThroughOrInside() {
            Segment through = Segment.of(along(-30, 0), along(30, 0));
            Segment inside = Segment.of(along(2, 1), along(3, -1));
            Segment entering = Segment.of(along(0, 30), along(0, 5));
            for (Segment s : new Segment[] {through, inside, entering}) {
                assertThat(CalibratedGeometry.crosses(s, ellipse)).as("%s", s).isTrue();
                assertThat(CalibratedGeometry.clearanceMm(s, ellipse, ANISO)).as("%s", s).isZero();
            }
        }
    }
}
