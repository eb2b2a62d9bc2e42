package org.injectionplanner.imagej;

import ij.IJ;
import ij.plugin.PlugIn;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.PlanSession;
import org.injectionplanner.store.Revision;
import org.injectionplanner.store.StoreException;

/**
 * Plugins › Injection Planner › Save Session Plan: commits the active plan as a new revision in the
 * plan store (edits are autosaved all along; a save is a point in the plan's audited history).
 */
public final class SaveSessionPlanCommand implements PlugIn {

    @Override
    public void run(String arg) {
        PlanSession session = PluginWorkspace.sessionOrError();
        if (session == null) {
            return;
        }
        SessionPlan plan = session.editor().plan();
        String author = plan.author().isBlank() ? PluginSettings.defaultAuthor() : plan.author();
        try {
            Revision r = session.save(author, "saved from ImageJ");
            IJ.showStatus("Session plan saved: revision " + r.header().sequence() + " of its course, "
                    + plan.targets().size() + " targets, " + plan.zones().size() + " zones");
        } catch (StoreException e) {
            CommandErrors.show("The plan was not saved: " + e.getMessage());
        }
    }
}
