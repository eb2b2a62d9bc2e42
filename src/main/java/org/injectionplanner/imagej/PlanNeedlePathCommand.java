package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.OffImageEntry;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;

/**
 * Plugins › Injection Planner › Plan Needle Path...: plans a straight needle path from a skin entry point
 * to a target on the current image. Macro keys: {@code target} (T3), {@code entry_x entry_y} (pixels); or, for
 * an in-plane entry beyond the end of a linear probe, {@code entry_offset_mm} (the distance from the probe's
 * end, mm; 0 uses entry_x and entry_y) and {@code probe_end} ({@code left} or {@code right}), docs/safety.md §3.
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
        gd.addMessage("In-plane from beyond the probe's end (linear probe): the entry on the skin, off the image");
        gd.addNumericField("entry_offset_mm", 0, 1, 8, "mm from the probe end (0: use entry_x, entry_y)");
        gd.addChoice("probe_end", new String[] {"left", "right"}, "left");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String name = gd.getNextString();
        double x = gd.getNextNumber();
        double y = gd.getNextNumber();
        double offsetMm = gd.getNextNumber();
        String end = gd.getNextChoice();
        try {
            if (gd.invalidNumber()) {
                throw new IllegalArgumentException("entry_x, entry_y and entry_offset_mm must be numbers");
            }
            Target target = plan.target(AnnotationNames.resolve(plan, name))
                    .orElseThrow(() -> new IllegalArgumentException(name + " is not a target"));
            Injection injection = offsetMm == 0 ? InjectionActions.planPath(imp, target, new PixelPoint(x, y))
                    : InjectionActions.planPath(imp, target, AnnotatedImages.offImageEntry(imp, target,
                            OffImageEntry.ProbeEnd.parse(end), offsetMm));
            IJ.showStatus(InjectionActions.describePath(target, injection.path()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }
}
