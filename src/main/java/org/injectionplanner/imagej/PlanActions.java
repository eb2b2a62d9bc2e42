package org.injectionplanner.imagej;

import ij.ImagePlus;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.CopyForward;
import org.injectionplanner.plan.EditBatch;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanEdit;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.PlanEditor;
import org.injectionplanner.plan.ProtocolPreset;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;

/**
 * What the tools and commands do to the active plan: place, move and delete targets and zones on an
 * image, measuring each in its region's calibration. Annotations are named as {@link AnnotationNames}
 * says. A new target gets its injection at the end of the session order, filled from
 * the clinic's first protocol preset.
 */
final class PlanActions {

    private PlanActions() {
    }

    /** Places a target on a slice of an image, with its injection: one undoable edit. */
    static Target addTarget(ImagePlus imp, int slice, PixelPoint p, Structure structure, Side side,
            SpinalLevel level, String label) {
        PlanEditor editor = PluginWorkspace.editor();
        EditBatch batch = new EditBatch(editor.plan());
        Target target = addTarget(batch, imp, slice, p, structure, side, level, label,
                PluginWorkspace.get().settings().defaultPreset());
        editor.batch("Add target " + target.label(), batch.edits());
        return target;
    }

    /**
     * Adds to a batch the edits that place a target on a slice of an image (numbered after the batch's
     * targets) with its injection from a preset.
     *
     * @param label the target's label; blank gives its name (T3)
     * @throws IllegalArgumentException if the image cannot be annotated or the point is not on the slice
     */
    static Target addTarget(EditBatch batch, ImagePlus imp, int slice, PixelPoint p, Structure structure, Side side,
            SpinalLevel level, String label, ProtocolPreset preset) {
        requireOnImage(imp, slice, List.of(p));
        MeasuredCalibration cal = AnnotatedImages.calibration(imp, List.of(p));
        int number = batch.plan().nextTargetNumber();
        String named = label == null || label.isBlank() ? AnnotationNames.target(number) : label;
        Target target = new Target(UUID.randomUUID(), number, named, structure.id(), side, level,
                AnnotatedImages.refFor(imp, slice), p, cal.depthMm(p), "", cal);
        batch.add(PlanEdits.addImage(AnnotatedImages.planImage(imp, slice))).add(PlanEdits.addTarget(target))
                .add(PlanEdits.addInjection(Injection.fromPreset(target.id(), preset)));
        return target;
    }

    /** Draws a zone on a slice of an image: one undoable edit. */
    static NerveZone addZone(ImagePlus imp, int slice, ZoneShape shape, ZoneKind kind, String name, double marginMm) {
        PlanEditor editor = PluginWorkspace.editor();
        EditBatch batch = new EditBatch(editor.plan());
        NerveZone zone = addZone(batch, imp, slice, shape, kind, name, marginMm);
        editor.batch("Add zone " + AnnotationNames.of(zone) + " " + name, batch.edits());
        return zone;
    }

    /**
     * Adds to a batch the edits that draw a zone on a slice of an image (numbered after the batch's zones).
     *
     * @throws IllegalArgumentException if the image cannot be annotated, the shape is not on the slice or
     *     the zone is not valid (e.g. a negative margin)
     */
    static NerveZone addZone(EditBatch batch, ImagePlus imp, int slice, ZoneShape shape, ZoneKind kind, String name,
            double marginMm) {
        requireOnImage(imp, slice, shape.outline());
        MeasuredCalibration cal = AnnotatedImages.calibration(imp, shape.outline());
        NerveZone zone = new NerveZone(UUID.randomUUID(), batch.plan().nextZoneNumber(), kind, name,
                AnnotatedImages.refFor(imp, slice), shape, marginMm, cal);
        batch.add(PlanEdits.addImage(AnnotatedImages.planImage(imp, slice))).add(PlanEdits.addZone(zone));
        return zone;
    }

