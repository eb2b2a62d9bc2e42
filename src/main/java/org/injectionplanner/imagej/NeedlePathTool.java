package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Line;
import ij.plugin.tool.PlugInTool;
import java.awt.event.MouseEvent;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.Target;

/**
 * The Needle Path toolbar tool: press at the skin entry point, drag to a target and release on it; the
 * target's path is planned (replacing any earlier one) and the equivalent Plan Needle Path... line is
 * recorded. While dragging, a line follows the mouse; over a target, the overlay shows the path as it
 * would be planned, coloured by its findings, and the status bar its worst finding and mm values, before
 * the button is released.
 */
public final class NeedlePathTool extends PlugInTool {

    static final String NAME = "Needle Path";

    private PixelPoint entry;
    /** The target whose path the overlay previews while the button is down, or null (the plan is shown). */
    private UUID previewed;

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
                preview(imp, over.get());
            }
            return;
        }
        imp.setRoi(new Line(entry.x(), entry.y(), p.x(), p.y()), true);
        endPreview();
    }

    /** Shows the path from the entry to {@code target} as it would be planned, with its findings. */
    private void preview(ImagePlus imp, Target target) {
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
