package org.injectionplanner.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ellipse's outline polygon. */
class EllipseShapeTest {

    /** The point in the ellipse's own frame scaled so that the ellipse is the unit circle. */
    private static double[] local(EllipseShape e, PixelPoint p) {
        double a = Math.toRadians(e.angleDeg());
        double dx = p.x() - e.centre().x();
        double dy = p.y() - e.centre().y();
        // radiusX axis (cos a, −sin a), radiusY axis (sin a, cos a) in pixel coordinates
        return new double[] {(dx * Math.cos(a) - dy * Math.sin(a)) / e.radiusX(),
            (dx * Math.sin(a) + dy * Math.cos(a)) / e.radiusY()};
    }

    /**
     * An upper bound of the distance in pixels from a point to the ellipse: the distance to the point
     * of the ellipse on the same ray from the centre in the ellipse's unit-circle frame.
     */
    private static double distanceBound(EllipseShape e, PixelPoint p) {
        double[] l = local(e, p);
        double rho = Math.hypot(l[0], l[1]);
        return Math.hypot(p.x() - e.centre().x(), p.y() - e.centre().y()) * Math.abs(1 / rho - 1);
    }

    @ParameterizedTest
    @CsvSource({"2000, 2000, 0", "2000, 700, 37", "700, 2000, -121", "3, 1, 10", "0.5, 0.2, 0", "150, 40, 90"})
    void outlineIsWithinAHundredthOfAPixel(double rx, double ry, double angleDeg) {
        EllipseShape e = EllipseShape.of(PixelPoint.of(2500.5, 3000.25), rx, ry, angleDeg);
        List<PixelPoint> outline = e.outline();
        assertThat(outline.size() % 4).isZero();
        double worst = 0;
        for (int i = 0; i < outline.size(); i++) {
            PixelPoint a = outline.get(i);
            PixelPoint b = outline.get((i + 1) % outline.size());
            double[] l = local(e, a);
            assertThat(Math.hypot(l[0], l[1])).isCloseTo(1, within(1e-12));
            for (int k = 1; k < 10; k++) {
                double f = k / 10.0;
                PixelPoint m = PixelPoint.of(a.x() + f * (b.x() - a.x()), a.y() + f * (b.y() - a.y()));
                assertThat(e.contains(m)).isTrue();
                worst = Math.max(worst, distanceBound(e, m));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(0.01).isLessThan(0.05);
    }

    @ParameterizedTest
    @CsvSource({"2000, 1100", "20, 120", "1, 24"})
    void vertexCountGrowsWithTheSquareRootOfTheRadius(double radius, int atMost) {
        assertThat(EllipseShape.of(PixelPoint.of(0, 0), radius, radius / 2, 0).outline())
                .hasSizeLessThanOrEqualTo(atMost);
    }

    @ParameterizedTest
    @CsvSource({"0", "30", "90", "-45"})
    void outlineStartsAtTheRadiusXEndAndTurnsTowardsTheRadiusYEnd(double angleDeg) {
        EllipseShape e = EllipseShape.of(PixelPoint.of(100, 100), 20, 10, angleDeg);
        double a = Math.toRadians(angleDeg);
        List<PixelPoint> outline = e.outline();
        assertThat(outline.get(0).x()).isCloseTo(100 + 20 * Math.cos(a), within(1e-9));
        assertThat(outline.get(0).y()).isCloseTo(100 - 20 * Math.sin(a), within(1e-9));
        PixelPoint quarter = outline.get(outline.size() / 4);
        assertThat(quarter.x()).isCloseTo(100 + 10 * Math.sin(a), within(1e-9));
        assertThat(quarter.y()).isCloseTo(100 + 10 * Math.cos(a), within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({
        // angle°, half width, half height: rx = 30, ry = 10 around (100, 50)
        "0, 30, 10",
        "90, 10, 30",
        "45, 22.360679774997898, 22.360679774997898",
        "-180, 30, 10"
    })
    void boundsAreTheRotatedEllipsesExtremes(double angle, double halfWidth, double halfHeight) {
        PixelBounds box = EllipseShape.of(PixelPoint.of(100, 50), 30, 10, angle).bounds();
        assertThat(box.minX()).isCloseTo(100 - halfWidth, within(1e-9));
        assertThat(box.maxX()).isCloseTo(100 + halfWidth, within(1e-9));
        assertThat(box.minY()).isCloseTo(50 - halfHeight, within(1e-9));
        assertThat(box.maxY()).isCloseTo(50 + halfHeight, within(1e-9));
    }
}
