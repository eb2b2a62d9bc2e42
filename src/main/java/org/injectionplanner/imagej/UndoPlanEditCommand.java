package org.injectionplanner.imagej;

import ij.IJ;
import ij.plugin.PlugIn;
import org.injectionplanner.plan.PlanEditor;

/** Plugins › Injection Planner › Undo Plan Edit: reverts the last plan edit (unlimited within a session). */
public final class UndoPlanEditCommand implements PlugIn {

    @Override
    public void run(String arg) {
        PlanEditor editor = PluginWorkspace.editor();
        String what = editor.undoDescription();
        IJ.showStatus(editor.undo() ? "Undone: " + what : "Nothing to undo in the plan");
    }
}
