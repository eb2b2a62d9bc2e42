package org.injectionplanner.dicom;

import java.util.Locale;

/**
 * The range of mm per pixel taken as a calibration, inclusive: a region's or Pixel Spacing's scale outside it
 * is no scale, and the image, or that region, stays uncalibrated with the reason (docs/safety.md §2). A clinic
 * may set its own range (clinic settings, {@code plausibleMmPerPixel}); {@link #DEFAULT} is the sourced one.
 *
 * @param minMmPerPixel the smallest mm per pixel taken, &gt; 0
 * @param maxMmPerPixel the largest mm per pixel taken, &gt; {@code minMmPerPixel}
 */
public record PlausibleScale(double minMmPerPixel, double maxMmPerPixel) {

    /**
     * 0.005 mm (5 µm, below the finest pixel of 50 MHz ultrasound biomicroscopy) to 5 mm (a 30 cm deep image
     * only 60 pixels high) per pixel: every diagnostic ultrasound image, nothing that overflows or underflows
     * the geometry. docs/safety.md §2 gives the sources.
     */
    public static final PlausibleScale DEFAULT = new PlausibleScale(0.005, 5);

    /** @throws IllegalArgumentException unless 0 &lt; min &lt; max, both finite */
    public PlausibleScale {
        if (!(minMmPerPixel > 0) || !Double.isFinite(maxMmPerPixel) || !(minMmPerPixel < maxMmPerPixel)) {
            throw new IllegalArgumentException("the plausible mm per pixel must be a range of two positive finite "
                    + "numbers, the smaller first; got " + minMmPerPixel + " to " + maxMmPerPixel);
        }
    }

    /** True if {@code mm} per pixel lies in the range. */
    public boolean contains(double mm) {
        return mm >= minMmPerPixel && mm <= maxMmPerPixel;
    }

    /** The range in words, e.g. "0.005 to 5.0 mm per pixel". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s to %s mm per pixel", minMmPerPixel, maxMmPerPixel);
    }
}
