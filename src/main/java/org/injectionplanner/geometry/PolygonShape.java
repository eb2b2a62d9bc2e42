package org.injectionplanner.geometry;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * A simple polygon, convex or concave, in image pixel coordinates (origin at the top-left corner of the
 * top-left pixel, x right, y down). The vertices go once around the outline, in either direction; the
 * closing edge from the last vertex back to the first is implied, so the first vertex is not repeated
 * at the end. Edges may not cross or touch each other.
 *
 * @param vertices the corners in order around the outline, in pixels; at least 3
 */
public record PolygonShape(List<PixelPoint> vertices) implements ZoneShape {

    /**
     * @throws NullPointerException if the list or a vertex is null
     * @throws IllegalArgumentException if there are fewer than 3 distinct vertices, a vertex repeats
     *         the one before it (or the last repeats the first), the vertices lie on one line, or edges
     *         cross or touch
     */
    public PolygonShape {
        vertices = List.copyOf(Objects.requireNonNull(vertices, "vertices"));
        validate(vertices);
    }

    /**
     * The polygon with these corners, in pixels, in order around the outline.
     *
     * @throws NullPointerException if the list or a vertex is null
     * @throws IllegalArgumentException if the vertices do not make a simple polygon with an area (see
     *         {@link #PolygonShape(List)})
     */
    public static PolygonShape of(List<PixelPoint> vertices) {
        return new PolygonShape(vertices);
    }

    /**
     * The polygon with these corners, in pixels, in order around the outline.
     *
     * @throws NullPointerException if a vertex is null
     * @throws IllegalArgumentException if the vertices do not make a simple polygon with an area (see
     *         {@link #PolygonShape(List)})
     */
    public static PolygonShape of(PixelPoint... vertices) {
        return new PolygonShape(List.of(vertices));
    }

    @Override
    public PixelBounds bounds() {
        return new PixelBounds(vertices.stream().mapToDouble(PixelPoint::x).min().orElseThrow(),
                vertices.stream().mapToDouble(PixelPoint::y).min().orElseThrow(),
                vertices.stream().mapToDouble(PixelPoint::x).max().orElseThrow(),
                vertices.stream().mapToDouble(PixelPoint::y).max().orElseThrow());
    }

    /** True if the point, in pixels, lies inside the polygon or on an edge. */
    @Override
    public boolean contains(PixelPoint p) {
        Coordinate c = JtsShapes.coordinate(p, 1, 1);
        return RayCrossingCounter.locatePointInRing(c, JtsShapes.closedRing(vertices, 1, 1)) != Location.EXTERIOR;
    }

    /** The vertices, in pixels (the polygon is its own outline). */
    @Override
    public List<PixelPoint> outline() {
        return vertices;
    }

    /** True if the segment touches, crosses or lies inside the polygon (computed in pixel space). */
    boolean intersects(Segment seg) {
        return JtsShapes.polygon(vertices, 1, 1).intersects(JtsShapes.segment(seg, 1, 1));
    }

    private static void validate(List<PixelPoint> vertices) {
        if (vertices.size() < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices, got " + vertices.size());
        }
        for (int i = 0; i < vertices.size(); i++) {
            int next = (i + 1) % vertices.size();
            if (vertices.get(i).equals(vertices.get(next))) {
                throw new IllegalArgumentException("polygon vertices " + i + " and " + next
                        + " are the same point " + format(vertices.get(i))
                        + "; list each corner once and do not repeat the first vertex at the end");
            }
        }
        if (new HashSet<>(vertices).size() < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 distinct vertices, got "
                    + new HashSet<>(vertices).size());
        }
        Coordinate[] ring = JtsShapes.closedRing(vertices, 1, 1);
        if (allOnOneLine(ring)) {
            throw new IllegalArgumentException("the polygon's vertices all lie on one line, so it encloses no area");
        }
        TopologyValidationError error = new IsValidOp(JtsShapes.FACTORY.createPolygon(ring)).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            throw new IllegalArgumentException("the polygon's edges cross or touch each other near ("
                    + at.x + ", " + at.y + "); list the vertices in order once around the outline");
        }
    }

    /** True if every vertex lies on the line through the first vertex and the second. */
    private static boolean allOnOneLine(Coordinate[] ring) {
        for (Coordinate c : ring) {
            if (Orientation.index(ring[0], ring[1], c) != Orientation.COLLINEAR) {
                return false;
            }
        }
        return true;
    }

    private static String format(PixelPoint p) {
        return "(" + p.x() + ", " + p.y() + ")";
    }
}
