package org.injectionplanner.imagej;

import ij.plugin.PlugIn;
import java.awt.GraphicsEnvironment;

/** Plugins › Injection Planner › Plan Panel: the window listing the active plan's targets and zones. */
public final class PlanPanelCommand implements PlugIn {

    @Override
    public void run(String arg) {
        if (GraphicsEnvironment.isHeadless()) {
            CommandErrors.show("The Plan Panel needs a display.");
            return;
        }
        PlanPanel.showPanel();
    }
}
