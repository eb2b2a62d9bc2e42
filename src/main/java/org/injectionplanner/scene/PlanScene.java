package org.injectionplanner.scene;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.injectionplanner.geometry.MmScale;
import org.injectionplanner.geometry.PixelBounds;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.Decimals;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.safety.Severity;

/**
 * What to draw for a plan on one frame of one image, in image pixel coordinates (x right, y down, pixel
 * (i, j) covering [i, i+1) × [j, j+1), as the plan's points): each zone as a translucent fill, an outline
 * and its margin outline offset by the margin in mm, with its name; each target as a dot in a ring with
 * its place in the session order, its number and depth; its needle path as a line from a square at the
 * skin entry, labelled with its length and angle. Targets and paths take the colour of their worst finding
 * ({@link PlanStyle}); labels sit on an opaque box, kept within the image's width. Marks are in drawing
 * order (zones, then per target its path and its marker) and each names the annotation it belongs to;
 * {@link PlanPainter} paints them, the ImageJ overlay turns each into one ROI.
 *
 * @param frame the DICOM instance and frame drawn
 * @param width the image's width, pixels
 * @param height the image's height, pixels
 * @param font the labels' font
 * @param marks what to draw, in order
 * @param scaleBar a scale bar for the frame's calibration, or null where nothing on the frame is calibrated
 */
public record PlanScene(ImageRef frame, int width, int height, Font font, List<Mark> marks, ScaleBar scaleBar) {

    public PlanScene {
        marks = List.copyOf(marks);
    }

    /** A mark of the scene, belonging to one annotation (a target with its path, or a zone). */
    public sealed interface Mark permits Disc, Square, Cross, Line, Outline, Label, Ring {
        /** The target or zone it belongs to. */
        UUID annotationId();
    }

    /** A filled disc of {@code radius} pixels about {@code centre}. */
    public record Disc(UUID annotationId, PixelPoint centre, double radius, Color fill) implements Mark {
    }

    /** A hollow circle of {@code radius} pixels about {@code centre}, its line {@code width} pixels wide. */
    public record Ring(UUID annotationId, PixelPoint centre, double radius, Color colour, double width)
            implements Mark {
    }

    /** A filled square {@code 2 halfSide} pixels wide about {@code centre}. */
    public record Square(UUID annotationId, PixelPoint centre, double halfSide, Color fill) implements Mark {
    }

    /** A diagonal cross (×) reaching {@code halfSpan} pixels from {@code centre} along each axis. */
    public record Cross(UUID annotationId, PixelPoint centre, double halfSpan, Color colour, double width)
            implements Mark {
    }

    /** A straight line {@code width} pixels wide. */
    public record Line(UUID annotationId, PixelPoint from, PixelPoint to, Color colour, double width,
            PlanStyle.Dash dash) implements Mark {
    }

    /**
     * A closed polygon: filled ({@code fill} not null) or stroked ({@code stroke} not null, {@code width}
     * pixels wide, antialiased or not: long aliased lines are much cheaper to draw).
     */
    public record Outline(UUID annotationId, List<PixelPoint> vertices, Color fill, Color stroke, double width,
            boolean antialiased) implements Mark {

        public Outline {
            vertices = List.copyOf(vertices);
        }
    }

    /**
     * A line of text on an opaque box whose top-left corner is ({@code x}, {@code y}), {@code width} ×
     * {@code height} pixels as ImageJ's text ROI measures it (the text's advance plus 2, at least 12 wide;
     * the font's line height plus 2), in the scene's font.
     */
    public record Label(UUID annotationId, double x, double y, double width, double height, String text,
            Color colour, Color background, boolean antialiased) implements Mark {
    }

    /**
     * A horizontal scale bar from {@code start} (its left end, on the bar's lower edge) {@code lengthPx}
     * pixels long, standing for {@code mm} millimetres across.
     */
    public record ScaleBar(PixelPoint start, double lengthPx, double mm, String text) {
    }

    /** The bar's lengths in mm to choose from: the longest no longer than a fifth of the image is used. */
    private static final double[] BAR_MM = {1, 2, 5, 10, 20, 50, 100};
    /** The scale bar's distance from the image's left and bottom edges, pixels. */
    private static final double BAR_INSET = 10;

    /**
     * The scene of the plan's annotations on {@code frame} of an image {@code width} × {@code height} pixels.
     *
     * @param findings the plan's safety report; null draws no finding colours (paths in the target colour)
     * @param selected the selected target or zone (drawn highlighted), or null
     */
    public static PlanScene of(SessionPlan plan, SafetyReport findings, ImageRef frame, int width, int height,
            UUID selected, PlanStyle style) {
        Builder b = new Builder(style, width, style.labelFont(width));
        try {
            b.add(plan, findings, frame, selected);
        } finally {
            b.metrics.dispose();
        }
        return new PlanScene(frame, width, height, b.font, b.marks, scaleBar(plan, frame, width, height));
    }

