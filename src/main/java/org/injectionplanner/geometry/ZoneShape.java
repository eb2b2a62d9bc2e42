package org.injectionplanner.geometry;

import java.util.List;

/**
 * The shape of an area on an image, such as a nerve-avoidance zone, in image pixel coordinates
 * (origin at the top-left corner of the top-left pixel, x right, y down). A shape is a closed set:
 * its boundary belongs to it.
 */
public sealed interface ZoneShape permits PolygonShape, EllipseShape {

    /**
     * True if the point, in pixels, lies inside the shape or on its boundary. Points within rounding
     * error of the boundary may go either way.
     */
    boolean contains(PixelPoint p);

    /**
     * The shape's boundary as a closed polygon in pixels: each vertex once, the closing edge from the
     * last vertex back to the first implied.
     */
    List<PixelPoint> outline();

    /** The smallest axis-aligned rectangle, in pixels, that holds the whole shape. */
    PixelBounds bounds();
}
