package org.injectionplanner.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outline of a safety margin around a zone, checked against clearanceMm. */
class MarginOutlineTest {

    private static final double TOLERANCE_MM = 0.02;
    private static final MmScale ANISO = MmScale.of(0.1, 0.05);

    private static PixelPoint p(double x, double y) {
        return PixelPoint.of(x, y);
    }

    private static final PolygonShape SQUARE = PolygonShape.of(p(0, 0), p(20, 0), p(20, 20), p(0, 20));
    private static final PolygonShape L_SHAPE =
            PolygonShape.of(p(0, 0), p(10, 0), p(10, 4), p(4, 4), p(4, 10), p(0, 10));
    /** A 40 × 40 px square ring with a pocket (4..36, 4..36) open through a 4 px mouth at the bottom. */
    private static final PolygonShape POCKET = PolygonShape.of(p(0, 0), p(40, 0), p(40, 40), p(22, 40),
            p(22, 36), p(36, 36), p(36, 4), p(4, 4), p(4, 36), p(18, 36), p(18, 40), p(0, 40));
    private static final EllipseShape ELLIPSE = EllipseShape.of(p(100, 80), 40, 20, 30);

    private static ZoneShape zone(String name) {
        return switch (name) {
            case "square" -> SQUARE;
            case "L" -> L_SHAPE;
            case "pocket" -> POCKET;
            case "ellipse" -> ELLIPSE;
            case "small ellipse" -> EllipseShape.of(p(10, 10), 3, 1, -70);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Every vertex of every ring, and points along every edge, lie marginMm ± 0.02 mm from the zone. */
    private static void assertOnTheMargin(ZoneShape zone, List<List<PixelPoint>> rings, double marginMm,
            MmScale s) {
        for (List<PixelPoint> ring : rings) {
            for (int i = 0; i < ring.size(); i++) {
                PixelPoint a = ring.get(i);
                PixelPoint b = ring.get((i + 1) % ring.size());
                assertThat(CalibratedGeometry.clearanceMm(a, zone, s)).as("vertex %s", a)
                        .isCloseTo(marginMm, within(TOLERANCE_MM));
                for (int k = 1; k < 8; k++) {
                    double f = k / 8.0;
                    PixelPoint m = p(a.x() + f * (b.x() - a.x()), a.y() + f * (b.y() - a.y()));
                    assertThat(CalibratedGeometry.clearanceMm(m, zone, s)).as("edge point %s", m)
                            .isCloseTo(marginMm, within(TOLERANCE_MM));
                }
            }
        }
    }

    private static void assertContainsTheZone(ZoneShape zone, List<List<PixelPoint>> rings) {
        PolygonShape exterior = PolygonShape.of(rings.get(0));
        for (PixelPoint v : zone.outline()) {
            assertThat(exterior.contains(v)).as("zone vertex %s inside the exterior", v).isTrue();
            for (List<PixelPoint> hole : rings.subList(1, rings.size())) {
                assertThat(PolygonShape.of(hole).contains(v)).as("zone vertex %s outside a hole", v).isFalse();
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"square, 1", "square, 0.25", "L, 0.5", "L, 2", "ellipse, 0.5", "ellipse, 3", "ellipse, 50",
        "square, 120", "small ellipse, 0.02", "small ellipse, 0.3", "pocket, 0.05"})
    void outlineLiesAtTheMarginAndContainsTheZone(String name, double marginMm) {
        ZoneShape zone = zone(name);
        for (MmScale s : List.of(ANISO, MmScale.of(0.05, 0.1), MmScale.of(0.3, 0.3))) {
            List<List<PixelPoint>> rings = CalibratedGeometry.marginOutline(zone, marginMm, s);
            assertThat(rings).isNotEmpty();
            assertOnTheMargin(zone, rings, marginMm, s);
            assertContainsTheZone(zone, rings);
        }
    }

    @ParameterizedTest
    @CsvSource({"100, 1", "20, 5"})
    void eccentricEllipsesAtLargeMarginsStayWithinTolerance(double radiusX, double radiusY) {
        EllipseShape zone = EllipseShape.of(p(300, 200), radiusX, radiusY, 75);
        for (double marginMm : new double[] {0, 0.2, 50}) {
            List<List<PixelPoint>> rings = CalibratedGeometry.marginOutline(zone, marginMm, ANISO);
            assertThat(rings).hasSize(1);
            assertOnTheMargin(zone, rings, marginMm, ANISO);
            if (marginMm > 0) {
                // at 0 the outline is inscribed in the ellipse, within 0.01 mm of it
                assertContainsTheZone(zone, rings);
            }
        }
    }

    /**
     * A polygon of 200 shallow vertices, each turning by 1.8°: JTS replaces their rounded corners by
     * chords, so beyond 8 mm the documented bound is 0.01 mm + 0.00125 × marginMm.
     */
    @Test
    void polygonsWithShallowVerticesKeepTheDocumentedBoundAtLargeMargins() {
        List<PixelPoint> vertices = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double t = 2 * Math.PI * i / 200;
            vertices.add(p(100 + 40 * Math.cos(t), 100 + 25 * Math.sin(t)));
        }
        PolygonShape zone = PolygonShape.of(vertices);
        MmScale s = MmScale.of(0.3, 0.3);
        assertOnTheMargin(zone, CalibratedGeometry.marginOutline(zone, 8, s), 8, s);
        double worst = 0;
        for (List<PixelPoint> ring : CalibratedGeometry.marginOutline(zone, 50, s)) {
            for (int i = 0; i < ring.size(); i++) {
                PixelPoint a = ring.get(i);
                PixelPoint b = ring.get((i + 1) % ring.size());
                assertThat(CalibratedGeometry.clearanceMm(a, zone, s)).isCloseTo(50, within(1e-9));
                for (int k = 1; k < 8; k++) {
                    PixelPoint m = p(a.x() + k / 8.0 * (b.x() - a.x()), a.y() + k / 8.0 * (b.y() - a.y()));
                    worst = Math.max(worst, 50 - CalibratedGeometry.clearanceMm(m, zone, s));
                }
            }
        }
        assertThat(worst).isLessThanOrEqualTo(0.01 + 0.00125 * 50);
    }

    @Test
    void aMillimetreSpansMorePixelsAlongTheFinerAxis() {
        List<List<PixelPoint>> rings = CalibratedGeometry.marginOutline(SQUARE, 1, ANISO);
        assertThat(rings).hasSize(1);
        List<PixelPoint> ring = rings.get(0);
        // 1 mm is 10 px across and 20 px down
        assertThat(ring.stream().mapToDouble(PixelPoint::x).min().orElseThrow()).isCloseTo(-10, within(1e-9));
        assertThat(ring.stream().mapToDouble(PixelPoint::x).max().orElseThrow()).isCloseTo(30, within(1e-9));
        assertThat(ring.stream().mapToDouble(PixelPoint::y).min().orElseThrow()).isCloseTo(-20, within(1e-9));
        assertThat(ring.stream().mapToDouble(PixelPoint::y).max().orElseThrow()).isCloseTo(40, within(1e-9));
        assertThat(ring.get(0)).isNotEqualTo(ring.get(ring.size() - 1));
    }

    @Test
    void aPocketFartherThanTheMarginIsAHole() {
        // at 0.1 mm per pixel a 0.3 mm margin (3 px) closes the 4 px mouth but not the 32 px pocket
        MmScale s = MmScale.of(0.1, 0.1);
        List<List<PixelPoint>> rings = CalibratedGeometry.marginOutline(POCKET, 0.3, s);
        assertThat(rings).hasSize(2);
        assertOnTheMargin(POCKET, rings, 0.3, s);
        assertContainsTheZone(POCKET, rings);
        PixelPoint middle = p(20, 20);
        assertThat(PolygonShape.of(rings.get(0)).contains(middle)).isTrue();
        assertThat(PolygonShape.of(rings.get(1)).contains(middle)).isTrue();
        assertThat(CalibratedGeometry.clearanceMm(middle, POCKET, s)).isCloseTo(1.6, within(1e-9));
        // a wider margin fills the pocket
        assertThat(CalibratedGeometry.marginOutline(POCKET, 1.7, s)).hasSize(1);
    }

    @Test
    void aZeroMarginIsTheZoneItself() {
        List<List<PixelPoint>> rings = CalibratedGeometry.marginOutline(L_SHAPE, 0, ANISO);
        assertThat(rings).hasSize(1);
        assertThat(rings.get(0)).containsExactlyInAnyOrderElementsOf(L_SHAPE.vertices());
    }
}
