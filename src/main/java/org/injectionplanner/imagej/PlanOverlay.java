package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.gui.TextRoi;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.awt.event.MouseMotionAdapter;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Set;
import java.util.UUID;
import org.injectionplanner.geometry.PixelBounds;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.StructureCatalogue;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.scene.DragReadout;
import org.injectionplanner.scene.PlanScene;
import org.injectionplanner.scene.PlanStyle;
import org.injectionplanner.scene.SceneOptions;

/**
 * Draws a plan's annotations on an image as ImageJ overlay elements: for each frame of the image that has
 * annotations, its {@link PlanScene} (what is drawn and how is decided there, the same for PNG and PDF
 * exports), each mark as one ROI positioned on its frame, so that annotations show only on the frame they
 * were placed on. The current plan's overlay also shows the scene's guides on every frame of the image: the
 * depth ruler and scale bar of the frame's calibration (or a "not calibrated" note) and, on a stack, the
 * strip marking the frames that hold annotations and the frame shown. The labels say as much as the
 * Injection Planner Options' label detail asks ({@link PluginSettings#labelDetail}). The ROIs of a target
 * whose violations are overridden are named with the override's reason (ImageJ's overlay list shows it), and
 * the status bar shows it while the mouse is over its marker or label.
 * Other overlay elements (e.g. the region overlay) are kept.
 *
 * <p>The marks' styles are chosen for repaint speed as well (BENCHMARKS.md): antialiasing costs Java2D
 * about 0.2 µs per pixel of line length, so the long margin lines are drawn aliased and solid (a dashed
 * stroke goes through the general stroker even aliased); alpha-blended label boxes cost as much as the
 * text, so the boxes are opaque, and the bold target and zone labels are drawn aliased (half the cost of
 * the glyphs).
 */
final class PlanOverlay {

    static final String MARK = "injectionplanner.plan";
    static final String PROP_ID = "injectionplanner.id";
    /** The {@link #MARK} value of a read-only plan's elements (a current plan's are "true"). */
    static final String READ_ONLY = "read-only";
    /** The image property set once the status-bar hover is installed on its canvas. */
    private static final String HOVER = "injectionplanner.overrideHover";

    private PlanOverlay() {
    }

    /**
     * Replaces the plan's part of the image's overlay (when {@code plan} is null, just shows the earlier sites
     * of {@link #setPriorSites}); targets are coloured by their worst finding in {@code findings}, needle paths
     * by their worst finding about the path ({@link SafetyReport#worstPathFinding}); no colours when null. The
     * earlier sites set for the image are drawn in each frame's scene, their labels laid out with the plan's.
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
            installOverrideHover(imp);
        } else {
            SceneOptions options = options(imp);
            for (Map.Entry<Integer, List<PlanScene.PriorSite>> e : priorSites(imp).entrySet()) {
                PlanScene scene = PlanScene.priorSites(e.getValue(), AnnotatedImages.refFor(imp, e.getKey()),
                        imp.getWidth(), imp.getHeight(), PlanStyle.MUTED, options);
                for (PlanScene.Mark mark : scene.marks()) {
                    ov.add(markRoi(mark, scene.font(), "true", imp, e.getKey()));
                }
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
            for (Roi r : build(imp, plan, null, null, PlanStyle.MUTED, READ_ONLY)) {
                ov.add(r);
            }
        }
        for (Roi r : kept) {
            ov.add(r);
        }
        ov.selectable(false);
        imp.setOverlay(ov.size() == 0 ? null : ov);
    }

    /** The property marking the drag readout (a plan element: {@link #render} removes it with the plan's). */
    static final String READOUT = "injectionplanner.readout";
    /** The readout's font size and its gap from the cursor, screen pixels. */
    private static final float READOUT_FONT_PX = 12;
    private static final double READOUT_GAP_PX = 14;

