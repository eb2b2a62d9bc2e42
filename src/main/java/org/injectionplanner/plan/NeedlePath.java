package org.injectionplanner.plan;

import java.util.Optional;
import org.injectionplanner.geometry.CalibratedGeometry;
import org.injectionplanner.geometry.MmScale;
import org.injectionplanner.geometry.PixelPoint;

/**
 * A planned straight needle path from a skin entry point to its injection's target, on the target's
 * frame. The target end is the target's point, so moving the target moves the path's tip.
 *
 * @param entry the skin entry point in image pixel coordinates (docs/design.md §3)
 * @param entryCalibration the calibration measured at the entry point; the path has mm values only
 *        where it equals the target's calibration (both ends in one region)
 */
public record NeedlePath(PixelPoint entry, MeasuredCalibration entryCalibration) {

    public NeedlePath {
        if (entry == null || entryCalibration == null) {
            throw new IllegalArgumentException("a needle path needs an entry point and its calibration");
        }
        if (!Double.isFinite(entry.x()) || !Double.isFinite(entry.y())) {
            throw new IllegalArgumentException("entry point must be finite: " + entry);
        }
    }

    /**
     * The path's mm measurements to its target, or empty when they cannot be certified: the target or the
     * entry is uncalibrated, or the two lie in different regions (docs/design.md §3).
     */
    public Optional<Measurement> measure(Target target) {
        if (!entryCalibration.isCalibrated() || !entryCalibration.equals(target.calibration())) {
            return Optional.empty();
        }
        MmScale s = entryCalibration.scale().orElseThrow();
        PixelPoint tip = target.point();
        double dxMm = Math.abs(tip.x() - entry.x()) * s.mmPerPixelX();
        double dyMm = Math.abs(tip.y() - entry.y()) * s.mmPerPixelY();
        double angle = dxMm == 0 && dyMm == 0 ? 0 : Math.toDegrees(Math.atan2(dyMm, dxMm));
        return Optional.of(new Measurement(CalibratedGeometry.distanceMm(entry, tip, s), target.depthMm(), angle));
    }

    /**
     * A needle path in mm.
     *
     * @param lengthMm straight length from the entry to the target, mm
     * @param targetDepthMm depth of the target below the skin line of its region, mm, or null where the
     *        region has no skin line
     * @param angleDeg insertion angle against the transducer face (the image's horizontal): 0° parallel
     *        to the face, 90° straight down the beam
     */
    public record Measurement(double lengthMm, Double targetDepthMm, double angleDeg) {
    }
}
