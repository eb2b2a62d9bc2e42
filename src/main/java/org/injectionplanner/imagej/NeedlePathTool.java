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
import org.injectionplanner.plan.Target;

/**
 * The Needle Path toolbar tool: press at the skin entry point, drag to a target and release on it; the
 * target's path is planned (replacing any earlier one) and the equivalent Plan Needle Path... line is
 * recorded. While dragging, a line follows the mouse.
 */
public final class NeedlePathTool extends PlugInTool {

    static final String NAME = "Needle Path";

    private PixelPoint entry;

    @Override
    public void mousePressed(ImagePlus imp, MouseEvent e) {
        entry = ToolSupport.begin(imp) ? ToolSupport.imagePoint(imp, e) : null;
    }

    @Override
    public void mouseDragged(ImagePlus imp, MouseEvent e) {
        if (entry != null) {
            PixelPoint p = ToolSupport.imagePoint(imp, e);
            imp.setRoi(new Line(entry.x(), entry.y(), p.x(), p.y()), true);
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
