package org.injectionplanner.imagej;

import ij.measure.Calibration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.injectionplanner.dicom.FrameTiming;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.dicom.UltrasoundRegion;

/**
 * Sets ImageJ's Calibration from an ultrasound image: mm per pixel from the region that holds the image
 * ({@link UltrasoundCalibration#imageRegion()}), Pixel Spacing when there are no regions, frame interval from the
 * cine timing. ImageJ has one scale per image; where the regions disagree, {@link #of} says so and the plugin's own
 * measurements use per-region calibration.
 */
final class ImageCalibrations {

    /**
     * The calibration chosen and what to tell the user.
     *
     * @param calibration the ImageJ calibration
     * @param region the region it came from, or null
     * @param description a line for Image>Show Info and the status bar
     * @param regionsDisagree true if spatial regions have different scales
     */
    record Result(Calibration calibration, UltrasoundRegion region, String description, boolean regionsDisagree) {
    }

    private ImageCalibrations() {
    }

    static Result of(UltrasoundCalibration us, FrameTiming timing, boolean signed16) {
        Calibration cal = new Calibration();
        if (signed16) {
            cal.setSigned16BitCalibration();
        }
        if (timing.frameTimeMs() != null) {
            cal.frameInterval = timing.frameTimeMs() / 1000.0;
            cal.fps = timing.framesPerSecond();
            cal.setTimeUnit("s");
        }
        Optional<UltrasoundRegion> imageRegion = us.imageRegion();
        if (imageRegion.isPresent()) {
            UltrasoundRegion main = imageRegion.get();
            cal.pixelWidth = us.mmPerPixelX(main);
            cal.pixelHeight = us.mmPerPixelY(main);
            cal.setUnit("mm");
            boolean disagree = us.spatialScalesDiffer();
            String description = String.format(Locale.ROOT,
                    "calibrated from ultrasound region %d: %.5f × %.5f mm/pixel (x × y)", main.index() + 1,
                    cal.pixelWidth, cal.pixelHeight);
            if (main.y0() != null) {
                // ImageJ's y (status bar, measurements) then reads as the depth below the skin line, as the plan's
                cal.yOrigin = main.y0();
                description += "; y is the depth below the skin line (row " + main.y0() + ")";
            }
            if (disagree) {
                description += "; WARNING: the image's ultrasound regions differ in scale, so ImageJ's single"
                        + " calibration is only right inside region " + (main.index() + 1)
                        + " (Injection Planner measures in each region's own scale)";
            }
            return new Result(cal, main, description, disagree);
        }
        if (!us.regions().isEmpty()) {
            List<String> problems = us.problems();
            return new Result(cal, null, "uncalibrated: the ultrasound regions give no scale in cm"
                    + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")"), false);
        }
        Optional<double[]> spacing = us.pixelSpacing();
        if (spacing.isPresent()) {
            cal.pixelWidth = spacing.get()[1];
            cal.pixelHeight = spacing.get()[0];
            cal.setUnit("mm");
            return new Result(cal, null, String.format(Locale.ROOT,
                    "calibrated from Pixel Spacing: %.5f × %.5f mm/pixel (x × y)", cal.pixelWidth, cal.pixelHeight),
                    false);
        }
        return new Result(cal, null, "uncalibrated: no ultrasound regions and no Pixel Spacing", false);
    }
}
