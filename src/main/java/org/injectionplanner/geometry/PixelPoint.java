package org.injectionplanner.geometry;

/**
 * A point in image pixel coordinates: doubles with the origin at the top-left corner of the top-left
 * pixel, x to the right, y down (ImageJ's sub-pixel convention, docs/design.md §3). The centre of pixel
 * (column 0, row 0) is (0.5, 0.5).
 *
 * @param x pixels to the right of the image's left edge
 * @param y pixels below the image's top edge
 */
public record PixelPoint(double x, double y) {

    /**
     * @throws IllegalArgumentException if a coordinate is NaN or infinite
     */
    public PixelPoint {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("pixel coordinates must be finite numbers, got (" + x + ", "
                    + y + ")");
        }
    }

    /**
     * The point (x, y) in pixels.
     *
     * @throws IllegalArgumentException if a coordinate is NaN or infinite
     */
    public static PixelPoint of(double x, double y) {
        return new PixelPoint(x, y);
    }
}
