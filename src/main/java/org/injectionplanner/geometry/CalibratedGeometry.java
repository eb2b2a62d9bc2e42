package org.injectionplanner.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * Distances, clearances and safety margins in millimetres between shapes given in image pixel
 * coordinates (origin at the top-left corner of the top-left pixel, x right, y down).
 *
 * <p>Pixels may be anisotropic (mm per pixel differs between x and y), so every mm computation maps the
 * pixel coordinates into an isotropic mm space, (x, y) → (x · mmPerPixelX, y · mmPerPixelY), computes
 * there with JTS, and maps results back to pixels. A circle in mm is then correctly an axis-aligned
 * ellipse in pixels. Containment and crossing are affine-invariant and are decided in pixel space
 * (exactly, from its equation, for an ellipse).
 *
 * <p>Distances to an ellipse are measured to an inscribed polygon within 0.001 mm of it: a clearance
 * from an ellipse is exact or up to 0.001 mm too large, never too small.
 */
public final class CalibratedGeometry {

    /** Greatest distance, in mm, between the polygon an ellipse is measured through and the ellipse. */
    static final double ELLIPSE_TOLERANCE_MM = 0.001;
    /** Greatest distance, in mm, between a margin outline's arcs and their chords. */
    static final double ARC_TOLERANCE_MM = 0.01;
    private static final int MIN_QUADRANT_SEGMENTS = 8;
    private static final int MAX_QUADRANT_SEGMENTS = 1024;

    private CalibratedGeometry() {
    }

    /** The distance in mm between two points given in pixels. */
    public static double distanceMm(PixelPoint a, PixelPoint b, MmScale s) {
        return Math.hypot((b.x() - a.x()) * s.mmPerPixelX(), (b.y() - a.y()) * s.mmPerPixelY());
    }

    /**
     * The clearance in mm of a point (in pixels) from a zone: 0 when the point lies inside the zone or
     * on its boundary, else the shortest distance in mm from the point to the zone.
     */
    public static double clearanceMm(PixelPoint p, ZoneShape zone, MmScale s) {
        if (zone.contains(p)) {
            return 0;
        }
        return inMm(zone, s).distance(JtsShapes.point(p, s.mmPerPixelX(), s.mmPerPixelY()));
    }

    /**
     * The clearance in mm of a segment (in pixels), such as a needle path, from a zone: 0 when the
     * segment touches or crosses the zone or lies inside it ({@link #crosses}), else the shortest
     * distance in mm between the segment and the zone.
     */
    public static double clearanceMm(Segment seg, ZoneShape zone, MmScale s) {
        if (crosses(seg, zone)) {
            return 0;
        }
        return inMm(zone, s).distance(JtsShapes.segment(seg, s.mmPerPixelX(), s.mmPerPixelY()));
    }

    /**
     * A lower bound, in mm, of {@link #clearanceMm(Segment, ZoneShape, MmScale)}: the clearance of the
     * segment (in pixels; a point when its ends coincide) from the zone's bounding box, which holds the
     * zone. A few operations whatever the zone: for passing over zones too far away to matter.
     */
    public static double boundsClearanceMm(Segment seg, ZoneShape zone, MmScale s) {
        Polygon box = JtsShapes.polygon(zone.bounds().corners(), s.mmPerPixelX(), s.mmPerPixelY());
        return box.distance(JtsShapes.segment(seg, s.mmPerPixelX(), s.mmPerPixelY()));
    }

    /**
     * True if the segment (in pixels) has any point in common with the zone: it touches the boundary,
     * crosses the zone, or lies inside it. Needs no scale: this does not depend on the pixels' size.
     */
    public static boolean crosses(Segment seg, ZoneShape zone) {
        Objects.requireNonNull(seg, "seg");
        if (zone instanceof PolygonShape polygon) {
            return polygon.intersects(seg);
        }
        return ((EllipseShape) Objects.requireNonNull(zone, "zone")).intersects(seg);
    }

