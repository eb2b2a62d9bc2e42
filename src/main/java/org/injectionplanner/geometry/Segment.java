package org.injectionplanner.geometry;

import java.util.Objects;

/**
 * A straight line segment between two points in image pixel coordinates (origin at the top-left
 * corner of the top-left pixel, x right, y down), such as a planned needle path. The two ends may
 * coincide; the segment is then a single point.
 *
 * @param from one end, in pixels
 * @param to the other end, in pixels
 */
public record Segment(PixelPoint from, PixelPoint to) {

    /**
     * @throws NullPointerException if an end is null
     */
    public Segment {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * The segment from one pixel point to another.
     *
     * @throws NullPointerException if an end is null
     */
    public static Segment of(PixelPoint from, PixelPoint to) {
        return new Segment(from, to);
    }
}