    /**
     * Shows {@code readout} next to the mouse at {@code cursor} (image pixels), replacing an earlier one: at the
     * same screen size at any zoom, and inside the part of the image the canvas shows ({@link DragReadout#place}).
     */
    static void showReadout(ImagePlus imp, DragReadout readout, PixelPoint cursor) {
        ImageCanvas canvas = imp.getCanvas();
        if (canvas == null) {
            return;
        }
        double mag = canvas.getMagnification();
        TextRoi text = new TextRoi(0, 0, readout.text(), new Font(Font.SANS_SERIF, Font.PLAIN, 12)
                .deriveFont((float) (READOUT_FONT_PX / mag)));
        text.setStrokeColor(Color.WHITE);
        text.setFillColor(new Color(40, 40, 40));
        text.setAntialiased(true);
        Rectangle src = canvas.getSrcRect();
        PixelBounds visible = new PixelBounds(src.x, src.y, src.x + Math.min(src.width, canvas.getWidth() / mag),
                src.y + Math.min(src.height, canvas.getHeight() / mag));
        PixelBounds box = DragReadout.place(cursor, text.getFloatWidth(), text.getFloatHeight(), READOUT_GAP_PX / mag,
                visible);
        text.setLocation(box.minX(), box.minY());
        text.setProperty(MARK, "true");
        text.setProperty(READOUT, "true");
        Overlay ov = withoutReadout(imp);
        ov.add(text);
        imp.setOverlay(ov);
    }

    /** Removes the drag readout from the image's overlay, if it shows one. */
    static void clearReadout(ImagePlus imp) {
        Overlay ov = withoutReadout(imp);
        imp.setOverlay(ov.size() == 0 ? null : ov);
    }

    /** The image's overlay (a new one if it has none) without the drag readout. */
    private static Overlay withoutReadout(ImagePlus imp) {
        Overlay ov = imp.getOverlay() == null ? new Overlay() : imp.getOverlay();
        for (int i = ov.size() - 1; i >= 0; i--) {
            if (ov.get(i).getProperty(READOUT) != null) {
                ov.remove(i);
            }
        }
        ov.selectable(false);
        return ov;
    }

    /** The image property holding the earlier sessions' sites to show on it ({@link #setPriorSites}). */
    private static final String PRIOR_SITES = "injectionplanner.priorSites";

    /**
     * Sets the earlier sessions' sites the image shows from the next {@link #render} on: per slice (1-based),
     * the sites to draw there as hollow rings with their labels, muted ({@link SceneOptions#priorSites}).
     */
    static void setPriorSites(ImagePlus imp, Map<Integer, List<PlanScene.PriorSite>> bySlice) {
        imp.setProperty(PRIOR_SITES, Map.copyOf(bySlice));
    }

    /** The earlier sessions' sites set for the image, by slice; none where none were set. */
    @SuppressWarnings("unchecked")
    private static Map<Integer, List<PlanScene.PriorSite>> priorSites(ImagePlus imp) {
        Object sites = imp.getProperty(PRIOR_SITES);
        return sites instanceof Map<?, ?> m ? (Map<Integer, List<PlanScene.PriorSite>>) m : Map.of();
    }

    /** The overlay elements of the plan on this image, targets and paths coloured by {@code findings}. */
    static List<Roi> build(ImagePlus imp, SessionPlan plan, SafetyReport findings, UUID selected) {
        return build(imp, plan, findings, selected, PlanStyle.CURRENT, "true");
    }

