package org.injectionplanner.imagej;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.TextRoi;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.injectionplanner.geometry.CalibratedGeometry;
import org.injectionplanner.geometry.MmScale;
import org.injectionplanner.geometry.PixelBounds;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.safety.Severity;

/**
 * Draws a plan's annotations on an image: each target as a dot in a black ring with its place in the
 * session order and its number, its needle path as a line from a square at the skin entry, each zone as a
 * translucent blue fill with a thick blue outline and its name, and its safety margin as a thin sky-blue
 * line offset by the margin in mm; labels on an opaque black box. Targets and paths take the colour of
 * their worst safety finding (vermillion, with a vermillion ring and a thicker path, for a violation;
 * reddish purple for a warning; bluish green for a clear path; targets without findings are orange).
 * Annotations show only on the frame they were placed on (hidden on other frames). Colours are from the
 * Okabe–Ito colour-blind-safe palette. Other overlay elements (e.g. the region overlay) are kept.
 *
 * <p>The styles are chosen for repaint speed as well (BENCHMARKS.md): antialiasing costs Java2D about
 * 0.2 µs per pixel of line length, so the long margin lines are drawn aliased and solid (a dashed stroke
 * goes through the general stroker even aliased); alpha-blended label boxes cost as much as the
 * text, so the boxes are opaque, and the bold label text is drawn aliased (half the cost of the glyphs).
 * Each element is one ImageJ Roi, positioned on its frame.
 */
final class PlanOverlay {

    static final String MARK = "injectionplanner.plan";
    static final String PROP_ID = "injectionplanner.id";
    /** The {@link #MARK} value of a read-only plan's elements (a current plan's are "true"). */
    static final String READ_ONLY = "read-only";
    private static final Color MUTED = new Color(150, 150, 150);
    private static final Color MUTED_FILL = new Color(150, 150, 150, 50);
    static final Color TARGET = new Color(230, 159, 0);
    static final Color ZONE = new Color(0, 114, 178);
    static final Color MARGIN = new Color(86, 180, 233);
    static final Color SELECTED = new Color(240, 228, 66);
    /** Targets and paths with a violation (Okabe–Ito vermillion), drawn thicker. */
    static final Color VIOLATION = new Color(213, 94, 0);
    /** Targets and paths whose worst finding is a warning (Okabe–Ito reddish purple). */
    static final Color WARNING = new Color(204, 121, 167);
    /** Needle paths without findings (Okabe–Ito bluish green). */
    static final Color CLEAR = new Color(0, 158, 115);
    private static final Color ZONE_FILL = new Color(0, 114, 178, 60);
    private static final Color LABEL_BACKGROUND = Color.BLACK;
    /** Radius of a target's dot, and of its ring's outer edge (plain and selected), in image pixels. */
    private static final double TARGET_RADIUS = 6;
    private static final double RING_RADIUS = 8;
    private static final double SELECTED_RING_RADIUS = 9.5;

    /**
     * How far, in image pixels, a zone's drawn outline may stray from its outline: an ellipse's outline
     * is exact to 0.01 pixel, and every extra vertex makes the antialiased outline dearer to draw.
     */
    static final double DRAWING_TOLERANCE_PX = 0.1;

    /** The most margin outlines kept: every step of dragging a zone's vertex makes a new shape. */
    private static final int MARGINS_KEPT = 512;