    /**
     * The scale bar of the frame: in the calibration of its first calibrated zone, target or path entry
     * (its ultrasound region); null where there is none.
     */
    private static ScaleBar scaleBar(SessionPlan plan, ImageRef frame, int width, int height) {
        List<MeasuredCalibration> calibrations = new ArrayList<>();
        plan.zones().stream().filter(z -> z.image().equals(frame)).forEach(z -> calibrations.add(z.calibration()));
        for (Target t : plan.targets()) {
            if (t.image().equals(frame)) {
                calibrations.add(t.calibration());
                plan.injectionAt(t.id()).map(i -> i.path()).ifPresent(p -> calibrations.add(p.entryCalibration()));
            }
        }
        Optional<MmScale> scale = calibrations.stream().map(MeasuredCalibration::scale).flatMap(Optional::stream)
                .findFirst();
        if (scale.isEmpty()) {
            return null;
        }
        double mmPerPixel = scale.get().mmPerPixelX();
        double mm = BAR_MM[0];
        for (double candidate : BAR_MM) {
            if (candidate / mmPerPixel <= width / 5.0) {
                mm = candidate;
            }
        }
        return new ScaleBar(new PixelPoint(BAR_INSET, height - BAR_INSET), mm / mmPerPixel, mm,
                String.format(Locale.ROOT, "%.0f mm", mm));
    }

    /**
     * A site of an earlier session shown on a current image for comparison: where it was, in the earlier
     * image's pixel coordinates, and its label (e.g. "s1 T3 L iliolumbar").
     */
    public record PriorSite(UUID id, PixelPoint point, String label) {
    }

    /**
     * The scene of earlier sessions' sites on {@code frame} of a current image {@code width} × {@code height}
     * pixels: each a hollow ring (no dot: nothing is planned there today) with its label above left of it, in
     * {@code style}'s target colour. Sites outside the image are left out. No scale bar.
     */
    public static PlanScene priorSites(List<PriorSite> sites, ImageRef frame, int width, int height,
            PlanStyle style) {
        Builder b = new Builder(style, width, style.labelFont(width));
        try {
            for (PriorSite site : sites) {
                PixelPoint p = site.point();
                if (p.x() >= 0 && p.y() >= 0 && p.x() <= width && p.y() <= height) {
                    b.marks.add(new Ring(site.id(), p, PlanStyle.RING_RADIUS, style.target(), PlanStyle.PRIOR_WIDTH));
                    // above left of the ring: today's target at the same place has its label above right
                    double w = b.labelWidth(site.label(), false);
                    double gap = PlanStyle.RING_RADIUS + 4;
                    double x = p.x() - gap - w >= 0 ? p.x() - gap - w : p.x() + gap;
                    b.label(site.id(), x, Math.max(0, p.y() - PlanStyle.RING_RADIUS - b.font.getSize() - 4),
                            site.label(), style.target(), false);
                }
            }
        } finally {
            b.metrics.dispose();
        }
        return new PlanScene(frame, width, height, b.font, b.marks, null);
    }

    /** Collects the marks of a scene, measuring labels as ImageJ's text ROI does. */
    private static final class Builder {

        private final PlanStyle style;
        private final int width;
        private final Font font;
        private final Graphics2D metrics;
        private final List<Mark> marks = new ArrayList<>();

        Builder(PlanStyle style, int width, Font font) {
            this.style = style;
            this.width = width;
            this.font = font;
            this.metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        }

        /** The marks of the plan's zones, then of its targets with their paths, on {@code frame}. */
        void add(SessionPlan plan, SafetyReport findings, ImageRef frame, UUID selected) {
            for (NerveZone z : plan.zones()) {
                if (z.image().equals(frame)) {
                    zone(z, z.id().equals(selected));
                }
            }
            Map<UUID, Integer> positions = new HashMap<>();
            for (int i = 0; i < plan.injections().size(); i++) {
                positions.put(plan.injections().get(i).targetId(), i + 1);
            }
            for (Target t : plan.targets()) {
                if (t.image().equals(frame)) {
                    Integer place = positions.get(t.id());
                    String position = place == null ? "" : "#" + place + " ";
                    NeedlePath path = place == null ? null : plan.injections().get(place - 1).path();
                    if (path != null) {
                        Severity worstPath = findings == null ? null
                                : findings.worstPathFinding(t.id()).map(Finding::severity).orElse(null);
                        path(t, path, position, worstPath, findings != null);
                    }
                    target(t, position, findings == null ? null : findings.worstFor(t.id()).orElse(null),
                            t.id().equals(selected));
                }
            }
        }

