package org.injectionplanner.imagej;

import ij.IJ;
import ij.plugin.PlugIn;
import org.injectionplanner.plan.PlanEditor;

/** Plugins › Injection Planner › Redo Plan Edit: re-applies the last undone plan edit. */
public final class RedoPlanEditCommand implements PlugIn {

    @Override
    public void run(String arg) {
        PlanEditor editor = PluginWorkspace.editor();
        String what = editor.redoDescription();
        IJ.showStatus(editor.redo() ? "Redone: " + what : "Nothing to redo in the plan");
    }
}
