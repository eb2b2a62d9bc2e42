package org.injectionplanner.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.MeasuredCalibration;

/**
 * The guides of a frame, the same on every frame of an image but for the cine strip's current frame: a
 * depth ruler along the right edge (mm below the skin line, numbered), a scale bar at the bottom left, the
 * patient-side markers at the top corners with, on a transverse image, a tick and "midline" at the top edge
 * where the patient's midline is taken to lie, the cine's frame strip along the bottom, or a "not calibrated"
 * note. Image pixel coordinates; each guide's box is kept free of labels.
 */
final class FrameGuides {

    /** The scale bar's lengths in mm to choose from: the longest no longer than a fifth of the image is used. */
    private static final double[] BAR_MM = {1, 2, 5, 10, 20, 50, 100};
    /** The ruler's numbered steps in mm to choose from: the shortest at least two label heights apart. */
    private static final double[] RULER_MM = {5, 10, 20, 50, 100};
    /** The scale bar's distance from the image's left and bottom edges (above the strip), pixels. */
    static final double BAR_INSET = 10;
    /** The scale bar's thickness, pixels. */
    static final double BAR_THICKNESS = 4;
    /** The ruler's long and short ticks, pixels; the shortest spacing of short ticks. */
    private static final double MAJOR_TICK = 8;
    private static final double MINOR_TICK = 4;
    private static final double MIN_MINOR_SPACING = 5;
    /** The frame strip's height and its distance from the bottom edge, pixels. */
    static final double STRIP_HEIGHT = 6;
    private static final double STRIP_INSET = 2;
    /** The current frame's pointer above the strip: its height, pixels. */
    private static final double POINTER = 5;
    /** The midline tick's length down from the top edge, pixels. */
    static final double MIDLINE_TICK = 10;
    /** The text under the midline tick. */
    static final String MIDLINE = "midline";

    final List<PlanScene.Mark> marks = new ArrayList<>();
    PlanScene.ScaleBar scaleBar;

    private final PlanStyle style;
    private final LabelMetrics metrics;
    private final LabelLayout layout;
    private final int width;
    private final int height;

    private FrameGuides(PlanStyle style, LabelMetrics metrics, LabelLayout layout, int width, int height) {
        this.style = style;
        this.metrics = metrics;
        this.layout = layout;
        this.width = width;
        this.height = height;
    }

    /**
     * The guides of a frame {@code width} × {@code height} in {@code calibration} (null: not known, no ruler
     * and no note; uncalibrated: the note). Their texts keep off what {@code layout} already holds (the
     * markers): a ruler number that would cover one is left out, a side marker moves down, the scale bar's
     * length or the note up; every guide is then kept free of labels in {@code layout}.
     */
    static FrameGuides of(PlanStyle style, LabelMetrics metrics, LabelLayout layout, int width, int height,
            MeasuredCalibration calibration, SceneOptions options) {
        FrameGuides g = new FrameGuides(style, metrics, layout, width, height);
        double bottom = height;
        if (options.cine() != null) {
            bottom = g.strip(options.cine());
        }
        double rulerLeft = width;
        if (calibration != null && calibration.isCalibrated()) {
            if (calibration.skinLineY() != null) {
                rulerLeft = g.ruler(calibration.skinLineY(), calibration.mmPerPixelY());
            }
            g.scaleBar(calibration.mmPerPixelX(), bottom);
        } else if (calibration != null) {
            g.text(2, bottom - metrics.height(true) - 2, "not calibrated: no mm scale", -metrics.height(true));
        }
        if (options.orientation() != null) {
            g.orientation(options.orientation(), rulerLeft);
        }
        return g;
    }

    /** The cine's strip: a dark band, a cell in the target colour per annotated frame, a pointer at the current. */
    private double strip(SceneOptions.CineFrames cine) {
        double top = height - STRIP_INSET - STRIP_HEIGHT;
        double left = STRIP_INSET;
        double cell = (width - 2 * STRIP_INSET) / cine.count();
        marks.add(new PlanScene.Outline(null, rect(left, top, width - 2 * STRIP_INSET, STRIP_HEIGHT), style.ink(),
                style.guide(), 1, false));
        for (int f : cine.annotated()) {
            marks.add(new PlanScene.Outline(null, rect(left + (f - 1) * cell, top, Math.max(1, cell), STRIP_HEIGHT),
                    style.target(), null, 0, false));
        }
        marks.add(pointer(style, width, height, cine));
        layout.avoid(new LabelLayout.Box(0, top - POINTER - 1, width, height - top + POINTER + 1));
        return top - POINTER - 2;
    }

    /** The strip's pointer at the current frame: a downward triangle in the selection colour above its cell. */
    static PlanScene.Outline pointer(PlanStyle style, int width, int height, SceneOptions.CineFrames cine) {
        double top = height - STRIP_INSET - STRIP_HEIGHT;
        double cx = STRIP_INSET + (cine.current() - 0.5) * (width - 2 * STRIP_INSET) / cine.count();
        return new PlanScene.Outline(null, List.of(new PixelPoint(cx - POINTER, top - POINTER - 1),
                new PixelPoint(cx + POINTER, top - POINTER - 1), new PixelPoint(cx, top - 1)), style.selected(), null,
                0, true);
    }

