package org.injectionplanner.imagej;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.CopyForward;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanEdit;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;

/**
 * Plugins › Injection Planner › Edit Plan Annotation...: changes a target's structure, side, level,
 * label, notes and position, or a zone's kind, name and margin. Macro keys: {@code annotation} (T3,
 * Z2), then {@code structure side level label notes x y} for targets or {@code kind name margin} and
 * optionally a new shape ({@code points} or {@code ellipse}) for zones. A target copied from an earlier
 * session and still to confirm is placed at {@code x y} on the active image and frame when that is one of
 * today's images (with its calibration), and so confirmed.
 */
public final class EditPlanAnnotationCommand implements PlugIn {

    @Override
    public void run(String arg) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        UUID selected = PluginWorkspace.get().selected();
        GenericDialog which = new GenericDialog("Edit Plan Annotation");
        which.addStringField("annotation", selected == null ? "T1" : AnnotationNames.of(plan, selected), 8);
        which.showDialog();
        if (which.wasCanceled()) {
            return;
        }
        try {
            UUID id = AnnotationNames.resolve(plan, which.getNextString());
            if (plan.target(id).isPresent()) {
                editTarget(plan.target(id).get());
            } else {
                editZone(plan.zone(id).orElseThrow());
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    private static void editTarget(Target t) {
        GenericDialog gd = new GenericDialog("Edit Target " + AnnotationNames.of(t));
        Structure structure = PluginWorkspace.get().settings().catalogue().require(t.structureId());
        TargetFields.addTo(gd, new TargetFields(structure, t.side(), t.level(), t.label()), t.label());
        gd.addStringField("notes", t.notes(), 30);
        gd.addNumericField("x", t.point().x(), 2, 8, "pixels");
        gd.addNumericField("y", t.point().y(), 2, 8, "pixels");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        TargetFields f = TargetFields.readFrom(gd);
        String notes = gd.getNextString();
        PixelPoint p = new PixelPoint(gd.getNextNumber(), gd.getNextNumber());
        if (gd.invalidNumber()) {
            throw new IllegalArgumentException("x and y must be numbers");
        }
        List<PlanEdit> edits = new ArrayList<>();
        edits.add(PlanEdits.describeTarget(t.id(), f.label().isEmpty() ? AnnotationNames.of(t) : f.label(),
                f.structure().id(), f.side(), f.level(), notes));
        ImagePlus active = WindowManager.getCurrentImage();
        if (PluginWorkspace.editor().plan().isToConfirm(t.id()) && AnnotatedImages.isAnnotatable(active)
                && !PriorReview.isReadOnly(active) && AnnotatedImages.sliceOf(active, t.image()) == 0) {
            int slice = active.getCurrentSlice();
            PlanActions.requireOnImage(active, slice, List.of(p));
            edits.add(CopyForward.place(t.id(), AnnotatedImages.planImage(active, slice),
                    AnnotatedImages.refFor(active, slice), p, AnnotatedImages.calibration(active, List.of(p))));
        } else if (!p.equals(t.point())) {
            ImagePlus imp = imageShowing(t.image());
            MeasuredCalibration cal = AnnotatedImages.calibration(imp, List.of(p));
            edits.add(PlanEdits.moveTarget(t.id(), p, cal));
        }
        PluginWorkspace.editor().batch("Edit target " + AnnotationNames.of(t), edits);
    }

    /** An open image showing the frame; moving a target needs its calibration. */
    private static ImagePlus imageShowing(ImageRef ref) {
        int[] ids = WindowManager.getIDList();
        if (ids != null) {
            for (int id : ids) {
                ImagePlus imp = WindowManager.getImage(id);
                if (AnnotatedImages.isAnnotatable(imp) && AnnotatedImages.sliceOf(imp, ref) > 0) {
                    return imp;
                }
            }
        }
        throw new IllegalArgumentException("open the image of this target to move it (it is on "
                + ref.sopInstanceUid() + ", frame " + ref.frame() + ")");
    }

    private static void editZone(NerveZone z) {
        GenericDialog gd = new GenericDialog("Edit Zone Z" + z.number());
        gd.addChoice("kind", AddNerveZoneCommand.KINDS, z.kind().name().toLowerCase(java.util.Locale.ROOT));
        gd.addStringField("name", z.name(), 24);
        gd.addNumericField("margin", z.marginMm(), 1, 6, "mm");
        gd.addStringField("points", "", 30);
        gd.addStringField("ellipse", "", 20);
        gd.addMessage("To reshape the zone give new points (x1,y1;x2,y2;...) or an ellipse (cx,cy,rx,ry[,angle]).");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        ZoneKind kind = ZoneKind.parse(gd.getNextChoice());
        String name = gd.getNextString().trim();
        double margin = gd.getNextNumber();
        String points = gd.getNextString().trim();
        String ellipse = gd.getNextString().trim();
        if (gd.invalidNumber()) {
            throw new IllegalArgumentException("margin must be a number of mm");
        }
        List<PlanEdit> edits = new ArrayList<>();
        edits.add(PlanEdits.describeZone(z.id(), kind, name, margin));
        if (!points.isEmpty() || !ellipse.isEmpty()) {
            ZoneShape shape = AddNerveZoneCommand.parseShape(points, ellipse);
            ImagePlus imp = imageShowing(z.image());
            edits.add(PlanEdits.reshapeZone(z.id(), shape, AnnotatedImages.calibration(imp, shape.outline())));
        }
        PluginWorkspace.editor().batch("Edit zone " + AnnotationNames.of(z), edits);
    }
}
