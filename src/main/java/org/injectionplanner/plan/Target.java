package org.injectionplanner.plan;

import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;

/**
 * An injection target: a point on a frame, in a catalogued structure.
 *
 * @param id stable identity, kept across the sessions of a course
 * @param number the target's number in the plan (1, 2, ...), shown on the image
 * @param label free text label, e.g. "T1" or "L4/5 supraspinous"; the source of truth for the site
 * @param structureId the catalogue id of the structure
 * @param side the patient's side
 * @param level spinal level, or null where none applies
 * @param image the frame it was placed on
 * @param point position in image pixel coordinates
 * @param depthMm depth below the skin line of its region in mm, or null when uncalibrated or without a skin
 *        line: always {@link MeasuredCalibration#depthMm(PixelPoint) derived} from the point and the
 *        calibration; a value given (e.g. read from a file) must agree with it within
 *        {@link #DEPTH_TOLERANCE_MM}, null stands for "derive it"
 * @param notes free text
 * @param calibration the calibration the depth was measured with
 */
public record Target(UUID id, int number, String label, String structureId, Side side, SpinalLevel level,
        ImageRef image, PixelPoint point, Double depthMm, String notes, MeasuredCalibration calibration) {

    /** How far, mm, a given depth may differ from the derived one (rounding of a file's decimal text). */
    public static final double DEPTH_TOLERANCE_MM = 1e-6;

    public Target {
        if (id == null || image == null || point == null || side == null || calibration == null) {
            throw new IllegalArgumentException("a target needs an id, image, point, side and calibration");
        }
        if (!Double.isFinite(point.x()) || !Double.isFinite(point.y())) {
            throw new IllegalArgumentException("target position must be finite: " + point);
        }
        Double derived = calibration.depthMm(point);
        if (depthMm != null && !(derived != null && Math.abs(depthMm - derived) <= DEPTH_TOLERANCE_MM)) {
            throw new IllegalArgumentException("the target's depth " + depthMm + " mm disagrees with its point and "
                    + "calibration, which give " + (derived == null ? "no depth" : derived + " mm"));
        }
        depthMm = derived;
        label = label == null ? "" : PlanText.line(label, "the target's label");
        notes = notes == null ? "" : PlanText.lines(notes, "the target's notes");
    }

    /** This target moved to a new point with its new calibration (the depth follows from both). */
    public Target movedTo(PixelPoint newPoint, MeasuredCalibration newCalibration) {
        return new Target(id, number, label, structureId, side, level, image, newPoint, null, notes,
                newCalibration);
    }

    /**
     * This target placed on another frame (e.g. today's image for a site copied from an earlier session), at
     * {@code newPoint} measured with {@code newCalibration}.
     */
    public Target placedOn(ImageRef newImage, PixelPoint newPoint, MeasuredCalibration newCalibration) {
        return new Target(id, number, label, structureId, side, level, newImage, newPoint, null, notes,
                newCalibration);
    }

    /** This target with the given descriptive fields. */
    public Target describedAs(String newLabel, String newStructureId, Side newSide, SpinalLevel newLevel,
            String newNotes) {
        return new Target(id, number, newLabel, newStructureId, newSide, newLevel, image, point, null, newNotes,
                calibration);
    }
}
