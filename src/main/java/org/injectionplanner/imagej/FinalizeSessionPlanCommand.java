package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.awt.Button;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SignOffGate;
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
        gd.addStringField("signer", PluginSettings.defaultAuthor(session.editor().plan()), 24);
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
        } catch (SignOffRefusedException e) {
            if (CommandErrors.inBatchRun()) {
                CommandErrors.show(e.getMessage());
            } else {
                showRefusal(session.editor().plan(), e);
            }
        } catch (StoreException | IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    /**
     * The refusal in ImageJ's window: each reason, and for each open violation an "Override n..." button that
     * asks for the written reason and records it (the button then reads "Overridden"); Finalize again to sign.
     */
    private static void showRefusal(SessionPlan plan, SignOffRefusedException e) {
        List<Finding> open = PluginWorkspace.get().report().openViolations(plan);
        GenericDialog gd = new GenericDialog("Session " + plan.sessionNumber() + " cannot be signed");
        gd.addMessage("Session " + plan.sessionNumber() + " cannot be signed yet:");
        for (String problem : e.problems()) {
            if (!problem.startsWith(SignOffGate.OPEN_VIOLATION)) {
                gd.addMessage("- " + problem);
            }
        }
        for (int i = 0; i < open.size(); i++) {
            Finding f = open.get(i);
            gd.addMessage((i + 1) + ". " + f.message());
            String label = "Override " + (i + 1) + "...";
            gd.addButton(label, event -> {
                if (OverrideSafetyFindingCommand.askAndOverride(f) && event.getSource() instanceof Button b) {
                    b.setLabel("Overridden");
                    b.setEnabled(false);
                }
            });
        }
        gd.addMessage("Then Finalize Session Plan... again.");
        gd.hideCancelButton();
        gd.showDialog();
    }
}
