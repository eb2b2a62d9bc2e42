package org.injectionplanner.plan;

import java.util.Optional;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.geometry.CalibratedGeometry;
import org.injectionplanner.geometry.MmScale;
import org.injectionplanner.geometry.PixelPoint;

/**
 * The calibration an annotation was measured with: mm per pixel and where it came from, or
 * uncalibrated (no mm value is ever guessed).
 *
 * @param source where the scale came from
 * @param mmPerPixelX mm per pixel along x, or null when uncalibrated
 * @param mmPerPixelY mm per pixel along y, or null when uncalibrated
 * @param regionIndex the ultrasound region (0-based item of the sequence), or null
 * @param skinLineY the top row of the region (pixel y of the skin line), or null
 */
public record MeasuredCalibration(Source source, Double mmPerPixelX, Double mmPerPixelY, Integer regionIndex,
        Double skinLineY) {

    /** Where a scale came from. */
    public enum Source { ULTRASOUND_REGION, PIXEL_SPACING, UNCALIBRATED }

    /** No calibration. */
    public static final MeasuredCalibration UNCALIBRATED =
            new MeasuredCalibration(Source.UNCALIBRATED, null, null, null, null);

    /** The calibration found for these points (all must lie in one region). */
    public static MeasuredCalibration of(UltrasoundCalibration cal, double[] xs, double[] ys) {
        Optional<UltrasoundCalibration.Scale> scale = cal.scaleFor(xs, ys);
        if (scale.isEmpty()) {
            return UNCALIBRATED;
        }
        UltrasoundCalibration.Scale s = scale.get();
        if (s.region() != null) {
            return new MeasuredCalibration(Source.ULTRASOUND_REGION, s.mmPerPixelX(), s.mmPerPixelY(),
                    s.region().index(), s.region().y0() == null ? null : s.region().y0().doubleValue());
        }
        return new MeasuredCalibration(Source.PIXEL_SPACING, s.mmPerPixelX(), s.mmPerPixelY(), null, 0.0);
    }

    /** True if mm values can be given. */
    public boolean isCalibrated() {
        return source != Source.UNCALIBRATED;
    }

    /** The scale, if calibrated. */
    public Optional<MmScale> scale() {
        return isCalibrated() ? Optional.of(new MmScale(mmPerPixelX, mmPerPixelY)) : Optional.empty();
    }

    /**
     * The depth in mm of a point (image pixels, y down) below this calibration's skin line
     * ({@link CalibratedGeometry#depthMm}); negative above it; null when uncalibrated, without a skin
     * line, or too large for a double (no depth is certified then). The one place a target's depth is
     * computed.
     */
    public Double depthMm(PixelPoint p) {
        if (!isCalibrated() || skinLineY == null || mmPerPixelX == null || mmPerPixelY == null) {
            return null;
        }
        double depth = CalibratedGeometry.depthMm(p, skinLineY, new MmScale(mmPerPixelX, mmPerPixelY));
        return Double.isFinite(depth) ? depth : null;
    }
}
