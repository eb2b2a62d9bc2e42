package org.injectionplanner.scene;

import java.awt.Color;
import java.awt.Font;
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
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Decimals;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.StructureCatalogue;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyCheck;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.safety.Severity;

/**
 * What to draw for a plan on one frame of one image, in image pixel coordinates (x right, y down, pixel
 * (i, j) covering [i, i+1) × [j, j+1), as the plan's points): each zone as a translucent fill, an outline
 * and its margin outline offset by the margin in mm, with its name; each target as a dot in a ring with
 * its place in the session order, its number, label, structure name and depth; its needle path as a line
 * from a square at the skin entry, labelled with its length and angle. Targets and paths take the colour of
 * their worst finding ({@link PlanStyle}); an overridden violation is drawn in its own neutral style. Labels
 * sit on an opaque box, laid out so that none covers a marker, a path's end, a guide or another label and all
 * stay inside the image ({@link LabelLayout}; the structures' names are left out where the image has no room
 * for them); a label moved away from its anchor gets a thin leader line. Marks are in drawing order (zones,
 * leader lines, then per target its path and its marker, then the labels) and each names the annotation it
 * belongs to; the guides (depth ruler, scale bar, side markers, cine frame strip)
 * belong to none. {@link PlanPainter} paints them, the ImageJ overlay turns each into one ROI.
 *
 * @param frame the DICOM instance and frame drawn
 * @param width the image's width, pixels
 * @param height the image's height, pixels
 * @param font the labels' font
 * @param marks what to draw for the plan's annotations, in order
 * @param scaleBar the scale bar of the frame's calibration (drawn among the guides), or null where nothing
 *        on the frame is calibrated
 * @param guides the frame's guides, drawn beneath the marks: their {@link Mark#annotationId} is null
 */
