package org.injectionplanner.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Construction of the value types: what they accept, what they reject and with which message. */
class ShapeValidationTest {

    private static PixelPoint p(double x, double y) {
        return PixelPoint.of(x, y);
    }

    @Test
    void pixelPointRejectsNaNAndInfinity() {
        assertThatThrownBy(() -> p(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite").hasMessageContaining("NaN");
        assertThatThrownBy(() -> p(1, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Infinity");
    }

    @Test
    void valuesHaveValueEquality() {
        assertThat(p(1.5, 2)).isEqualTo(new PixelPoint(1.5, 2));
        assertThat(Segment.of(p(0, 0), p(1, 1))).isEqualTo(Segment.of(p(0, 0), p(1, 1)));
        assertThat(PolygonShape.of(p(0, 0), p(4, 0), p(0, 3)))
                .isEqualTo(PolygonShape.of(List.of(p(0, 0), p(4, 0), p(0, 3))))
                .hasSameHashCodeAs(PolygonShape.of(List.of(p(0, 0), p(4, 0), p(0, 3))));
        assertThat(EllipseShape.of(p(1, 2), 3, 4, 5)).isEqualTo(new EllipseShape(p(1, 2), 3, 4, 5));
        assertThat(MmScale.of(0.1, 0.2)).isEqualTo(new MmScale(0.1, 0.2));
    }

    @Test
    void polygonCopiesItsVertices() {
        List<PixelPoint> vertices = new ArrayList<>(List.of(p(0, 0), p(4, 0), p(0, 3)));
        PolygonShape polygon = PolygonShape.of(vertices);
        vertices.add(p(9, 9));
        assertThat(polygon.vertices()).hasSize(3);
        assertThatThrownBy(() -> polygon.vertices().add(p(1, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void polygonRejectsFewerThanThreeVertices() {
        assertThatThrownBy(() -> PolygonShape.of(p(0, 0), p(1, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a polygon needs at least 3 vertices, got 2");
    }

    @Test
    void polygonRejectsAFirstVertexRepeatedAtTheEnd() {
        assertThatThrownBy(() -> PolygonShape.of(p(0, 0), p(4, 0), p(0, 3), p(0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vertices 3 and 0 are the same point (0.0, 0.0)")
                .hasMessageContaining("do not repeat the first vertex");
    }

    @Test
    void polygonRejectsRepeatedConsecutiveVertices() {
        assertThatThrownBy(() -> PolygonShape.of(p(0, 0), p(4, 0), p(4, 0), p(0, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vertices 1 and 2 are the same point (4.0, 0.0)");
    }

    @Test
    void polygonRejectsFewerThanThreeDistinctVertices() {
        assertThatThrownBy(() -> PolygonShape.of(p(0, 0), p(4, 0), p(0, 0), p(4, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a polygon needs at least 3 distinct vertices, got 2");
    }

    @Test
    void polygonRejectsCollinearVertices() {
        assertThatThrownBy(() -> PolygonShape.of(p(0, 0), p(1, 1), p(3, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all lie on one line");
    }

    @Test
    void polygonRejectsSelfIntersection() {
        // a bow tie: the edges (0,0)-(10,10) and (10,0)-(0,10) cross at (5,5)
        assertThatThrownBy(() -> PolygonShape.of(p(0, 0), p(10, 10), p(10, 0), p(0, 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("edges cross or touch each other near (5.0, 5.0)");
    }

    @Test
    void polygonRejectsAnOutlineThatTouchesItself() {
        // two triangles sharing the vertex (5,5)
        assertThatThrownBy(() -> PolygonShape.of(p(0, 0), p(5, 5), p(10, 0), p(10, 10), p(5, 5), p(0, 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("edges cross or touch");
    }

    @Test
    void polygonRejectsNullVertices() {
        assertThatThrownBy(() -> PolygonShape.of(Arrays.asList(p(0, 0), null, p(0, 3))))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void polygonAcceptsConcaveAndEitherOrientation() {
        List<PixelPoint> lShape = List.of(p(0, 0), p(10, 0), p(10, 4), p(4, 4), p(4, 10), p(0, 10));
        assertThat(PolygonShape.of(lShape).vertices()).isEqualTo(lShape);
        List<PixelPoint> reversed = new ArrayList<>(lShape);
        Collections.reverse(reversed);
        assertThat(PolygonShape.of(reversed).contains(p(2, 8))).isTrue();
        assertThat(PolygonShape.of(reversed).contains(p(8, 8))).isFalse();
    }

    @Test
    void ellipseRejectsBadRadiiAndAngle() {
        assertThatThrownBy(() -> EllipseShape.of(p(0, 0), 0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("radii must be positive");
        assertThatThrownBy(() -> EllipseShape.of(p(0, 0), 1, -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("radii must be positive");
        assertThatThrownBy(() -> EllipseShape.of(p(0, 0), Double.NaN, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("radii");
        assertThatThrownBy(() -> EllipseShape.of(p(0, 0), 1, Double.POSITIVE_INFINITY, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("radii");
        assertThatThrownBy(() -> EllipseShape.of(p(0, 0), 1, 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("angle");
    }

    @Test
    void scaleRejectsNonPositiveOrNonFiniteValues() {
        assertThatThrownBy(() -> MmScale.of(0, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mmPerPixelX").hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> MmScale.of(0.1, -0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mmPerPixelY");
        assertThatThrownBy(() -> MmScale.of(Double.NaN, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mmPerPixelX");
        assertThatThrownBy(() -> MmScale.of(0.1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mmPerPixelY");
    }

    @Test
    void marginAndSkinLineAreValidated() {
        PolygonShape square = PolygonShape.of(p(0, 0), p(10, 0), p(10, 10), p(0, 10));
        MmScale s = MmScale.of(0.1, 0.1);
        assertThatThrownBy(() -> CalibratedGeometry.marginOutline(square, -1, s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marginMm");
        assertThatThrownBy(() -> CalibratedGeometry.marginOutline(square, Double.NaN, s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marginMm");
        assertThatThrownBy(() -> CalibratedGeometry.depthMm(p(0, 0), Double.NaN, s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("skinLineY");
    }
}
