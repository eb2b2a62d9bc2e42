package org.injectionplanner.imagej;

import ij.measure.Calibration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.injectionplanner.dicom.FrameTiming;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.dicom.UltrasoundRegion;

/**
 * Sets ImageJ's Calibration from an ultrasound image: mm per pixel from the 2D region in cm that holds
 * the image data (the largest), Pixel Spacing when there are no regions, frame interval from the cine
 * timing. ImageJ has one scale per image; where the regions disagree, {@link #of} says so and the
 * plugin's own measurements use per-region calibration.
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
        List<UltrasoundRegion> spatial = us.spatialRegions();
        if (!spatial.isEmpty()) {
            UltrasoundRegion main = spatial.stream().max(Comparator.comparingDouble(ImageCalibrations::area)).get();
            cal.pixelWidth = main.mmPerPixelX();
            cal.pixelHeight = main.mmPerPixelY();
            cal.setUnit("mm");
            boolean disagree = spatial.stream().anyMatch(r -> !sameScale(r, main));
            String description = String.format(Locale.ROOT,
                    "calibrated from ultrasound region %d: %.5f × %.5f mm/pixel (x × y)", main.index() + 1,
                    main.mmPerPixelX(), main.mmPerPixelY());
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
        if (us.pixelSpacingRowMm() != null) {
            cal.pixelWidth = us.pixelSpacingColumnMm();
            cal.pixelHeight = us.pixelSpacingRowMm();
            cal.setUnit("mm");
            return new Result(cal, null, String.format(Locale.ROOT,
                    "calibrated from Pixel Spacing: %.5f × %.5f mm/pixel (x × y)", cal.pixelWidth, cal.pixelHeight),
                    false);
        }
        return new Result(cal, null, "uncalibrated: no ultrasound regions and no Pixel Spacing", false);
    }

    private static double area(UltrasoundRegion r) {
        if (r.x0() == null || r.x1() == null || r.y0() == null || r.y1() == null) {
            return 0;
        }
        return (double) (r.x1() - r.x0() + 1) * (r.y1() - r.y0() + 1);
    }

    private static boolean sameScale(UltrasoundRegion a, UltrasoundRegion b) {
        return Math.abs(a.mmPerPixelX() - b.mmPerPixelX()) <= 1e-9 * b.mmPerPixelX()
                && Math.abs(a.mmPerPixelY() - b.mmPerPixelY()) <= 1e-9 * b.mmPerPixelY();
    }
}
