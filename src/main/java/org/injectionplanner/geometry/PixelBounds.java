package org.injectionplanner.geometry;

import java.util.List;

/**
 * An axis-aligned rectangle in image pixel coordinates (x right, y down) that holds a shape: its
 * bounding box.
 *
 * @param minX left edge, pixels
 * @param minY top edge, pixels
 * @param maxX right edge, pixels
 * @param maxY bottom edge, pixels
 */
public record PixelBounds(double minX, double minY, double maxX, double maxY) {

    /** The corners, clockwise on screen from the top-left. */
    public List<PixelPoint> corners() {
        return List.of(PixelPoint.of(minX, minY), PixelPoint.of(maxX, minY), PixelPoint.of(maxX, maxY),
                PixelPoint.of(minX, maxY));
    }
}
