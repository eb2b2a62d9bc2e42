package org.injectionplanner.geometry;

/** Millimetres per pixel along x (columns) and y (rows); positive and finite. */
public record MmScale(double mmPerPixelX, double mmPerPixelY) {
}