    /**
     * The overlay elements of the plan on this image drawn in {@code style}, each marked {@code markValue}:
     * the current plan's on every slice with the guides, a read-only plan's only on the slices it annotates.
     */
    private static List<Roi> build(ImagePlus imp, SessionPlan plan, SafetyReport findings, UUID selected,
            PlanStyle style, String markValue) {
        boolean current = style == PlanStyle.CURRENT;
        SortedSet<Integer> annotated = new TreeSet<>();
        plan.zones().forEach(z -> annotated.add(AnnotatedImages.sliceOf(imp, z.image())));
        plan.targets().forEach(t -> annotated.add(AnnotatedImages.sliceOf(imp, t.image())));
        annotated.remove(0);
        Map<Integer, List<PlanScene.PriorSite>> priors = current ? priorSites(imp) : Map.of();
        SortedSet<Integer> drawn = new TreeSet<>(annotated);
        drawn.addAll(priors.keySet());
        SceneOptions options = options(imp);
        Map<UUID, String> overrides = findings == null ? Map.of()
                : overrideNotes(plan, findings, options.structures());
        List<Roi> rois = new ArrayList<>();
        int slices = imp.getStackSize();
        // the guides of a frame without annotations differ from frame to frame only by the strip's pointer: made
        // once and copied (a stack's overlay is redrawn at every step of a drag)
        List<Roi> blankGuides = null;
        PlanScene.Mark blankPointer = null;
        for (int slice = 1; slice <= slices; slice++) {
            if (!current && !annotated.contains(slice)) {
                continue;
            }
            SceneOptions.CineFrames cine = slices > 1
                    ? new SceneOptions.CineFrames(slices, slice, List.copyOf(annotated)) : null;
            if (current && !drawn.contains(slice) && blankGuides != null) {
                for (Roi template : blankGuides) {
                    Roi copy = (Roi) template.clone();
                    AnnotatedImages.position(copy, imp, slice);
                    rois.add(copy);
                }
                Roi pointer = roi(PlanScene.framePointer(style, imp.getWidth(), imp.getHeight(), cine), null);
                pointer.setProperty(MARK, markValue);
                AnnotatedImages.position(pointer, imp, slice);
                rois.add(pointer);
                continue;
            }
            PlanScene scene = PlanScene.of(plan, findings, AnnotatedImages.refFor(imp, slice), imp.getWidth(),
                    imp.getHeight(), selected, style, options.withCine(cine)
                    .withPriorSites(priors.getOrDefault(slice, List.of())));
            List<PlanScene.Mark> marks = new ArrayList<>(current ? scene.guides() : List.of());
            marks.addAll(scene.marks());
            boolean blank = current && !drawn.contains(slice);
            if (blank) {
                blankGuides = new ArrayList<>();
                blankPointer = cine == null ? null
                        : PlanScene.framePointer(style, imp.getWidth(), imp.getHeight(), cine);
            }
            for (PlanScene.Mark mark : marks) {
                Roi roi = markRoi(mark, scene.font(), markValue, imp, slice);
                String note = mark.annotationId() == null ? null : overrides.get(mark.annotationId());
                if (note != null) {
                    roi.setName(note);
                }
                if (blank && !mark.equals(blankPointer)) {
                    // a copy's position is set anew on each blank frame it is placed on
                    blankGuides.add((Roi) roi.clone());
                }
                rois.add(roi);
            }
        }
        return rois;
    }

    /**
     * The scene options of an image: the label detail of the plugin's settings, the calibration of the region
     * that holds the image and the clinic's structure catalogue. The side markers are those the plan records for
     * the image (PlanScene).
     */
    static SceneOptions options(ImagePlus imp) {
        return SceneOptions.DEFAULT.withDetail(PluginSettings.labelDetail())
                .withCalibration(AnnotatedImages.imageCalibration(imp))
                .withStructures(PluginWorkspace.get().settings().catalogue());
    }

    /**
     * "Injection 3, T3 "L iliolumbar" (Iliolumbar ligament): overridden — reason; reason" for each target with an
     * overridden violation, by target: the site named as its findings name it ({@link SafetyChecks#siteName}).
     */
    private static Map<UUID, String> overrideNotes(SessionPlan plan, SafetyReport findings,
            StructureCatalogue catalogue) {
        Map<UUID, String> notes = new HashMap<>();
        for (Finding f : findings.violations()) {
            if (f.targetId() != null) {
                SafetyReport.overrideOf(plan, f).ifPresent(o -> notes.merge(f.targetId(),
                        SafetyChecks.siteName(plan, catalogue, f.targetId()).orElse("target") + ": overridden — "
                                + o.reason(), (a, b) -> a + "; " + o.reason()));
            }
        }
        return notes;
    }