        void zone(NerveZone z, boolean selected) {
            List<PixelPoint> drawn = Outlines.simplified(z.shape().outline(), Outlines.DRAWING_TOLERANCE_PX);
            marks.add(new Outline(z.id(), drawn, style.zoneFill(), null, 0, true));
            marks.add(new Outline(z.id(), drawn, null, selected ? style.selected() : style.zone(),
                    selected ? PlanStyle.SELECTED_ZONE_WIDTH : PlanStyle.ZONE_WIDTH, true));
            String text = "Z" + z.number() + " " + z.name();
            Optional<MmScale> scale = z.calibration().scale();
            if (scale.isPresent()) {
                for (List<PixelPoint> ring : Outlines.margin(z.shape(), z.marginMm(), scale.get())) {
                    marks.add(new Outline(z.id(), ring, null, style.margin(), PlanStyle.MARGIN_WIDTH, false));
                }
                text += String.format(Locale.ROOT, " (margin %.1f mm)", z.marginMm());
            } else {
                text += " (uncalibrated: margin not drawn)";
            }
            PixelBounds box = z.shape().bounds();
            double w = labelWidth(text, false);
            // kept within the image's right edge, where the margin is
            label(z.id(), Math.max(0, Math.min(box.minX(), width - w)),
                    Math.max(0, box.minY() - font.getSize() - 4), text, selected ? style.selected() : style.margin(),
                    false);
        }

        /** A needle path, coloured by its worst finding ({@code worst}; {@code checked} false: no findings known). */
        void path(Target t, NeedlePath path, String position, Severity worst, boolean checked) {
            Color colour = checked ? style.forFinding(worst, style.clear()) : style.target();
            PixelPoint entry = path.entry();
            marks.add(new Line(t.id(), entry, t.point(), colour, PlanStyle.pathWidth(worst),
                    PlanStyle.pathDash(worst)));
            marks.add(new Square(t.id(), entry, PlanStyle.ENTRY_HALF_SIDE, colour));
            String text = position + path.measure(t).map(m -> String.format(Locale.ROOT, "%s mm · %.0f°",
                    Decimals.ceilTenth(m.lengthMm()), m.angleDeg())).orElse("path uncalibrated");
            // at a third of the way down the path: paths that start close together part there
            double x = entry.x() + (t.point().x() - entry.x()) / 3;
            double y = entry.y() + (t.point().y() - entry.y()) / 3;
            label(t.id(), beside(x, 6, labelWidth(text, true)), y - font.getSize() / 2.0, text, colour, true);
        }

        void target(Target t, String position, Severity worst, boolean selected) {
            boolean violation = worst == Severity.VIOLATION;
            // the ring is a disc under the dot: filling is cheaper than stroking a circle
            Color ring = selected ? style.selected() : violation ? style.violation() : style.ink();
            marks.add(new Disc(t.id(), t.point(), selected || violation ? PlanStyle.WIDE_RING_RADIUS
                    : PlanStyle.RING_RADIUS, ring));
            marks.add(new Disc(t.id(), t.point(), PlanStyle.TARGET_RADIUS, style.forFinding(worst, style.target())));
            if (violation) {
                marks.add(new Cross(t.id(), t.point(), PlanStyle.CROSS_HALF_SPAN, style.ink(), PlanStyle.CROSS_WIDTH));
            }
            String depth = t.depthMm() == null ? "uncalibrated" : Decimals.ceilTenth(t.depthMm()) + " mm";
            String text = position + "T" + t.number() + (t.label().isEmpty() || t.label().equals("T" + t.number())
                    ? "" : " " + t.label()) + " · " + depth
                    + (worst == null ? "" : worst == Severity.VIOLATION ? " · VIOLATION" : " · warning");
            double r = PlanStyle.TARGET_RADIUS;
            double y = t.point().y() - r - font.getSize() / 2.0;
            label(t.id(), beside(t.point().x(), r + 4, labelWidth(text, false)), y, text,
                    selected ? style.selected() : style.target(), false);
        }

        /**
         * The left edge of a label {@code labelWidth} wide placed {@code gap} pixels right of {@code anchorX},
         * or as far left of it where it would run past the image's right edge, so that its end (the findings)
         * stays visible.
         */
        private double beside(double anchorX, double gap, double labelWidth) {
            double x = anchorX + gap;
            return x + labelWidth > width ? Math.max(0, anchorX - gap - labelWidth) : x;
        }

        private void label(UUID id, double x, double y, String text, Color colour, boolean antialiased) {
            marks.add(new Label(id, x, y, labelWidth(text, antialiased), fontMetrics(antialiased).getHeight() + 2,
                    text, colour, style.ink(), antialiased));
        }

        /** As ImageJ's TextRoi measures a line: its advance in the font, at least 10, plus 2. */
        private double labelWidth(String text, boolean antialiased) {
            FontMetrics fm = fontMetrics(antialiased);
            return Math.max(10, fm.getStringBounds(text, metrics).getWidth()) + 2;
        }

        private FontMetrics fontMetrics(boolean antialiased) {
            metrics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, antialiased
                    ? RenderingHints.VALUE_TEXT_ANTIALIAS_ON : RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            metrics.setFont(font);
            return metrics.getFontMetrics(font);
        }
    }
}
