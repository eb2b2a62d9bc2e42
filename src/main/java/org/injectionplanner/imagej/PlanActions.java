package org.injectionplanner.imagej;

import ij.ImagePlus;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanEdit;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.PlanEditor;
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

    /** Places a target on a slice of an image. */
    static Target addTarget(ImagePlus imp, int slice, PixelPoint p, Structure structure, Side side,
            SpinalLevel level, String label) {
        requireOnImage(imp, slice, List.of(p));
        PlanEditor editor = PluginWorkspace.editor();
        MeasuredCalibration cal = AnnotatedImages.calibration(imp, List.of(p));
        int number = editor.plan().nextTargetNumber();
        String named = label == null || label.isBlank() ? AnnotationNames.target(number) : label;
        Target target = new Target(UUID.randomUUID(), number, named, structure.id(), side, level,
                AnnotatedImages.refFor(imp, slice), p, cal.depthMm(p), "", cal);
        editor.batch("Add target " + target.label(),
                List.of(PlanEdits.addImage(AnnotatedImages.planImage(imp, slice)), PlanEdits.addTarget(target),
                        PlanEdits.addInjection(Injection.fromPreset(target.id(),
                                PluginWorkspace.get().settings().defaultPreset()))));
        return target;
    }

    /** Draws a zone on a slice of an image. */
    static NerveZone addZone(ImagePlus imp, int slice, ZoneShape shape, ZoneKind kind, String name, double marginMm) {
        requireOnImage(imp, slice, shape.outline());
        PlanEditor editor = PluginWorkspace.editor();
        MeasuredCalibration cal = AnnotatedImages.calibration(imp, shape.outline());
        int number = editor.plan().nextZoneNumber();
        NerveZone zone = new NerveZone(UUID.randomUUID(), number, kind, name, AnnotatedImages.refFor(imp, slice),
                shape, marginMm, cal);
        editor.batch("Add zone " + AnnotationNames.zone(number) + " " + name,
                List.of(PlanEdits.addImage(AnnotatedImages.planImage(imp, slice)), PlanEdits.addZone(zone)));
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
     * Checks that the image can be annotated, the slice is one of its slices and the points lie on it.
     *
     * @throws IllegalArgumentException saying which does not hold
     */
    static void requireOnImage(ImagePlus imp, int slice, List<PixelPoint> points) {
        if (!AnnotatedImages.isAnnotatable(imp)) {
            throw new IllegalArgumentException(AnnotatedImages.notAnnotatable(imp));
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
