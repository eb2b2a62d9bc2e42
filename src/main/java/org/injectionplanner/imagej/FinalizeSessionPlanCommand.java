package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.injectionplanner.store.PlanSession;
import org.injectionplanner.store.Revision;
import org.injectionplanner.store.SignOffRefusedException;
import org.injectionplanner.store.StoreException;

/**
 * Plugins › Injection Planner › Finalize Session Plan...: signs the active plan (signer, time, SHA-256 of
 * its planned content) and saves it as a new revision; refused while a violation has no written override
 * reason, a checklist question is unanswered, or no injection is planned. Macro key: {@code signer}.
 */
public final class FinalizeSessionPlanCommand implements PlugIn {

    @Override
    public void run(String arg) {
        PlanSession session = PluginWorkspace.sessionOrError();
        if (session == null) {
            return;
        }
        GenericDialog gd = new GenericDialog("Finalize Session Plan");
        gd.addMessage("Signing makes the plan read-only; later changes need an amendment with a reason.");
        gd.addStringField("signer", session.editor().plan().author(), 24);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String signer = gd.getNextString();
        try {
            Revision r = session.finalizePlan(signer, OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS));
            IJ.showStatus("Session " + r.plan().sessionNumber() + " signed by " + signer.strip() + ": revision "
                    + r.header().sequence() + ", SHA-256 " + r.plan().signature().contentSha256().substring(0, 12)
                    + "…");
        } catch (SignOffRefusedException | StoreException | IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }
}
