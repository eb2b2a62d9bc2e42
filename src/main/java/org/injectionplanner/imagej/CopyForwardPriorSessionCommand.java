package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;
import java.util.List;
import org.injectionplanner.plan.CopyForward;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.StoreException;
import org.injectionplanner.workspace.PriorSessions;

/**
 * Plugins › Injection Planner › Session › Copy Forward Prior Session...: fills the current, empty draft from
 * an earlier session of its course ({@link CopyForward}): the same sites (target ids), labels, structures,
 * sides, levels, injection details and order, each "to confirm" until it is placed on one of today's images
 * (a click on its hollow marker with the Injection Target tool, a drag of the marker, or Edit Plan
 * Annotation... with {@code x y} while today's image is active). One undoable edit. Macro key:
 * {@code session} (its number; the dialog lists the earlier sessions when absent).
 */
public final class CopyForwardPriorSessionCommand implements PlugIn {

    @Override
    public void run(String arg) {
        try {
            SessionPlan plan = PluginWorkspace.get().currentPlan();
            if (plan == null) {
                throw new IllegalStateException("no session plan is open: start the new session first (New "
                        + "Session Plan..., next session of this course)");
            }
            ImagePlus current = WindowManager.getCurrentImage();
            List<PriorSessions.Prior> priors = ReviewPriorSessionsCommand.priors(
                    PriorReview.isReadOnly(current) ? null : current);
            PriorSessions.Prior chosen = ReviewPriorSessionsCommand.choose(priors, "Copy Forward Prior Session",
                    false);
            if (chosen == null) {
                return;
            }
            SessionPlan copied = PluginWorkspace.editor().apply(CopyForward.copyFrom(chosen.plan()));
            IJ.showStatus("Copied " + copied.targets().size() + " sites from session " + chosen.plan().sessionNumber()
                    + ": place each on today's images");
        } catch (StoreException | IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }
}