public record PlanScene(ImageRef frame, int width, int height, Font font, List<Mark> marks, ScaleBar scaleBar,
        List<Mark> guides) {

    public PlanScene {
        marks = List.copyOf(marks);
        guides = List.copyOf(guides);
    }

    /** A scene without guides. */
    public PlanScene(ImageRef frame, int width, int height, Font font, List<Mark> marks, ScaleBar scaleBar) {
        this(frame, width, height, font, marks, scaleBar, List.of());
    }

    /** A mark of the scene, belonging to one annotation (a target with its path, or a zone), or a guide. */
    public sealed interface Mark permits Disc, Square, Cross, Line, Outline, Label, Ring {
        /** The target or zone it belongs to; null for a guide of the frame. */
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

    /**
     * The scene of the plan's annotations on {@code frame} of an image {@code width} × {@code height} pixels,
     * with full labels, the depth ruler and scale bar of the annotations' calibration, and nothing else.
     *
     * @param findings the plan's safety report; null draws no finding colours (paths in the target colour)
     * @param selected the selected target or zone (drawn highlighted), or null
     */
    public static PlanScene of(SessionPlan plan, SafetyReport findings, ImageRef frame, int width, int height,
            UUID selected, PlanStyle style) {
        return of(plan, findings, frame, width, height, selected, style, SceneOptions.DEFAULT);
    }

    /**
     * The scene as {@link #of(SessionPlan, SafetyReport, ImageRef, int, int, UUID, PlanStyle)} draws it, with
     * the labels' detail, side markers, frame calibration and cine strip of {@code options}; where
     * {@code options} give no side markers, those of the sides the plan records for the frame's image. The
     * earlier sessions' sites of {@code options} are drawn as {@link #priorSites} draws them, in
     * {@link PlanStyle#MUTED}'s target colour beneath the plan's markers, and all labels are laid out together.
     */
    public static PlanScene of(SessionPlan plan, SafetyReport findings, ImageRef frame, int width, int height,
            UUID selected, PlanStyle style, SceneOptions options) {
        try (LabelMetrics metrics = new LabelMetrics(style.labelFont(width))) {
            MeasuredCalibration calibration = options.calibration() != null ? options.calibration()
                    : calibrationOf(plan, frame);
            Builder b = new Builder(style, metrics, options.detail(), options.structures(), width, height);
            b.add(plan, findings, frame, selected, options.priorSites());
            SceneOptions withSides = options.orientation() != null ? options
                    : options.withOrientation(orientationOf(plan, frame));
            FrameGuides guides = FrameGuides.of(style, metrics, b.layout, width, height, calibration, withSides);
            return new PlanScene(frame, width, height, metrics.font(), b.laidOut(), guides.scaleBar, guides.marks);
        }
    }

    /**
     * The side markers and midline of the frame's image as the plan records its sides, or null where they are not
     * known.
     */
    private static ImageOrientation orientationOf(SessionPlan plan, ImageRef frame) {
        return plan.image(frame.sopInstanceUid()).map(PlanImage::sides)
                .map(s -> new ImageOrientation(s.leftEdge().marker(), s.rightEdge().marker(), s.midlineX()))
                .orElse(null);
    }

    /**
     * The frame strip's pointer at {@code cine}'s current frame, as the scene of that frame draws it among its
     * guides (the one guide that differs between frames without annotations).
     */
    public static Outline framePointer(PlanStyle style, int width, int height, SceneOptions.CineFrames cine) {
        return FrameGuides.pointer(style, width, height, cine);
    }

    /** Every label of the scene, the guides' and the marks'. */
    public List<Label> labels() {
        List<Label> labels = new ArrayList<>();
        for (List<Mark> list : List.of(guides, marks)) {
            list.stream().filter(m -> m instanceof Label).map(m -> (Label) m).forEach(labels::add);
        }
        return labels;
    }

    /**
     * The calibration of the frame's first calibrated zone, target or path entry (its ultrasound region);
     * uncalibrated where the frame has annotations but none is calibrated; null where it has none.
     */
    private static MeasuredCalibration calibrationOf(SessionPlan plan, ImageRef frame) {
        List<MeasuredCalibration> calibrations = new ArrayList<>();
        plan.zones().stream().filter(z -> z.image().equals(frame)).forEach(z -> calibrations.add(z.calibration()));
        for (Target t : plan.targets()) {
            if (t.image().equals(frame)) {
                calibrations.add(t.calibration());
                plan.injectionAt(t.id()).map(i -> i.path()).filter(p -> p != null)
                        .ifPresent(p -> calibrations.add(p.entryCalibration()));
            }
        }
        if (calibrations.isEmpty()) {
            return null;
        }
        return calibrations.stream().filter(MeasuredCalibration::isCalibrated).findFirst()
                .orElse(MeasuredCalibration.UNCALIBRATED);
    }

    /**
     * A label to be placed: its anchor (a point as an empty box, or a zone's bounds), how far from it, the radius
     * of the marker a leader line starts outside of, its text (and the shorter one used where the image has no
     * room for every label's full text) and look.
     */
    private record Request(UUID id, LabelLayout.Box anchor, double clearance, double markerRadius, String text,
            String shortText, Color colour, boolean antialiased, LabelLayout.Direction first) {

        Request(UUID id, LabelLayout.Box anchor, double clearance, double markerRadius, String text, Color colour,
                boolean antialiased, LabelLayout.Direction first) {
            this(id, anchor, clearance, markerRadius, text, text, colour, antialiased, first);
        }
    }

    /**
     * A site shown on a current image for comparison: an earlier session's target, or a target of today's plan
     * copied from one and still to be placed. Its label names it as today's target's label does at the scene's
     * detail (number, label, structure's name; no depth or finding: those are the earlier image's), between
     * {@code session} and {@code note} so that it is never taken for today's: "s1 T3 L iliolumbar · Iliolumbar
     * ligament", "T3 L iliolumbar · to place (s1)".
     *
     * @param target the site's target, its point in the earlier image's pixel coordinates
     * @param session the session it comes from, put before its name ("s1"), or ""
     * @param note what is put after its name ("to place (s1)"), or ""
     */
    public record PriorSite(Target target, String session, String note) {

        public PriorSite {
            if (target == null || session == null || note == null) {
                throw new IllegalArgumentException("a prior site needs a target, a session and a note (may be empty)");
            }
        }

        /** The target's id: the site's marks belong to it. */
        public UUID id() {
            return target.id();
        }

        /** Where the site lies, image pixels. */
        public PixelPoint point() {
            return target.point();
        }
    }

    /**
     * The scene of earlier sessions' sites alone on {@code frame} of a current image {@code width} ×
     * {@code height} pixels (where no plan is drawn; with a plan they go into its scene,
     * {@link SceneOptions#priorSites}): each a hollow ring (no dot: nothing is planned there today) with its
     * label laid out as a target's, at the label detail and naming structures by the catalogue of
     * {@code options}, in {@code style}'s target colour. Sites outside the image are left out. No scale bar.
     */
    public static PlanScene priorSites(List<PriorSite> sites, ImageRef frame, int width, int height,
            PlanStyle style, SceneOptions options) {
        try (LabelMetrics metrics = new LabelMetrics(style.labelFont(width))) {
            Builder b = new Builder(style, metrics, options.detail(), options.structures(), width, height);
            b.priorSites(sites, style.target());
            return new PlanScene(frame, width, height, metrics.font(), b.laidOut(), null, List.of());
        }
    }

    /** Collects the marks of a scene and lays out its labels. */
    private static final class Builder {

        private final PlanStyle style;
        private final LabelMetrics metrics;
        private final LabelDetail detail;
        private final StructureCatalogue structures;
        private final LabelLayout layout;
        private final List<Mark> marks = new ArrayList<>();
        /** The number of the zones' marks, at the start of {@link #marks}: leader lines are drawn after them. */
        private int zoneMarks;
        private final List<Request> targetLabels = new ArrayList<>();
        private final List<Request> priorLabels = new ArrayList<>();
        private final List<Request> pathLabels = new ArrayList<>();
        private final List<Request> zoneLabels = new ArrayList<>();

        Builder(PlanStyle style, LabelMetrics metrics, LabelDetail detail, StructureCatalogue structures, int width,
                int height) {
            this.style = style;
            this.metrics = metrics;
            this.detail = detail;
            this.structures = structures;
            this.layout = new LabelLayout(width, height);
        }

        /**
         * The marks of the plan's zones, then of the earlier sessions' {@code priors} (in {@link PlanStyle#MUTED}'s
         * target colour), then of the plan's targets with their paths, on {@code frame}.
         */
        void add(SessionPlan plan, SafetyReport findings, ImageRef frame, UUID selected, List<PriorSite> priors) {
            for (NerveZone z : plan.zones()) {
                if (z.image().equals(frame)) {
                    zone(z, z.id().equals(selected));
                }
            }
            zoneMarks = marks.size();
            priorSites(priors, PlanStyle.MUTED.target());
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
                        PlanStyle.State state = findings == null ? null : state(plan, findings, t.id(), true);
                        path(t, path, position, state);
                    }
                    target(t, position, findings == null ? PlanStyle.State.CLEAR
                            : state(plan, findings, t.id(), false), t.id().equals(selected));
                }
            }
        }

        /**
         * The state of a target's findings (all of them, or those about its path): an open violation, violations
         * all overridden, a warning, or none (notes colour nothing).
         */
        private static PlanStyle.State state(SessionPlan plan, SafetyReport findings, UUID targetId,
                boolean pathOnly) {
            List<Finding> about = findings.about(targetId).stream().filter(f -> f.severity() != Severity.NOTE
                    && (!pathOnly || SafetyCheck.isAboutPath(f.check()))).toList();
            List<Finding> violations = about.stream().filter(f -> f.severity() == Severity.VIOLATION).toList();
            if (violations.stream().anyMatch(f -> SafetyReport.overrideOf(plan, f).isEmpty())) {
                return PlanStyle.State.VIOLATION;
            }
            if (!violations.isEmpty()) {
                return PlanStyle.State.OVERRIDDEN;
            }
            return about.isEmpty() ? PlanStyle.State.CLEAR : PlanStyle.State.WARNING;
        }

        /**
         * The sites of earlier sessions that lie on the image, in {@code colour}: each a hollow ring (no dot:
         * nothing is planned there today), its label laid out like a target's, after today's targets' labels and
         * starting above left of it (today's target at the same place starts right).
         */
        void priorSites(List<PriorSite> sites, Color colour) {
            for (PriorSite site : sites) {
                PixelPoint p = site.point();
                if (p.x() < 0 || p.y() < 0 || p.x() > layout.width() || p.y() > layout.height()) {
                    continue;
                }
                marks.add(new Ring(site.id(), p, PlanStyle.RING_RADIUS, colour, PlanStyle.PRIOR_WIDTH));
                layout.avoid(box(p, PlanStyle.RING_RADIUS + PlanStyle.PRIOR_WIDTH / 2));
                String session = site.session().isEmpty() ? "" : site.session() + " ";
                String note = site.note().isEmpty() ? "" : " · " + site.note();
                priorLabels.add(new Request(site.id(), box(p, 0), PlanStyle.RING_RADIUS + 3, PlanStyle.RING_RADIUS,
                        siteName(session, site.target(), true) + note, siteName(session, site.target(), false) + note,
                        colour, false, LabelLayout.Direction.NW));
            }
        }

        void zone(NerveZone z, boolean selected) {
            List<PixelPoint> drawn = Outlines.simplified(z.shape().outline(), Outlines.DRAWING_TOLERANCE_PX);
            marks.add(new Outline(z.id(), drawn, style.zoneFill(), null, 0, true));
            marks.add(new Outline(z.id(), drawn, null, selected ? style.selected() : style.zone(),
                    selected ? PlanStyle.SELECTED_ZONE_WIDTH : PlanStyle.ZONE_WIDTH, true));
            String text = "Z" + z.number() + (detail == LabelDetail.NUMBER ? "" : " " + z.name());
            Optional<MmScale> scale = z.calibration().scale();
            if (scale.isPresent()) {
                for (List<PixelPoint> ring : Outlines.margin(z.shape(), z.marginMm(), scale.get())) {
                    marks.add(new Outline(z.id(), ring, null, style.margin(), PlanStyle.MARGIN_WIDTH, false));
                }
                text += detail == LabelDetail.FULL ? String.format(Locale.ROOT, " (margin %.1f mm)", z.marginMm()) : "";
            } else {
                text += detail == LabelDetail.FULL ? " (uncalibrated: margin not drawn)" : "";
            }
            PixelBounds box = z.shape().bounds();
            zoneLabels.add(new Request(z.id(), new LabelLayout.Box(box.minX(), box.minY(), box.maxX() - box.minX(),
                    box.maxY() - box.minY()), 3, 0, text,
                    selected ? style.selected() : style.margin(), false, LabelLayout.Direction.N));
        }

        /** A needle path in the colour of its findings' {@code state} (null: no findings known). */
        void path(Target t, NeedlePath path, String position, PlanStyle.State state) {
            PlanStyle.State drawn = state == null ? PlanStyle.State.CLEAR : state;
            Color colour = state == null ? style.target() : style.forState(state, style.clear());
            PixelPoint entry = path.entry();
            marks.add(new Line(t.id(), entry, t.point(), colour, PlanStyle.pathWidth(drawn),
                    PlanStyle.pathDash(drawn)));
            marks.add(new Square(t.id(), entry, PlanStyle.ENTRY_HALF_SIDE, colour));
            layout.avoid(box(entry, PlanStyle.ENTRY_HALF_SIDE));
            if (detail != LabelDetail.FULL) {
                return;
            }
            String text = position + path.measure(t).map(m -> String.format(Locale.ROOT, "%s mm · %.0f°",
                    Decimals.ceilTenth(m.lengthMm()), m.angleDeg())).orElse("path uncalibrated");
            // at a third of the way down the path: paths that start close together part there
            PixelPoint anchor = new PixelPoint(entry.x() + (t.point().x() - entry.x()) / 3,
                    entry.y() + (t.point().y() - entry.y()) / 3);
            pathLabels.add(new Request(t.id(), box(anchor, 0), 6, 0, text, colour, true, LabelLayout.Direction.E));
        }

        void target(Target t, String position, PlanStyle.State state, boolean selected) {
            boolean wide = selected || state == PlanStyle.State.VIOLATION || state == PlanStyle.State.OVERRIDDEN;
            Color ring = selected ? style.selected() : state == PlanStyle.State.VIOLATION ? style.violation()
                    : state == PlanStyle.State.OVERRIDDEN ? style.overridden() : style.ink();
            double ringRadius = wide ? PlanStyle.WIDE_RING_RADIUS : PlanStyle.RING_RADIUS;
            // the ring is a disc under the dot: filling is cheaper than stroking a circle
            marks.add(new Disc(t.id(), t.point(), ringRadius, ring));
            if (state == PlanStyle.State.OVERRIDDEN) {
                // hollow: a dark centre with a tick in the override's neutral colour
                marks.add(new Disc(t.id(), t.point(), PlanStyle.TARGET_RADIUS, style.ink()));
                tick(t.id(), t.point());
            } else {
                marks.add(new Disc(t.id(), t.point(), PlanStyle.TARGET_RADIUS, style.forState(state, style.target())));
            }
            if (state == PlanStyle.State.VIOLATION) {
                marks.add(new Cross(t.id(), t.point(), PlanStyle.CROSS_HALF_SPAN, style.ink(), PlanStyle.CROSS_WIDTH));
            }
            layout.avoid(box(t.point(), ringRadius));
            String text = targetText(t, position, false, state);
            String named = targetText(t, position, true, state);
            targetLabels.add(new Request(t.id(), box(t.point(), 0), ringRadius + 3, ringRadius, named, text,
                    selected ? style.selected() : state == PlanStyle.State.OVERRIDDEN ? style.overridden()
                            : style.target(), false, LabelLayout.Direction.E));
        }

        /**
         * "#1 T3 L iliolumbar" ({@link #siteName}), then at full detail " · 13.2 mm deep" and its worst finding's
         * state.
         */
        private String targetText(Target t, String position, boolean withStructure, PlanStyle.State state) {
            String text = siteName(position, t, withStructure);
            if (detail != LabelDetail.FULL) {
                return text;
            }
            return text + " · " + Decimals.depthText(t.depthMm())
                    + switch (state) {
                        case CLEAR -> "";
                        case WARNING -> " · warning";
                        case OVERRIDDEN -> " · overridden";
                        case VIOLATION -> " · VIOLATION";
                    };
        }

        /**
         * "#1 T3 L iliolumbar · Iliolumbar ligament": {@code before}, the target's number, above
         * {@link LabelDetail#NUMBER} its label (where it says more than the number) and, {@code withStructure} at
         * {@link LabelDetail#FULL}, its structure's name by the scene's catalogue (where the label does not hold it).
         */
        private String siteName(String before, Target t, boolean withStructure) {
            String name = AnnotationNames.of(t);
            String label = t.label().equals(name) ? "" : t.label();
            String named = detail == LabelDetail.NUMBER ? ""
                    : withStructure && detail == LabelDetail.FULL ? structures.withName(label, t.structureId()) : label;
            return before + name + (named.isEmpty() ? "" : " " + named);
        }

        /** A tick (✓) inside a target's marker. */
        private void tick(UUID id, PixelPoint c) {
            PixelPoint knee = new PixelPoint(c.x() - 1, c.y() + 3);
            marks.add(new Line(id, new PixelPoint(c.x() - 4, c.y()), knee, style.overridden(), PlanStyle.TICK_WIDTH,
                    PlanStyle.Dash.SOLID));
            marks.add(new Line(id, knee, new PixelPoint(c.x() + 4, c.y() - 4), style.overridden(),
                    PlanStyle.TICK_WIDTH, PlanStyle.Dash.SOLID));
        }

        /** A thin line from the anchor's marker (outside its radius) to the nearest point of the label's box. */
        private static Line leader(Request r, LabelLayout.Box label) {
            LabelLayout.Box a = r.anchor();
            double[] end = label.nearest(a.x() + a.w() / 2, a.y() + a.h() / 2);
            double[] start = a.nearest(end[0], end[1]);
            double dx = end[0] - start[0];
            double dy = end[1] - start[1];
            double length = Math.hypot(dx, dy);
            PixelPoint from = new PixelPoint(start[0] + dx / length * r.markerRadius(),
                    start[1] + dy / length * r.markerRadius());
            return new Line(r.id(), from, new PixelPoint(end[0], end[1]), r.colour(), PlanStyle.LEADER_WIDTH,
                    PlanStyle.Dash.SOLID);
        }

        /**
         * Places the labels on {@code on} in their order, with their short texts or not, adding their leader lines
         * and labels; with {@code untilOverfull}, stops at the first label the image has no free room for and
         * returns false (the labels placed are then of no use: all are laid out again with their short texts).
         */
        private boolean place(LabelLayout on, boolean shortTexts, boolean untilOverfull, List<Mark> leaders,
                List<Mark> labels) {
            for (Request r : requests()) {
                String text = shortTexts ? r.shortText() : r.text();
                double w = metrics.width(text, r.antialiased());
                double h = metrics.height(r.antialiased());
                LabelLayout.Box b = on.place(r.anchor(), r.clearance(), w, h,
                        LabelLayout.Direction.startingWith(r.first()));
                if (untilOverfull && on.overfull()) {
                    return false;
                }
                if (b.distance(r.anchor()) > r.clearance() + h) {
                    leaders.add(leader(r, b));
                }
                labels.add(new Label(r.id(), b.x(), b.y(), w, h, text, r.colour(), style.ink(), r.antialiased()));
            }
            return true;
        }

        /** The labels to place, in the order placed: targets', earlier sites', paths', zones'. */
        private List<Request> requests() {
            List<Request> all = new ArrayList<>(targetLabels);
            all.addAll(priorLabels);
            all.addAll(pathLabels);
            all.addAll(zoneLabels);
            return all;
        }

        private static LabelLayout.Box box(PixelPoint centre, double half) {
            return new LabelLayout.Box(centre.x() - half, centre.y() - half, 2 * half, 2 * half);
        }

        /**
         * The marks with the labels placed, targets' first, then earlier sites', paths', zones': the zones' marks,
         * the leader lines of moved labels (beneath the markers they pass), the paths and markers, the labels. Where
         * the image has no free room for every label's full text, all are laid out again with their short texts
         * (targets' and earlier sites' without their structures' names): the full texts' layout stops at the first
         * label that does not fit, and where no label has a shorter text it is the only layout, fitting or not (a
         * second one would place the same texts in the same places).
         */
        List<Mark> laidOut() {
            List<Mark> leaders = new ArrayList<>();
            List<Mark> labels = new ArrayList<>();
            boolean shorter = requests().stream().anyMatch(r -> !r.text().equals(r.shortText()));
            LabelLayout bare = shorter ? layout.copy() : null;
            if (!place(layout, false, shorter, leaders, labels)) {
                leaders.clear();
                labels.clear();
                place(bare, true, false, leaders, labels);
            }
            List<Mark> all = new ArrayList<>(marks.subList(0, zoneMarks));
            all.addAll(leaders);
            all.addAll(marks.subList(zoneMarks, marks.size()));
            all.addAll(labels);
            return all;
        }
    }
}