    /**
     * Shows the name of the plan's overlay element under the mouse (an overridden finding's reason) in the
     * status bar; installed once per image window.
     */
    private static void installOverrideHover(ImagePlus imp) {
        ImageCanvas canvas = imp.getCanvas();
        if (canvas == null || imp.getProperty(HOVER) != null) {
            return;
        }
        imp.setProperty(HOVER, Boolean.TRUE);
        canvas.addMouseMotionListener(new MouseMotionAdapter() {
            @Override
            public void mouseMoved(MouseEvent e) {
                Overlay ov = imp.getOverlay();
                if (ov == null) {
                    return;
                }
                double x = canvas.offScreenXD(e.getX());
                double y = canvas.offScreenYD(e.getY());
                int slice = imp.getCurrentSlice();
                for (Roi r : ov.toArray()) {
                    boolean onSlice = r.getPosition() == slice || r.getTPosition() == slice
                            || r.getPosition() == 0 && r.getTPosition() == 0;
                    if (r.getName() != null && "true".equals(r.getProperty(MARK)) && onSlice
                            && r.getFloatBounds().contains(x, y)) {
                        IJ.showStatus(r.getName());
                        return;
                    }
                }
            }
        });
    }

    /**
     * The overlay element drawing a mark of a scene on the image's {@code slice} (1-based): its ImageJ ROI
     * marked {@code markValue}, carrying the id of the mark's annotation when it has one.
     */
    private static Roi markRoi(PlanScene.Mark mark, Font font, String markValue, ImagePlus imp, int slice) {
        Roi roi = roi(mark, font);
        roi.setProperty(MARK, markValue);
        if (mark.annotationId() != null) {
            roi.setProperty(PROP_ID, mark.annotationId().toString());
        }
        AnnotatedImages.position(roi, imp, slice);
        return roi;
    }

    /** The ImageJ ROI drawing a mark. */
    private static Roi roi(PlanScene.Mark mark, Font font) {
        if (mark instanceof PlanScene.Disc d) {
            OvalRoi disc = new OvalRoi(d.centre().x() - d.radius(), d.centre().y() - d.radius(), 2 * d.radius(),
                    2 * d.radius());
            disc.setFillColor(d.fill());
            return disc;
        }
        if (mark instanceof PlanScene.Ring r) {
            OvalRoi ring = new OvalRoi(r.centre().x() - r.radius(), r.centre().y() - r.radius(), 2 * r.radius(),
                    2 * r.radius());
            ring.setStrokeColor(r.colour());
            ring.setStrokeWidth(r.width());
            return ring;
        }
        if (mark instanceof PlanScene.Square s) {
            Roi square = new Roi(s.centre().x() - s.halfSide(), s.centre().y() - s.halfSide(), 2 * s.halfSide(),
                    2 * s.halfSide());
            square.setFillColor(s.fill());
            return square;
        }
        if (mark instanceof PlanScene.Cross c) {
            double x = c.centre().x();
            double y = c.centre().y();
            double h = c.halfSpan();
            Path2D.Double cross = new Path2D.Double();
            cross.moveTo(x - h, y - h);
            cross.lineTo(x + h, y + h);
            cross.moveTo(x - h, y + h);
            cross.lineTo(x + h, y - h);
            ShapeRoi roi = new ShapeRoi(cross);
            roi.setStrokeColor(c.colour());
            roi.setStrokeWidth(c.width());
            return roi;
        }
        if (mark instanceof PlanScene.Line l) {
            Line line = new Line(l.from().x(), l.from().y(), l.to().x(), l.to().y());
            line.setStrokeColor(l.colour());
            if (l.dash() == PlanStyle.Dash.SOLID) {
                line.setStrokeWidth(l.width());
            } else {
                line.setStroke(PlanStyle.stroke(l.width(), l.dash()));
            }
            return line;
        }
        if (mark instanceof PlanScene.Outline o) {
            PolygonRoi polygon = polygon(o.vertices());
            if (o.fill() != null) {
                polygon.setFillColor(o.fill());
            }
            if (o.stroke() != null) {
                polygon.setStrokeColor(o.stroke());
                // a 1-pixel line is ImageJ's default: a set width would go through the general stroker
                if (o.width() > 1) {
                    polygon.setStrokeWidth(o.width());
                }
            }
            polygon.setAntiAlias(o.antialiased());
            return polygon;
        }
        PlanScene.Label t = (PlanScene.Label) mark;
        TextRoi text = new TextRoi(t.x(), t.y(), t.text(), font);
        text.setStrokeColor(t.colour());
        text.setFillColor(t.background());
        text.setAntialiased(t.antialiased());
        return text;
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
}
