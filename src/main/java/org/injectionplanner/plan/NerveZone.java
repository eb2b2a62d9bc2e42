package org.injectionplanner.plan;

import java.util.UUID;
import org.injectionplanner.geometry.ZoneShape;

/**
 * A needle-avoidance zone on a frame: a polygon or ellipse around a nerve, vessel or bone, with a safety
 * margin in mm drawn as an outline offset by that many mm in its region's calibration.
 *
 * @param id stable identity
 * @param number the zone's number in the plan, shown on the image
 * @param kind nerve, vessel, bone or other
 * @param name e.g. "superior cluneal nerve"
 * @param image the frame it was drawn on
 * @param shape the shape in image pixel coordinates
 * @param marginMm the safety margin in mm (≥ 0)
 * @param calibration the calibration of the shape's region
 */
public record NerveZone(UUID id, int number, ZoneKind kind, String name, ImageRef image, ZoneShape shape,
        double marginMm, MeasuredCalibration calibration) {

    public NerveZone {
        if (id == null || kind == null || image == null || shape == null || calibration == null) {
            throw new IllegalArgumentException("a zone needs an id, kind, image, shape and calibration");
        }
        if (!(marginMm >= 0) || !Double.isFinite(marginMm)) {
            throw new IllegalArgumentException("the safety margin must be a finite number of mm ≥ 0, got " + marginMm);
        }
        name = name == null ? "" : PlanText.line(name, "the zone's name");
    }

    /** This zone with a new shape and its calibration. */
    public NerveZone reshaped(ZoneShape newShape, MeasuredCalibration newCalibration) {
        return new NerveZone(id, number, kind, name, image, newShape, marginMm, newCalibration);
    }

    /** This zone with new descriptive fields. */
    public NerveZone describedAs(ZoneKind newKind, String newName, double newMarginMm) {
        return new NerveZone(id, number, newKind, newName, image, shape, newMarginMm, calibration);
    }
}