    /**
     * Margin outlines by zone shape, margin and scale, least recently used first: computing them is the
     * costly part of building the overlay.
     */
    private static final Map<MarginKey, List<List<PixelPoint>>> MARGINS = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MarginKey, List<List<PixelPoint>>> eldest) {
            return size() > MARGINS_KEPT;
        }
    };

    private record MarginKey(ZoneShape shape, double marginMm, MmScale scale) {
    }

    private PlanOverlay() {
    }

    /**
     * Replaces the plan's part of the image's overlay (just removes it when {@code plan} is null); targets
     * are coloured by their worst finding in {@code findings}, needle paths by their worst finding about
     * the path ({@link SafetyReport#worstPathFinding}); no colours when null.
     */
    static void render(ImagePlus imp, SessionPlan plan, SafetyReport findings, UUID selected) {
        Overlay ov = imp.getOverlay() == null ? new Overlay() : imp.getOverlay();
        // Overlay.remove(Roi) finds the element with Roi.equals (same type, bounds and length), which
        // costs a search per element and may remove another element that merely looks the same.
        List<Roi> kept = new ArrayList<>();
        for (Roi r : ov.toArray()) {
            if (!"true".equals(r.getProperty(MARK))) {
                kept.add(r);
            }
        }
        ov.clear();
        for (Roi r : kept) {
            ov.add(r);
        }
        if (plan != null) {
            for (Roi r : build(imp, plan, findings, selected)) {
                ov.add(r);
            }
        }
        ov.selectable(false);
        imp.setOverlay(ov.size() == 0 ? null : ov);
    }

    /**
     * Replaces the read-only plans' part of the image's overlay (a prior session shown for follow-up
     * review): each plan drawn as {@link #render} draws one, without finding colours or selection, in muted
     * grey and beneath the other elements. {@link #render} keeps these elements.
     */
    static void renderReadOnly(ImagePlus imp, List<SessionPlan> plans) {
        Overlay ov = imp.getOverlay() == null ? new Overlay() : imp.getOverlay();
        List<Roi> kept = new ArrayList<>();
        for (Roi r : ov.toArray()) {
            if (!READ_ONLY.equals(r.getProperty(MARK))) {
                kept.add(r);
            }
        }
        if (plans.isEmpty() && kept.size() == ov.size()) {
            return;
        }
        ov.clear();
        for (SessionPlan plan : plans) {
            for (Roi r : build(imp, plan, null, null)) {
                r.setProperty(MARK, READ_ONLY);
                // a filled ImageJ Roi is drawn by its fill colour only
                if (r.getFillColor() != null) {
                    r.setFillColor(MUTED_FILL);
                } else {
                    r.setStrokeColor(MUTED);
                }
                ov.add(r);
            }
        }
        for (Roi r : kept) {
            ov.add(r);
        }
        ov.selectable(false);
        imp.setOverlay(ov.size() == 0 ? null : ov);
    }

    /** The overlay elements of the plan on this image, targets and paths coloured by {@code findings}. */
    static List<Roi> build(ImagePlus imp, SessionPlan plan, SafetyReport findings, UUID selected) {
        List<Roi> rois = new ArrayList<>();
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, imp.getWidth() / 55));
        for (NerveZone z : plan.zones()) {
            int slice = AnnotatedImages.sliceOf(imp, z.image());
            if (slice > 0) {
                addZone(rois, imp, slice, z, z.id().equals(selected), font);
            }
        }
        Map<UUID, Integer> positions = new HashMap<>();
        for (int i = 0; i < plan.injections().size(); i++) {
            positions.put(plan.injections().get(i).targetId(), i + 1);
        }
        for (Target t : plan.targets()) {
            int slice = AnnotatedImages.sliceOf(imp, t.image());
            if (slice > 0) {
                Optional<Severity> worst = findings == null ? Optional.empty() : findings.worstFor(t.id());
                Integer place = positions.get(t.id());
                String position = place == null ? "" : "#" + place + " ";
                NeedlePath path = place == null ? null : plan.injections().get(place - 1).path();
                if (path != null) {
                    addPath(rois, imp, slice, t, path, position, pathColour(findings, t.id()), font);
                }
                addTarget(rois, imp, slice, t, position, worst, t.id().equals(selected), font);
            }
        }
        return rois;
    }

    private static void addZone(List<Roi> rois, ImagePlus imp, int slice, NerveZone z, boolean selected, Font font) {
        List<PixelPoint> drawn = simplified(z.shape().outline(), DRAWING_TOLERANCE_PX);
        PolygonRoi fill = polygon(drawn);
        fill.setFillColor(ZONE_FILL);
        mark(fill, imp, slice, z.id(), rois);
        PolygonRoi outline = polygon(drawn);
        outline.setStrokeColor(selected ? SELECTED : ZONE);
        outline.setStrokeWidth(selected ? 3 : 2);
        mark(outline, imp, slice, z.id(), rois);
        String label = "Z" + z.number() + " " + z.name();
        if (z.calibration().scale().isPresent()) {
            MmScale scale = z.calibration().scale().get();
            for (List<PixelPoint> ring : marginOutline(new MarginKey(z.shape(), z.marginMm(), scale))) {
                PolygonRoi margin = polygon(ring);
                margin.setStrokeColor(MARGIN);
                margin.setAntiAlias(false);
                mark(margin, imp, slice, z.id(), rois);
            }
            label += String.format(Locale.ROOT, " (margin %.1f mm)", z.marginMm());
        } else {
            label += " (uncalibrated: margin not drawn)";
        }
        PixelBounds box = z.shape().bounds();
        TextRoi text = new TextRoi(box.minX(), Math.max(0, box.minY() - font.getSize() - 4), label, font);
        // kept within the image's right edge, where the margin is
        text.setLocation(Math.max(0, Math.min(box.minX(), imp.getWidth() - text.getFloatWidth())), text.getYBase());
        text.setStrokeColor(selected ? SELECTED : MARGIN);
        text.setFillColor(LABEL_BACKGROUND);
        text.setAntialiased(false);
        mark(text, imp, slice, z.id(), rois);
    }

    private static List<List<PixelPoint>> marginOutline(MarginKey key) {
        synchronized (MARGINS) {
            return MARGINS.computeIfAbsent(key, k -> CalibratedGeometry.marginOutline(k.shape(), k.marginMm(),
                    k.scale()));
        }
    }

    /** A needle path: a line from the entry (a small square) to the target, labelled with its mm values. */
    private static void addPath(List<Roi> rois, ImagePlus imp, int slice, Target t, NeedlePath path, String position,
            Color colour, Font font) {
        PixelPoint entry = path.entry();
        Line line = new Line(entry.x(), entry.y(), t.point().x(), t.point().y());
        line.setStrokeColor(colour);
        line.setStrokeWidth(colour == VIOLATION ? 3.5 : 2.5);
        mark(line, imp, slice, t.id(), rois);
        Roi entryMark = new Roi(entry.x() - 4, entry.y() - 4, 8, 8);
        entryMark.setFillColor(colour);
        mark(entryMark, imp, slice, t.id(), rois);
        String label = position + path.measure(t).map(m -> String.format(Locale.ROOT, "%.1f mm · %.0f°", m.lengthMm(),
                m.angleDeg())).orElse("path uncalibrated");
        // at a third of the way down the path: paths that start close together part there
        double x = entry.x() + (t.point().x() - entry.x()) / 3;
        double y = entry.y() + (t.point().y() - entry.y()) / 3;
        TextRoi text = new TextRoi(x + 6, y - font.getSize() / 2.0, label, font);
        besideWithinImage(text, imp, x, 6);
        text.setStrokeColor(colour);
        text.setFillColor(LABEL_BACKGROUND);
        mark(text, imp, slice, t.id(), rois);
    }

    private static Color pathColour(SafetyReport findings, UUID targetId) {
        if (findings == null) {
            return TARGET;
        }
        return findings.worstPathFinding(targetId).map(f -> f.severity() == Severity.VIOLATION ? VIOLATION : WARNING)
                .orElse(CLEAR);
    }

    private static void addTarget(List<Roi> rois, ImagePlus imp, int slice, Target t, String position,
            Optional<Severity> worst, boolean selected, Font font) {
        double r = TARGET_RADIUS;
        // the ring is a disc under the dot: filling is cheaper than stroking a circle
        boolean violation = worst.orElse(null) == Severity.VIOLATION;
        OvalRoi ring = disc(t.point(), selected || violation ? SELECTED_RING_RADIUS : RING_RADIUS);
        ring.setFillColor(selected ? SELECTED : violation ? VIOLATION : Color.BLACK);
        mark(ring, imp, slice, t.id(), rois);
        OvalRoi dot = disc(t.point(), r);
        dot.setFillColor(worst.map(s -> s == Severity.VIOLATION ? VIOLATION : WARNING).orElse(TARGET));
        mark(dot, imp, slice, t.id(), rois);
        String depth = t.depthMm() == null ? "uncalibrated" : String.format(Locale.ROOT, "%.1f mm", t.depthMm());
        String label = position + "T" + t.number() + (t.label().isEmpty() || t.label().equals("T" + t.number())
                ? "" : " " + t.label()) + " · " + depth
                + worst.map(s -> s == Severity.VIOLATION ? " · VIOLATION" : " · warning").orElse("");
        TextRoi text = new TextRoi(t.point().x() + r + 4, t.point().y() - r - font.getSize() / 2.0, label, font);
        besideWithinImage(text, imp, t.point().x(), r + 4);
        text.setStrokeColor(selected ? SELECTED : TARGET);
        text.setFillColor(LABEL_BACKGROUND);
        text.setAntialiased(false);
        mark(text, imp, slice, t.id(), rois);
    }

    /**
     * Moves a label placed {@code gap} pixels right of {@code anchorX} to as far left of it where it would run
     * past the image's right edge, so that its end (the findings) stays visible; image pixels.
     */
    private static void besideWithinImage(TextRoi text, ImagePlus imp, double anchorX, double gap) {
        double width = text.getFloatWidth();
        if (text.getXBase() + width > imp.getWidth()) {
            text.setLocation(Math.max(0, anchorX - gap - width), text.getYBase());
        }
    }

    /**
     * The vertices of a closed outline (image pixels) that keep it within {@code tolerance} pixels
     * (Douglas–Peucker), in order.
     */
    static List<PixelPoint> simplified(List<PixelPoint> ring, double tolerance) {
        int n = ring.size();
        if (n <= 4) {
            return ring;
        }
        boolean[] keep = new boolean[n + 1];
        keep[0] = true;
        keep[n] = true;
        int far = 0;
        for (int i = 1; i < n; i++) {
            if (distance(ring.get(i), ring.get(0)) > distance(ring.get(far), ring.get(0))) {
                far = i;
            }
        }
        keep[far] = true;
        simplify(ring, 0, far, tolerance, keep);
        simplify(ring, far, n, tolerance, keep);
        List<PixelPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out.add(ring.get(i));
            }
        }
        return out;
    }

    /** Marks the vertices between {@code from} and {@code to} (index n meaning vertex 0) to keep. */
    private static void simplify(List<PixelPoint> ring, int from, int to, double tolerance, boolean[] keep) {
        PixelPoint a = ring.get(from);
        PixelPoint b = ring.get(to % ring.size());
        double length = distance(a, b);
        int worst = -1;
        double worstDistance = tolerance;
        for (int i = from + 1; i < to; i++) {
            PixelPoint p = ring.get(i);
            double d = length == 0 ? distance(p, a)
                    : Math.abs((b.x() - a.x()) * (a.y() - p.y()) - (a.x() - p.x()) * (b.y() - a.y())) / length;
            if (d > worstDistance) {
                worst = i;
                worstDistance = d;
            }
        }
        if (worst > 0) {
            keep[worst] = true;
            simplify(ring, from, worst, tolerance, keep);
            simplify(ring, worst, to, tolerance, keep);
        }
    }

    private static double distance(PixelPoint a, PixelPoint b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    private static OvalRoi disc(PixelPoint centre, double radius) {
        return new OvalRoi(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius);
    }

    private static PolygonRoi polygon(List<PixelPoint> points) {
        float[] xs = new float[points.size()];
        float[] ys = new float[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (float) points.get(i).x();
            ys[i] = (float) points.get(i).y();
        }
        return new PolygonRoi(xs, ys, Roi.POLYGON);
    }

    private static void mark(Roi roi, ImagePlus imp, int slice, UUID id, List<Roi> rois) {
        roi.setProperty(MARK, "true");
        roi.setProperty(PROP_ID, id.toString());
        AnnotatedImages.position(roi, imp, slice);
        rois.add(roi);
    }
}
