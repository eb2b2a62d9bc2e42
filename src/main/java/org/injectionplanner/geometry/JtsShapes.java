package org.injectionplanner.geometry;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Conversions between pixel points and JTS geometries. A JTS coordinate is (x · scaleX, y · scaleY)
 * for a pixel point (x, y): scales of 1 give pixel space, an {@link MmScale}'s mm per pixel give the
 * isotropic mm space in which distances and buffers are computed.
 */
final class JtsShapes {

    static final GeometryFactory FACTORY = new GeometryFactory();

    private JtsShapes() {
    }

    static Coordinate coordinate(PixelPoint p, double scaleX, double scaleY) {
        return new Coordinate(p.x() * scaleX, p.y() * scaleY);
    }

    /** The vertices as a closed ring: the first coordinate repeated at the end. */
    static Coordinate[] closedRing(List<PixelPoint> vertices, double scaleX, double scaleY) {
        Coordinate[] ring = new Coordinate[vertices.size() + 1];
        for (int i = 0; i < vertices.size(); i++) {
            ring[i] = coordinate(vertices.get(i), scaleX, scaleY);
        }
        ring[vertices.size()] = ring[0].copy();
        return ring;
    }

    static Polygon polygon(List<PixelPoint> vertices, double scaleX, double scaleY) {
        return FACTORY.createPolygon(closedRing(vertices, scaleX, scaleY));
    }

    static Point point(PixelPoint p, double scaleX, double scaleY) {
        return FACTORY.createPoint(coordinate(p, scaleX, scaleY));
    }

    /** The segment as a line string, or as a point when its ends coincide. */
    static Geometry segment(Segment seg, double scaleX, double scaleY) {
        if (seg.from().equals(seg.to())) {
            return point(seg.from(), scaleX, scaleY);
        }
        return FACTORY.createLineString(new Coordinate[] {
            coordinate(seg.from(), scaleX, scaleY), coordinate(seg.to(), scaleX, scaleY)});
    }

    /** A closed JTS ring in mm mapped back to pixels, each vertex once (the closing repeat dropped). */
    static List<PixelPoint> ringToPixels(LineString ring, MmScale scale) {
        Coordinate[] coords = ring.getCoordinates();
        List<PixelPoint> points = new ArrayList<>(coords.length - 1);
        for (int i = 0; i < coords.length - 1; i++) {
            points.add(new PixelPoint(coords[i].x / scale.mmPerPixelX(), coords[i].y / scale.mmPerPixelY()));
        }
        return List.copyOf(points);
    }
}