    /**
     * The depth ruler along the right edge from the skin line down: numbered ticks every 5, 10, 20… mm, short
     * ones between; returns its left edge (its numbers').
     */
    private double ruler(double skinY, double mmPerPixelY) {
        double h = metrics.height(true);
        double major = RULER_MM[RULER_MM.length - 1];
        for (int i = RULER_MM.length - 1; i >= 0; i--) {
            if (RULER_MM[i] / mmPerPixelY >= 2 * h) {
                major = RULER_MM[i];
            }
        }
        double minor = major == 50 ? 10 : major / 2;
        boolean minors = minor / mmPerPixelY >= MIN_MINOR_SPACING;
        double x = width - 1.5;
        double top = Math.max(0, skinY);
        marks.add(new PlanScene.Line(null, new PixelPoint(x, top), new PixelPoint(x, height), style.guide(), 1,
                PlanStyle.Dash.SOLID));
        double left = x - MAJOR_TICK;
        double step = minors ? minor : major;
        for (int k = 0;; k++) {
            double mm = k * step;
            double y = skinY + mm / mmPerPixelY;
            if (y > height - 1) {
                break;
            }
            if (y < 0) {
                continue;
            }
            boolean numbered = Math.abs(mm / major - Math.rint(mm / major)) < 1e-9;
            double tick = numbered ? MAJOR_TICK : MINOR_TICK;
            // through the middle of the pixel row, so that the 1-pixel line is sharp
            double row = Math.floor(y) + 0.5;
            marks.add(new PlanScene.Line(null, new PixelPoint(x - tick, row), new PixelPoint(x + 0.5, row),
                    style.guide(), 1, PlanStyle.Dash.SOLID));
            if (numbered) {
                String text = mm == 0 ? "0 mm" : String.format(Locale.ROOT, "%.0f", mm);
                double w = metrics.width(text, true);
                if (text(x - MAJOR_TICK - 1 - w, Math.min(height - h, y - h / 2), text, 0)) {
                    left = Math.min(left, x - MAJOR_TICK - 1 - w);
                }
            }
        }
        layout.avoid(new LabelLayout.Box(x - MAJOR_TICK, top, width - x + MAJOR_TICK, height - top));
        return left;
    }

    /** The scale bar: a white bar with a black edge, its length above it, {@code bottom} its lower edge. */
    private void scaleBar(double mmPerPixelX, double bottom) {
        double mm = BAR_MM[0];
        for (double candidate : BAR_MM) {
            if (candidate / mmPerPixelX <= width / 5.0) {
                mm = candidate;
            }
        }
        double length = mm / mmPerPixelX;
        double y = bottom - BAR_INSET;
        scaleBar = new PlanScene.ScaleBar(new PixelPoint(BAR_INSET, y), length, mm,
                String.format(Locale.ROOT, "%.0f mm", mm));
        List<PixelPoint> bar = rect(BAR_INSET, y - BAR_THICKNESS, length, BAR_THICKNESS);
        marks.add(new PlanScene.Outline(null, bar, style.guide(), null, 0, false));
        marks.add(new PlanScene.Outline(null, bar, null, style.ink(), 1, false));
        double h = metrics.height(true);
        text(BAR_INSET, y - BAR_THICKNESS - h - 2, scaleBar.text(), -h);
        layout.avoid(new LabelLayout.Box(BAR_INSET - 1, y - BAR_THICKNESS - 1, length + 2, BAR_THICKNESS + 2));
    }

    /**
     * The side markers at the top corners, the right one left of the ruler ({@code rightLimit}); then, where
     * the midline lies on the image, its tick down from the top edge and "midline" centred under it (further
     * down where that would cover a side marker or a marker).
     */
    private void orientation(ImageOrientation o, double rightLimit) {
        double h = metrics.height(true);
        text(2, 2, o.leftEdge(), h);
        double w = metrics.width(o.rightEdge(), true);
        text(Math.max(0, Math.min(width - 2, rightLimit - 2) - w), 2, o.rightEdge(), h);
        Double mx = o.midlineX();
        if (mx == null || mx < 0 || mx > width) {
            return;
        }
        // through the middle of the pixel column, so that the 1-pixel line is sharp
        double column = Math.min(width - 0.5, Math.floor(mx) + 0.5);
        marks.add(new PlanScene.Line(null, new PixelPoint(column, 0), new PixelPoint(column, MIDLINE_TICK),
                style.guide(), 1, PlanStyle.Dash.SOLID));
        layout.avoid(new LabelLayout.Box(column - 1.5, 0, 3, MIDLINE_TICK));
        double tw = metrics.width(MIDLINE, true);
        text(Math.max(0, Math.min(width - tw, column - tw / 2)), MIDLINE_TICK + 1, MIDLINE, h);
    }

    /**
     * A guide's text at ({@code x}, {@code y}), or {@code step} pixels further down (up where negative) until
     * it is clear of what the layout holds; left out (false) where it cannot be.
     */
    private boolean text(double x, double y, String text, double step) {
        for (double ty = Math.max(0, y); ty >= 0 && ty + metrics.height(true) <= height; ty += step) {
            PlanScene.Label l = label(x, ty, text);
            LabelLayout.Box box = new LabelLayout.Box(l.x(), l.y(), l.width(), l.height());
            if (layout.free(box)) {
                marks.add(l);
                layout.avoid(box);
                return true;
            }
            if (step == 0) {
                break;
            }
        }
        return false;
    }

    private PlanScene.Label label(double x, double y, String text) {
        return new PlanScene.Label(null, x, y, metrics.width(text, true), metrics.height(true), text, style.guide(),
                style.ink(), true);
    }

    private static List<PixelPoint> rect(double x, double y, double w, double h) {
        return List.of(new PixelPoint(x, y), new PixelPoint(x + w, y), new PixelPoint(x + w, y + h),
                new PixelPoint(x, y + h));
    }
}
