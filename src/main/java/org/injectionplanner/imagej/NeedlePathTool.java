package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Line;
import ij.plugin.tool.PlugInTool;
import java.awt.event.MouseEvent;
import java.util.Locale;
import java.util.Optional;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.SafetyReport;

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
    /** True while the overlay shows a previewed path rather than the plan. */
    private boolean previewing;

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
            imp.deleteRoi();
            preview(imp, over.get());
            return;
        }
        imp.setRoi(new Line(entry.x(), entry.y(), p.x(), p.y()), true);
        if (previewing) {
            previewing = false;
            ActivePlan.refreshOverlays();
        }
    }

    /** Shows the path from the entry to {@code target} as it would be planned, with its findings. */
    private void preview(ImagePlus imp, Target target) {
        try {
            SessionPlan preview = InjectionActions.withPathPreview(imp, target, entry);
            SafetyReport findings = ActivePlan.reportOf(preview);
            PlanOverlay.render(imp, preview, findings, ActivePlan.selected());
            previewing = true;
            Injection injection = preview.injectionAt(target.id()).orElseThrow();
            String worst = findings.worstPathFinding(target.id())
                    .map(f -> f.severity().name() + ": " + f.message() + " | ").orElse("");
            IJ.showStatus(worst + InjectionActions.describePath(target, injection.path()));
        } catch (IllegalArgumentException | IllegalStateException ex) {
            IJ.showStatus(ex.getMessage());
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
        if (previewing) {
            previewing = false;
            ActivePlan.refreshOverlays();
        }
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
            IJ.error(OpenUltrasoundStudyCommand.TITLE, ex.getMessage());
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
