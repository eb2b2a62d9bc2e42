package org.injectionplanner.imagej;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.dicom.UltrasoundRegion;

/**
 * Draws the ultrasound regions of an image as rectangles labelled with their scale; toggled on and
 * off without touching other overlay elements (its rois carry the {@link #MARK} property).
 */
final class RegionOverlay {

    static final String MARK = "injectionplanner.regionOverlay";
    private static final Color SPATIAL = new Color(0, 158, 115);
    private static final Color OTHER = new Color(230, 159, 0);
    private static final Color LABEL_BACKGROUND = new Color(0, 0, 0, 170);

    private RegionOverlay() {
    }

    /** True if the image shows the region overlay now. */
    static boolean isShown(ImagePlus imp) {
        Overlay ov = imp.getOverlay();
        if (ov == null) {
            return false;
        }
        for (Roi r : ov.toArray()) {
            if ("true".equals(r.getProperty(MARK))) {
                return true;
            }
        }
        return false;
    }

    /** Shows the overlay if hidden, hides it if shown; returns true if it is now shown. */
    static boolean toggle(ImagePlus imp, UltrasoundCalibration calibration) {
        Overlay ov = imp.getOverlay();
        if (isShown(imp)) {
            for (Roi r : ov.toArray()) {
                if ("true".equals(r.getProperty(MARK))) {
                    ov.remove(r);
                }
            }
            imp.setOverlay(ov.size() == 0 ? null : ov);
            return false;
        }
        if (ov == null) {
            ov = new Overlay();
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(11, imp.getWidth() / 60));
        for (UltrasoundRegion r : calibration.regions()) {
            if (r.x0() == null || r.y0() == null || r.x1() == null || r.y1() == null) {
                continue;
            }
            Color colour = calibration.isSpatial(r) ? SPATIAL : OTHER;
            Roi rect = new Roi(r.x0(), r.y0(), r.x1() - r.x0() + 1, r.y1() - r.y0() + 1);
            rect.setStrokeColor(colour);
            rect.setStrokeWidth(1.5);
            rect.setProperty(MARK, "true");
            rect.setName("US region " + (r.index() + 1));
            ov.add(rect);
            double above = r.y0() - font.getSize() - 6;
            TextRoi label = new TextRoi(r.x0(), above >= 0 ? above : r.y0() + 2, describe(calibration, r), font);
            label.setStrokeColor(colour);
            label.setFillColor(LABEL_BACKGROUND);
            label.setProperty(MARK, "true");
            ov.add(label);
        }
        imp.setOverlay(ov);
        return true;
    }

    /** e.g. "region 1 · 2D tissue · 0.0890 × 0.0890 mm/px": region {@code r} of {@code calibration}. */
    static String describe(UltrasoundCalibration calibration, UltrasoundRegion r) {
        String scale = calibration.isSpatial(r)
                ? String.format(Locale.ROOT, "%.4f × %.4f mm/px", calibration.mmPerPixelX(r),
                        calibration.mmPerPixelY(r))
                : "no mm scale (units " + units(r.unitsX()) + " × " + units(r.unitsY()) + ")";
        return "region " + (r.index() + 1) + " · " + format(r.spatialFormat()) + " · " + scale;
    }

    private static String format(Integer f) {
        if (f == null) {
            return "?";
        }
        return switch (f) {
            case 1 -> "2D";
            case 2 -> "M-mode";
            case 3 -> "spectral";
            case 4 -> "waveform";
            case 5 -> "graphics";
            default -> "format " + f;
        };
    }

    private static String units(Integer u) {
        if (u == null) {
            return "?";
        }
        return switch (u) {
            case 0 -> "none";
            case 1 -> "%";
            case 2 -> "dB";
            case 3 -> "cm";
            case 4 -> "s";
            case 5 -> "Hz";
            case 6 -> "dB/s";
            case 7 -> "cm/s";
            default -> "code " + u;
        };
    }
}
