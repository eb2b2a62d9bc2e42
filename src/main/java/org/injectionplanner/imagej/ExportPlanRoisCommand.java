package org.injectionplanner.imagej;

import ij.IJ;
import ij.io.SaveDialog;
import ij.plugin.PlugIn;
import java.io.IOException;
import java.nio.file.Path;
import org.injectionplanner.plan.SessionPlan;

/**
 * Plugins › Injection Planner › Export Plan ROIs...: writes the active plan's targets and zones as a
 * RoiSet.zip for the ROI Manager, each ROI keeping its frame (macro key {@code path}).
 */
public final class ExportPlanRoisCommand implements PlugIn {

    @Override
    public void run(String arg) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        if (plan.targets().isEmpty() && plan.zones().isEmpty()) {
            CommandErrors.show("The plan has no targets or zones to export.");
            return;
        }
        SaveDialog sd = new SaveDialog("Export Plan ROIs", "RoiSet", ".zip");
        if (sd.getFileName() == null) {
            return;
        }
        Path zip = Path.of(sd.getDirectory(), sd.getFileName());
        try {
            PlanRois.writeZip(PlanRois.toRois(plan), zip);
            IJ.showStatus("Exported " + (plan.targets().size() + plan.zones().size()) + " ROIs to " + zip);
        } catch (IOException e) {
            CommandErrors.show("Cannot write " + zip + ": " + e.getMessage());
        }
    }
}
