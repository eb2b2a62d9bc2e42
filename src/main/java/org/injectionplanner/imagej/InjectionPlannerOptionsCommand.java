package org.injectionplanner.imagej;

import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/**
 * Plugins › Injection Planner › Injection Planner Options...: the memory budget for cines (macro key
 * {@code memory}, MB) and the plan store folder (macro key {@code store}).
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
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        double mb = gd.getNextNumber();
        if (!gd.invalidNumber() && mb >= 1) {
            PluginSettings.setMemoryBudgetMb((long) mb);
        }
        PluginSettings.setStoreRoot(gd.getNextString());
    }
}
