package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.tool.PlugInTool;
import java.awt.event.MouseEvent;
import java.util.Locale;
import java.util.Optional;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Target;
import org.injectionplanner.scene.DragReadout;
import org.injectionplanner.scene.PlanStyle;

/**
 * The Injection Target tool: a click places a target on the current frame and asks for structure,
 * side and level (last choice preselected); dragging a target moves it; Delete removes the selected
 * one. A click on the hollow ring of a site copied from an earlier session and still to confirm places that
 * site there, on this image and frame; dragging the ring places it where it is let go. While a target is
 * dragged, a readout next to the mouse ({@link DragReadout}) shows its depth, its path's length and angle and
 * its nearest zone as they would be on release. Each action records
 * its equivalent command line for the Macro Recorder.
 */
public final class InjectionTargetTool extends PlugInTool {

    static final String NAME = "Injection Target";

    private Target dragging;
    private PixelPoint dragTo;
    /** A site to confirm whose ring is being clicked or dragged, and where it goes. */
    private Target placing;
    private PixelPoint placeAt;

    @Override
    public String getToolName() {
        return NAME;
    }

    @Override
    public String getToolIcon() {
        return "Cfa0O33aaC000o22ccL7080L70f0L0878Lf878";
    }

    @Override
    public void mousePressed(ImagePlus imp, MouseEvent e) {
        if (!ToolSupport.begin(imp)) {
            return;
        }
        PixelPoint p = ToolSupport.imagePoint(imp, e);
        Optional<Target> toPlace = PriorReview.siteToPlaceAt(imp, imp.getCurrentSlice(), p,
                ToolSupport.pickDistance(imp) + PlanStyle.RING_RADIUS);
        if (toPlace.isPresent()) {
            dragging = null;
            placing = toPlace.get();
            placeAt = p;
            e.consume();
            return;
        }
        placing = null;
        Optional<Target> hit = ToolSupport.targetAt(imp, p);
        if (hit.isPresent()) {
            dragging = hit.get();
            dragTo = null;
            PluginWorkspace.select(dragging.id());
            return;
        }
        dragging = null;
        place(imp, p);
        e.consume();
    }

    @Override
    public void mouseDragged(ImagePlus imp, MouseEvent e) {
        if (placing != null) {
            placeAt = ToolSupport.imagePoint(imp, e);
            Target site = placing;
            PixelPoint to = placeAt;
            int slice = imp.getCurrentSlice();
            showReadout(imp, ToolSupport.showPreview(imp,
                    () -> PlanActions.withTargetPlaced(imp, slice, site.id(), to), site.id()), site, to);
            e.consume();
            return;
        }
        if (dragging == null) {
            return;
        }
        dragTo = ToolSupport.imagePoint(imp, e);
        Target moving = dragging;
        PixelPoint to = dragTo;
        showReadout(imp, ToolSupport.showPreview(imp, () -> PlanActions.withTargetMoved(imp, moving.id(), to),
                moving.id()), moving, to);
        e.consume();
    }

    /** Shows the dragged target's readout at the mouse, or removes it where the move cannot be made. */
    private static void showReadout(ImagePlus imp, Optional<ToolSupport.Preview> preview, Target target,
            PixelPoint mouse) {
        if (preview.isPresent()) {
            PlanOverlay.showReadout(imp, DragReadout.ofTarget(preview.get().plan(), target.id()), mouse);
        } else {
            PlanOverlay.clearReadout(imp);
        }
    }

    @Override
    public void mouseReleased(ImagePlus imp, MouseEvent e) {
        PlanOverlay.clearReadout(imp);
        if (placing != null) {
            Target site = placing;
            placing = null;
            place(imp, site, placeAt);
            return;
        }
        if (dragging == null || dragTo == null) {
            dragging = null;
            return;
        }
        Target moved = dragging;
        dragging = null;
        try {
            PlanActions.moveTarget(imp, moved.id(), dragTo);
            ToolSupport.record("Edit Plan Annotation...", String.format(Locale.ROOT,
                    "annotation=T%d x=%.2f y=%.2f", moved.number(), dragTo.x(), dragTo.y()));
        } catch (IllegalArgumentException | IllegalStateException ex) {
            PluginWorkspace.refreshOverlays();
            IJ.showStatus(ex.getMessage());
        }
    }

    /** Places a site to confirm at p on the current frame (a click on its ring, or its ring let go). */
    private static void place(ImagePlus imp, Target site, PixelPoint p) {
        try {
            PlanActions.placeTarget(imp, imp.getCurrentSlice(), site.id(), p);
            PluginWorkspace.select(site.id());
            ToolSupport.record("Edit Plan Annotation...", String.format(Locale.ROOT,
                    "annotation=T%d x=%.2f y=%.2f", site.number(), p.x(), p.y()));
        } catch (IllegalArgumentException | IllegalStateException ex) {
            PluginWorkspace.refreshOverlays();
            CommandErrors.show(ex.getMessage());
        }
    }

    private static void place(ImagePlus imp, PixelPoint p) {
        int slice = imp.getCurrentSlice();
        GenericDialog gd = new GenericDialog("Injection Target");
        TargetFields.addTo(gd, TargetFields.last(),
                AnnotationNames.target(PluginWorkspace.editor().plan().nextTargetNumber()));
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            TargetFields f = TargetFields.readFrom(gd);
            Target t = PlanActions.addTarget(imp, slice, p, f.structure(), f.side(), f.level(), f.label());
            f.remember();
            PluginWorkspace.select(t.id());
            ToolSupport.record("Add Injection Target...", String.format(Locale.ROOT,
                    "x=%.2f y=%.2f frame=%d structure=%s side=%s level=%s label=[%s]", p.x(), p.y(), slice,
                    f.structure().id(), AddInjectionTargetCommand.sideName(f.side()),
                    f.level() == null ? "none" : f.level().label(), t.label()));
        } catch (IllegalArgumentException | IllegalStateException ex) {
            CommandErrors.show(ex.getMessage());
        }
    }
}