    /** Moves a target to a new point on its frame. */
    static void moveTarget(ImagePlus imp, UUID id, PixelPoint p) {
        requireOnImage(imp, 1, List.of(p));
        PluginWorkspace.editor().apply(moveEdit(imp, id, p));
    }

    /** The active plan with a target moved to p, not applied: the drag preview, measured as the move will be. */
    static SessionPlan withTargetMoved(ImagePlus imp, UUID id, PixelPoint p) {
        return PluginWorkspace.editor().preview(List.of(moveEdit(imp, id, p)));
    }

    private static PlanEdit moveEdit(ImagePlus imp, UUID id, PixelPoint p) {
        MeasuredCalibration cal = AnnotatedImages.calibration(imp, List.of(p));
        return PlanEdits.moveTarget(id, p, cal);
    }

    /**
     * Places a target (a site copied from an earlier session) on a slice of a current image at {@code p},
     * with that image's calibration: it is confirmed ({@link CopyForward#place}).
     */
    static void placeTarget(ImagePlus imp, int slice, UUID id, PixelPoint p) {
        requireOnImage(imp, slice, List.of(p));
        PluginWorkspace.editor().apply(placeEdit(imp, slice, id, p));
    }

    /** The active plan with a target placed on a slice at p, not applied: the drag preview. */
    static SessionPlan withTargetPlaced(ImagePlus imp, int slice, UUID id, PixelPoint p) {
        return PluginWorkspace.editor().preview(List.of(placeEdit(imp, slice, id, p)));
    }

    private static PlanEdit placeEdit(ImagePlus imp, int slice, UUID id, PixelPoint p) {
        return CopyForward.place(id, AnnotatedImages.planImage(imp, slice), AnnotatedImages.refFor(imp, slice), p,
                AnnotatedImages.calibration(imp, List.of(p)));
    }

    /** Changes a zone's shape. */
    static void reshapeZone(ImagePlus imp, UUID id, ZoneShape shape) {
        requireOnImage(imp, 1, shape.outline());
        PluginWorkspace.editor().apply(reshapeEdit(imp, id, shape));
    }

    /** The active plan with a zone reshaped, not applied: the drag preview, calibrated as the edit will be. */
    static SessionPlan withZoneReshaped(ImagePlus imp, UUID id, ZoneShape shape) {
        return PluginWorkspace.editor().preview(List.of(reshapeEdit(imp, id, shape)));
    }

    private static PlanEdit reshapeEdit(ImagePlus imp, UUID id, ZoneShape shape) {
        return PlanEdits.reshapeZone(id, shape, AnnotatedImages.calibration(imp, shape.outline()));
    }

    /** The frame an annotation was placed on. */
    static ImageRef imageOf(SessionPlan plan, UUID id) {
        return plan.target(id).map(Target::image)
                .orElseGet(() -> plan.zone(id).map(NerveZone::image).orElseThrow());
    }

    /**
     * Checks that the image can be annotated (and is not an earlier session's read-only window), the slice
     * is one of its slices and the points lie on it.
     *
     * @throws IllegalArgumentException saying which does not hold
     */
    static void requireOnImage(ImagePlus imp, int slice, List<PixelPoint> points) {
        if (!AnnotatedImages.isAnnotatable(imp)) {
            throw new IllegalArgumentException(AnnotatedImages.notAnnotatable(imp));
        }
        if (PriorReview.isReadOnly(imp)) {
            throw new IllegalArgumentException(PriorReview.refusal(imp));
        }
        if (slice < 1 || slice > imp.getStackSize()) {
            throw new IllegalArgumentException("frame " + slice + " is outside \"" + imp.getTitle() + "\" (1-"
                    + imp.getStackSize() + ")");
        }
        for (PixelPoint p : points) {
            if (!(p.x() >= 0 && p.y() >= 0 && p.x() <= imp.getWidth() && p.y() <= imp.getHeight())) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "point (%.1f, %.1f) is outside the %d × %d image", p.x(), p.y(), imp.getWidth(),
                        imp.getHeight()));
            }
        }
    }
}
