package org.injectionplanner.geometry;

import java.util.List;

/** The shape of a zone in image pixel coordinates. */
public sealed interface ZoneShape permits PolygonShape, EllipseShape {

    /** True if the point lies inside or on the boundary. */
    boolean contains(PixelPoint p);

    /** A closed polygon approximating the shape, in pixels. */
    List<PixelPoint> outline();
}
