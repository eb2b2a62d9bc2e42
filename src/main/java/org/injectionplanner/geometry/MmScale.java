package org.injectionplanner.geometry;

import java.util.Objects;
import org.injectionplanner.dicom.UltrasoundCalibration;

/**
 * How many millimetres one pixel spans along each image axis. The two may differ: a point (x, y) in
 * pixels lies at (x · mmPerPixelX, y · mmPerPixelY) in millimetres.
 *
 * @param mmPerPixelX mm per pixel along x (columns), positive and finite
 * @param mmPerPixelY mm per pixel along y (rows), positive and finite
 */
public record MmScale(double mmPerPixelX, double mmPerPixelY) {

    /**
     * @throws IllegalArgumentException if a value is not positive and finite
     */
    public MmScale {
        requirePositive("mmPerPixelX", mmPerPixelX);
        requirePositive("mmPerPixelY", mmPerPixelY);
    }

    /**
     * The scale with these mm per pixel along x and y.
     *
     * @throws IllegalArgumentException if a value is not positive and finite
     */
    public static MmScale of(double mmPerPixelX, double mmPerPixelY) {
        return new MmScale(mmPerPixelX, mmPerPixelY);
    }

    /**
     * The mm per pixel of a calibration scale (an ultrasound region's |Physical Delta| × 10, or Pixel
     * Spacing).
     *
     * @throws IllegalArgumentException if a value is not positive and finite
     */
    public static MmScale of(UltrasoundCalibration.Scale scale) {
        Objects.requireNonNull(scale, "scale");
        return new MmScale(scale.mmPerPixelX(), scale.mmPerPixelY());
    }

    /** The larger of the two mm per pixel values. */
    double maxMmPerPixel() {
        return Math.max(mmPerPixelX, mmPerPixelY);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number of mm per pixel, got "
                    + value);
        }
    }
}
