package org.injectionplanner.geometry;

import java.util.ArrayList;
import java.util.List;

/** An ellipse in pixels: radii along its own axes, rotated by angleDeg. */
public record EllipseShape(PixelPoint centre, double radiusX, double radiusY, double angleDeg) implements ZoneShape {

    @Override
    public boolean contains(PixelPoint p) {
        double a = Math.toRadians(angleDeg);
        double dx = p.x() - centre.x();
        double dy = p.y() - centre.y();
        double u = dx * Math.cos(a) + dy * Math.sin(a);
        double v = -dx * Math.sin(a) + dy * Math.cos(a);
        return (u * u) / (radiusX * radiusX) + (v * v) / (radiusY * radiusY) <= 1;
    }

    @Override
    public List<PixelPoint> outline() {
        List<PixelPoint> out = new ArrayList<>();
        double a = Math.toRadians(angleDeg);
        for (int i = 0; i < 128; i++) {
            double t = 2 * Math.PI * i / 128;
            double u = radiusX * Math.cos(t);
            double v = radiusY * Math.sin(t);
            out.add(new PixelPoint(centre.x() + u * Math.cos(a) - v * Math.sin(a),
                    centre.y() + u * Math.sin(a) + v * Math.cos(a)));
        }
        return out;
    }
}
