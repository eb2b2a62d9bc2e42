package org.injectionplanner.geometry;

import java.util.List;

/** A closed polygon in pixels (vertices not repeated at the end). */
public record PolygonShape(List<PixelPoint> vertices) implements ZoneShape {

    public PolygonShape {
        vertices = List.copyOf(vertices);
    }

    @Override
    public boolean contains(PixelPoint p) {
        boolean inside = false;
        for (int i = 0, j = vertices.size() - 1; i < vertices.size(); j = i++) {
            PixelPoint a = vertices.get(i);
            PixelPoint b = vertices.get(j);
            if ((a.y() > p.y()) != (b.y() > p.y())
                    && p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }

    @Override
    public List<PixelPoint> outline() {
        return vertices;
    }
}
