package org.injectionplanner.imagej;

import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.Arrays;
import java.util.Locale;
import org.injectionplanner.scene.LabelDetail;

/**
 * Plugins › Injection Planner › Injection Planner Options...: the memory budget for cines (macro key
 * {@code memory}, MB), the plan store folder (macro key {@code store}) and how much the plan's labels on the
 * images say (macro key {@code labels}: {@code number}, {@code name} or {@code full}); open images are redrawn.
 */
public final class InjectionPlannerOptionsCommand implements PlugIn {

    @Override
    public void run(String arg) {
        GenericDialog gd = new GenericDialog("Injection Planner Options");
        gd.addNumericField("Memory budget for cines", PluginSettings.memoryBudgetMb(), 0, 8, "MB");
        gd.addMessage("Cines whose decoded frames need more memory than this open as virtual stacks\n"
                + "that decode frames on demand (default: a quarter of ImageJ's memory, "
                + PluginSettings.defaultMemoryBudgetMb() + " MB).");
        gd.addDirectoryField("store", PluginSettings.storeRoot().toString(), 40);
        gd.addMessage("Plan store: the folder where session plans are saved (revisions, autosaves, clinic settings).");
        String[] details = Arrays.stream(LabelDetail.values()).map(d -> d.name().toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
        gd.addChoice("labels", details, PluginSettings.labelDetail().name().toLowerCase(Locale.ROOT));
        gd.addMessage("Labels on the images: number only (#1 T3), number and name, or full (depth, findings,\n"
                + "margins, needle path length and angle).");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        double mb = gd.getNextNumber();
        if (!gd.invalidNumber() && mb >= 1) {
            PluginSettings.setMemoryBudgetMb((long) mb);
        }
        PluginSettings.setStoreRoot(gd.getNextString());
        PluginSettings.setLabelDetail(LabelDetail.valueOf(gd.getNextChoice().toUpperCase(Locale.ROOT)));
        PluginWorkspace.refreshOverlays();
    }
}
