package org.injectionplanner.imagej.gui;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the plan's overlay elements of the current image that show on one slice, for a GUI scenario to
 * print (macro: {@code call("org.injectionplanner.imagej.gui.OverlayProbe.onSlice", "3")}). One line per
 * element: {@code text|guide|mark  x y w h  fill  name-or-text}.
 */
public final class OverlayProbe {

    private static final String MARK = "injectionplanner.plan";
    private static final String PROP_ID = "injectionplanner.id";
    private static final String READOUT = "injectionplanner.readout";

    private OverlayProbe() {
    }

    /** The plan's elements showing on slice {@code slice} (1-based) of the current image. */
    public static String onSlice(String slice) {
        int s = Integer.parseInt(slice);
        ImagePlus imp = WindowManager.getCurrentImage();
        Overlay ov = imp == null ? null : imp.getOverlay();
        List<String> lines = new ArrayList<>();
        lines.add("image " + (imp == null ? 0 : imp.getWidth()) + " " + (imp == null ? 0 : imp.getHeight()));
        if (ov != null) {
            for (Roi r : ov.toArray()) {
                if (!"true".equals(r.getProperty(MARK)) || !showsOn(r, s)) {
                    continue;
                }
                Rectangle2D b = r instanceof TextRoi t
                        ? new Rectangle2D.Double(t.getXBase(), t.getYBase(), t.getFloatWidth(), t.getFloatHeight())
                        : r.getFloatBounds();
                String kind = r instanceof TextRoi ? "text" : r.getProperty(PROP_ID) == null ? "guide" : "mark";
                String what = r instanceof TextRoi t ? t.getText().strip() : r.getTypeAsString();
                lines.add(String.format(Locale.ROOT, "%s %.2f %.2f %.2f %.2f %s %s|%s|%s", kind, b.getX(), b.getY(),
                        b.getWidth(), b.getHeight(), hex(r.getFillColor()), r.getProperty(PROP_ID) == null ? "-" : "id",
                        r.getName() == null ? "" : r.getName(), what));
            }
        }
        return String.join("\n", lines);
    }

    /**
     * The drag readout on the current image, as the canvas shows it: {@code "x y w h canvasWidth canvasHeight"} in
     * canvas pixels, then its text's lines; "none" when it shows none.
     */
    public static String readout() {
        ImagePlus imp = WindowManager.getCurrentImage();
        Overlay ov = imp == null ? null : imp.getOverlay();
        for (Roi r : ov == null ? new Roi[0] : ov.toArray()) {
            if (r.getProperty(READOUT) != null && r instanceof TextRoi t) {
                ImageCanvas c = imp.getCanvas();
                double x = c.screenXD(t.getXBase());
                double y = c.screenYD(t.getYBase());
                double w = t.getFloatWidth() * c.getMagnification();
                double h = t.getFloatHeight() * c.getMagnification();
                return String.format(Locale.ROOT, "%.2f %.2f %.2f %.2f %d %d%n%s", x, y, w, h, c.getWidth(),
                        c.getHeight(), t.getText().strip());
            }
        }
        return "none";
    }

    private static boolean showsOn(Roi r, int slice) {
        int p = r.getPosition();
        int t = r.getTPosition();
        return p == slice || t == slice || (p == 0 && t == 0);
    }

    private static String hex(Color c) {
        return c == null ? "none" : String.format(Locale.ROOT, "%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
