package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.List;
import org.injectionplanner.store.Recovery;
import org.injectionplanner.store.StoreException;
import org.injectionplanner.workspace.PlanWorkspace;

/**
 * Plugins › Injection Planner › Recover Unsaved Plan...: continues with work autosaved before ImageJ
 * stopped without saving (e.g. a crash). Macro key {@code which}: the number in the list, 1 = newest.
 */
public final class RecoverUnsavedPlanCommand implements PlugIn {

    @Override
    public void run(String arg) {
        try {
            List<Recovery> found = PluginWorkspace.get().recoverable();
            if (found.isEmpty()) {
                IJ.showMessage(OpenUltrasoundStudyCommand.TITLE, "There is no unsaved work to recover in "
                        + PluginWorkspace.get().store().root() + ".");
                return;
            }
            GenericDialog gd = new GenericDialog("Recover Unsaved Plan");
            StringBuilder list = new StringBuilder("Unsaved work, newest first:\n");
            for (int i = 0; i < found.size(); i++) {
                list.append(i + 1).append(": ").append(PlanWorkspace.describe(found.get(i))).append('\n');
            }
            gd.addMessage(list.toString());
            gd.addNumericField("which", 1, 0);
            gd.showDialog();
            if (gd.wasCanceled()) {
                return;
            }
            int which = (int) gd.getNextNumber();
            if (gd.invalidNumber() || which < 1 || which > found.size()) {
                throw new IllegalArgumentException("which must be a number from 1 to " + found.size());
            }
            Recovery r = found.get(which - 1);
            PluginWorkspace.get().recover(r);
            IJ.showStatus("Recovered " + PlanWorkspace.describe(r) + "; save it to keep it as a revision");
        } catch (StoreException | IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }
}