    /**
     * The outline, in pixels, of all points within marginMm of the zone: the Minkowski sum of the zone
     * with a disc of radius marginMm, computed in mm and mapped back to pixels (with unequal mm per
     * pixel the disc is an ellipse in pixels). Each ring lists its vertices once, the closing edge
     * implied. Every vertex lies marginMm from the zone; between vertices the outline cuts inside the
     * exact one by at most:
     * <ul>
     * <li>an ellipse: 0.01 mm (for offset curves whose radius of curvature stays under 2 km). Its
     * offset curve is computed directly from the ellipse's equation, not by buffering a polygon.
     * <li>a polygon: 0.02 mm up to margins of 8 mm, and 0.01 mm + 0.00125 × marginMm beyond. The
     * polygon is buffered by JTS with enough quadrant segments that its arcs are within 0.01 mm; but
     * JTS 1.20 leaves out the rounded corner at a vertex whose edges turn by less than about 3° (its
     * offset segment separation factor of 0.05), replacing an arc of up to about 0.1 rad by a chord.
     * </ul>
     *
     * <p>The first ring is the exterior (a zone is connected, so its margin has one). Any further rings
     * are holes: pockets that the margin encloses but that are farther than marginMm from the zone, as
     * inside a U-shaped zone whose mouth is narrower than twice the margin. They are kept because
     * leaving them out would draw those pockets as lying within the margin. A convex zone never has
     * holes.
     *
     * @param marginMm the margin in mm, ≥ 0 and finite; 0 gives the zone's own outline (for an
     *        ellipse, a polygon inscribed within 0.01 mm)
     * @throws IllegalArgumentException if marginMm is negative, NaN or infinite
     */
    public static List<List<PixelPoint>> marginOutline(ZoneShape zone, double marginMm, MmScale s) {
        if (!(marginMm >= 0) || !Double.isFinite(marginMm)) {
            throw new IllegalArgumentException("marginMm must be a finite number of mm ≥ 0, got " + marginMm);
        }
        if (zone instanceof EllipseShape ellipse) {
            return List.of(ellipse.marginOutline(marginMm, s, ARC_TOLERANCE_MM));
        }
        BufferParameters parameters = new BufferParameters(quadrantSegments(marginMm));
        parameters.setSimplifyFactor(0);
        Geometry buffer = BufferOp.bufferOp(inMm(zone, s), marginMm, parameters);
        List<List<PixelPoint>> exteriors = new ArrayList<>();
        List<List<PixelPoint>> holes = new ArrayList<>();
        for (int i = 0; i < buffer.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) buffer.getGeometryN(i);
            exteriors.add(JtsShapes.ringToPixels(polygon.getExteriorRing(), s));
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                holes.add(JtsShapes.ringToPixels(polygon.getInteriorRingN(h), s));
            }
        }
        exteriors.addAll(holes);
        return List.copyOf(exteriors);
    }

    /**
     * The depth in mm of a point (in pixels) below a horizontal skin line at row coordinate skinLineY
     * (pixels, y down): (p.y − skinLineY) · mmPerPixelY; negative above the skin line.
     *
     * @throws IllegalArgumentException if skinLineY is NaN or infinite
     */
    public static double depthMm(PixelPoint p, double skinLineY, MmScale s) {
        if (!Double.isFinite(skinLineY)) {
            throw new IllegalArgumentException("skinLineY must be a finite pixel coordinate, got " + skinLineY);
        }
        return (p.y() - skinLineY) * s.mmPerPixelY();
    }

    /**
     * The mm scale for a measurement through these points (in pixels): that of the ultrasound region
     * containing all of them, or Pixel Spacing when the image has no regions. Empty when the points lie
     * in different regions or in none: the measurement is uncalibrated (docs/design.md §3).
     *
     * @throws IllegalArgumentException if there are no points
     */
    public static Optional<MmScale> scaleFor(UltrasoundCalibration cal, List<PixelPoint> points) {
        Objects.requireNonNull(cal, "cal");
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a measurement needs at least one point to find its scale");
        }
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = points.get(i).x();
            ys[i] = points.get(i).y();
        }
        return cal.scaleFor(xs, ys).map(MmScale::of);
    }

    /** The zone as a JTS polygon in mm space. */
    private static Polygon inMm(ZoneShape zone, MmScale s) {
        List<PixelPoint> vertices = zone instanceof EllipseShape ellipse
                ? ellipse.pointsWithin(ELLIPSE_TOLERANCE_MM, s) : zone.outline();
        return JtsShapes.polygon(vertices, s.mmPerPixelX(), s.mmPerPixelY());
    }

    /**
     * Quadrant segments for which every chord of a buffer arc of radius marginMm stays within
     * ARC_TOLERANCE_MM of the arc. JTS rounds a fillet to a whole number of chords, so one chord may
     * span up to 1.5 angle quanta (π / 2 / quadrantSegments); a chord spanning angle θ deviates by
     * marginMm · (1 − cos(θ / 2)). The cap keeps the vertex count bounded; it is reached at margins
     * of about 15 m.
     */
    private static int quadrantSegments(double marginMm) {
        if (marginMm <= ARC_TOLERANCE_MM) {
            return MIN_QUADRANT_SEGMENTS;
        }
        double maxHalfAngle = Math.acos(1 - ARC_TOLERANCE_MM / marginMm);
        double segments = Math.ceil(1.5 * Math.PI / 4 / maxHalfAngle);
        return (int) Math.max(MIN_QUADRANT_SEGMENTS, Math.min(MAX_QUADRANT_SEGMENTS, segments));
    }
}
