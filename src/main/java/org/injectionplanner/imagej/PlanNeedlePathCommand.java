package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;

/**
 * Plugins › Injection Planner › Plan Needle Path...: plans a straight needle path from a skin entry point
 * to a target on the current image. Macro keys: {@code target} (T3), {@code entry_x entry_y} (pixels).
 */
public final class PlanNeedlePathCommand implements PlugIn {

    @Override
    public void run(String arg) {
        ImagePlus imp = AnnotatedImages.currentOrError();
        if (imp == null) {
            return;
        }
        SessionPlan plan = PluginWorkspace.editor().plan();
        GenericDialog gd = new GenericDialog("Plan Needle Path");
        UUID selected = PluginWorkspace.get().selected();
        gd.addStringField("target", selected == null ? "T1" : AnnotationNames.of(plan, selected), 8);
        gd.addNumericField("entry_x", imp.getWidth() / 2.0, 1, 8, "pixels");
        gd.addNumericField("entry_y", 0, 1, 8, "pixels");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String name = gd.getNextString();
        double x = gd.getNextNumber();
        double y = gd.getNextNumber();
        try {
            if (gd.invalidNumber()) {
                throw new IllegalArgumentException("entry_x and entry_y must be numbers");
            }
            Target target = plan.target(AnnotationNames.resolve(plan, name))
                    .orElseThrow(() -> new IllegalArgumentException(name + " is not a target"));
            Injection injection = InjectionActions.planPath(imp, target, new PixelPoint(x, y));
            IJ.showStatus(InjectionActions.describePath(target, injection.path()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }
}
