package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Line;
import ij.plugin.tool.PlugInTool;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.Target;
import org.injectionplanner.scene.DragReadout;

/**
 * The Needle Path toolbar tool: press at the skin entry point, drag to a target and release on it; the
 * target's path is planned (replacing any earlier one) and the equivalent Plan Needle Path... line is
 * recorded. While dragging, a line follows the mouse; over a target, the overlay shows the path as it
 * would be planned, coloured by its findings, and the status bar its worst finding and mm values, before
 * the button is released. Next to the mouse, a readout ({@link DragReadout}) shows the length, angle, depth
 * and nearest zone of the path dragged, updated at every step and removed on release.
 */
public final class NeedlePathTool extends PlugInTool {

    static final String NAME = "Needle Path";

    private PixelPoint entry;
    /** The target whose path the overlay previews while the button is down, or null (the plan is shown). */
    private UUID previewed;
    /** The readout shown next to the mouse while it is over the previewed target, or null. */
    private DragReadout readout;

    @Override
    public void mousePressed(ImagePlus imp, MouseEvent e) {
        entry = ToolSupport.begin(imp) ? ToolSupport.imagePoint(imp, e) : null;
    }

    @Override
    public void mouseDragged(ImagePlus imp, MouseEvent e) {
        if (entry == null) {
            return;
        }
        PixelPoint p = ToolSupport.imagePoint(imp, e);
        Optional<Target> over = ToolSupport.targetAt(imp, p);
        if (over.isPresent()) {
            if (!over.get().id().equals(previewed)) {
                // the entry is fixed during a drag: the preview changes only with the target
                imp.deleteRoi();
                readout = preview(imp, over.get());
            }
            if (readout != null) {
                PlanOverlay.showReadout(imp, readout, p);
            } else {
                PlanOverlay.clearReadout(imp);
            }
            return;
        }
        imp.setRoi(new Line(entry.x(), entry.y(), p.x(), p.y()), true);
        endPreview();
        readout = null;
        ImageRef frame = AnnotatedImages.refFor(imp, imp.getCurrentSlice());
        NeedlePath line = new NeedlePath(entry, AnnotatedImages.calibration(imp, List.of(entry)));
        PlanOverlay.showReadout(imp, DragReadout.ofLine(PluginWorkspace.editor().plan(), frame, line, p,
                AnnotatedImages.calibration(imp, List.of(p))), p);
    }

    /**
     * Shows the path from the entry to {@code target} as it would be planned, with its findings.
     *
     * @return the path's readout, or null where it cannot be planned (the status line says why)
     */
    private DragReadout preview(ImagePlus imp, Target target) {
        PixelPoint from = entry;
        Optional<ToolSupport.Preview> shown = ToolSupport.showPreview(imp,
                () -> InjectionActions.withPathPreview(imp, target, from), PluginWorkspace.get().selected());
        previewed = shown.isPresent() ? target.id() : null;
        shown.ifPresent(preview -> {
            Injection injection = preview.plan().injectionAt(target.id()).orElseThrow();
            String worst = preview.findings().worstPathFinding(target.id())
                    .map(f -> f.severity().name() + ": " + f.message() + " | ").orElse("");
            IJ.showStatus(worst + InjectionActions.describePath(target, injection.path()));
        });
        return shown.map(preview -> DragReadout.ofTarget(preview.plan(), target.id())).orElse(null);
    }

    /** Shows the plan again where a preview was shown. */
    private void endPreview() {
        if (previewed != null) {
            previewed = null;
            PluginWorkspace.refreshOverlays();
        }
    }

    @Override
    public void mouseReleased(ImagePlus imp, MouseEvent e) {
        if (entry == null) {
            return;
        }
        PixelPoint from = entry;
        entry = null;
        readout = null;
        PlanOverlay.clearReadout(imp);
        imp.deleteRoi();
        endPreview();
        Optional<Target> target = ToolSupport.targetAt(imp, ToolSupport.imagePoint(imp, e));
        if (target.isEmpty()) {
            IJ.showStatus("Needle Path: release the drag on a target to plan its path");
            return;
        }
        try {
            Injection injection = InjectionActions.planPath(imp, target.get(), from);
            ToolSupport.record("Plan Needle Path...", String.format(Locale.ROOT, "target=T%d entry_x=%.2f entry_y=%.2f",
                    target.get().number(), from.x(), from.y()));
            IJ.showStatus(InjectionActions.describePath(target.get(), injection.path()));
        } catch (IllegalArgumentException | IllegalStateException ex) {
            CommandErrors.show(ex.getMessage());
        }
    }

    @Override
    public String getToolName() {
        return NAME;
    }

    @Override
    public String getToolIcon() {
        return "C000L11bbCd50Oaa55";
    }
}
