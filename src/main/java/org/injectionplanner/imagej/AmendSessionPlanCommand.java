package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.injectionplanner.store.PlanSession;

/**
 * Plugins › Injection Planner › Amend Session Plan...: reopens the signed active plan as a draft, with the
 * reason recorded; the signed revision stays unchanged in the store and the next save chains to it.
 * Macro keys: {@code reason}, {@code author}.
 */
public final class AmendSessionPlanCommand implements PlugIn {

    @Override
    public void run(String arg) {
        PlanSession session = PluginWorkspace.sessionOrError();
        if (session == null) {
            return;
        }
        GenericDialog gd = new GenericDialog("Amend Session Plan");
        gd.addStringField("reason", "", 40);
        gd.addStringField("author", PluginSettings.defaultAuthor(), 24);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            session.amend(gd.getNextString(), gd.getNextString(), OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS));
            IJ.showStatus("Session " + session.editor().plan().sessionNumber()
                    + " reopened for an amendment: edit it, then finalize it again");
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }
}
