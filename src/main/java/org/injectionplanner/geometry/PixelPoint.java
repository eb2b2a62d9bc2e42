package org.injectionplanner.geometry;

/** A point in image pixel coordinates: origin at the top-left corner of the top-left pixel, x right, y down. */
public record PixelPoint(double x, double y) {
}
