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
 * @param imageEdgeX for an in-plane entry beyond the end of a linear probe ({@link OffImageEntry}), the pixel x
 *        of the region's side edge the path enters the image at (the region's x0, or x1 + 1); the entry then
 *        lies outside the image, on the skin line, and {@code entryCalibration} is the region's calibration
 *        extrapolated; null for an entry on the image
 */
public record NeedlePath(PixelPoint entry, MeasuredCalibration entryCalibration, Double imageEdgeX) {

    public NeedlePath {
        if (entry == null || entryCalibration == null) {
            throw new IllegalArgumentException("a needle path needs an entry point and its calibration");
        }
        if (!Double.isFinite(entry.x()) || !Double.isFinite(entry.y())) {
            throw new IllegalArgumentException("entry point must be finite: " + entry);
        }
        if (imageEdgeX != null && !(Double.isFinite(imageEdgeX) && entry.x() != imageEdgeX)) {
            throw new IllegalArgumentException("an off-image entry needs a finite image edge beside it, got "
                    + imageEdgeX + " for an entry at x " + entry.x());
        }
    }

    /** A path whose entry is on the image. */
    public NeedlePath(PixelPoint entry, MeasuredCalibration entryCalibration) {
        this(entry, entryCalibration, null);
    }

    /** True if the entry lies beyond the image's edge (an extrapolated in-plane entry). */
    public boolean offImage() {
        return imageEdgeX != null;
    }

    /**
     * Where the path from the entry to {@code tip} enters the image: the point on the image edge
     * ({@link #imageEdgeX}), or the entry itself when it is on the image or the tip lies on the entry's side of
     * the edge. Pixel coordinates.
     */
    public PixelPoint imageEntry(PixelPoint tip) {
        if (imageEdgeX == null || (tip.x() - imageEdgeX) * (entry.x() - imageEdgeX) >= 0) {
            return entry;
        }
        double t = (imageEdgeX - entry.x()) / (tip.x() - entry.x());
        return new PixelPoint(imageEdgeX, entry.y() + t * (tip.y() - entry.y()));
    }

    /**
     * The path's mm measurements to its target, or empty when they cannot be certified: the target or the
     * entry is uncalibrated, or the two lie in different regions (docs/design.md §3).
     */
    public Optional<Measurement> measure(Target target) {
        return measure(target.point(), target.calibration());
    }

    /**
     * The path's mm measurements to a tip that is not (yet) a target, e.g. the mouse while a path is dragged:
     * as {@link #measure(Target)} for a target at {@code tip} (pixel coordinates) in {@code tipCalibration}.
     */
    public Optional<Measurement> measure(PixelPoint tip, MeasuredCalibration tipCalibration) {
        if (!entryCalibration.isCalibrated() || !entryCalibration.equals(tipCalibration)) {
            return Optional.empty();
        }
        MmScale s = entryCalibration.scale().orElseThrow();
        double dxMm = Math.abs(tip.x() - entry.x()) * s.mmPerPixelX();
        double dyMm = Math.abs(tip.y() - entry.y()) * s.mmPerPixelY();
        double angle = dxMm == 0 && dyMm == 0 ? 0 : Math.toDegrees(Math.atan2(dyMm, dxMm));
        double length = CalibratedGeometry.distanceMm(entry, tip, s);
        Double entryDepth = entryCalibration.depthMm(entry);
        Double tipDepth = tipCalibration.depthMm(tip);
        double skinLength = length;
        if (entryDepth != null && tipDepth != null && entryDepth > 0 && tipDepth > entryDepth) {
            // the line through the tip and the entry meets the skin line (depth 0) beyond the entry, at the
            // fraction tipDepth / (tipDepth − entryDepth) of the tip-to-entry length
            skinLength = length * tipDepth / (tipDepth - entryDepth);
        }
        double offImage = CalibratedGeometry.distanceMm(entry, imageEntry(tip), s);
        return Optional.of(new Measurement(length, tipDepth, angle, entryDepth, skinLength, offImage));
    }

    /**
     * A needle path in mm.
     *
     * @param lengthMm straight length from the entry to the target, mm
     * @param targetDepthMm depth of the target below the skin line of its region, mm, or null where the
     *        region has no skin line
     * @param angleDeg insertion angle against the transducer face (the image's horizontal): 0° parallel
     *        to the face, 90° straight down the beam
     * @param entryDepthMm depth of the entry point below the skin line, mm (negative above it), or null
     *        where the region has no skin line
     * @param skinLengthMm the needle inside the body: from where the path, extended beyond an entry
     *        below the skin line, crosses the skin line to the target, mm; {@code lengthMm} where the entry
     *        is on or above the skin line, or the path does not rise towards it
     * @param offImageMm the part of the path outside the image, from an entry beyond the probe's end to the image
     *        edge, mm (0 for an entry on the image): no zone can be drawn, so none is checked, along it
     */
    public record Measurement(double lengthMm, Double targetDepthMm, double angleDeg, Double entryDepthMm,
            double skinLengthMm, double offImageMm) {
    }
}
