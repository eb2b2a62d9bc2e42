package org.injectionplanner.imagej;

import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.UUID;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.CopyForward;
import org.injectionplanner.plan.DropReason;
import org.injectionplanner.plan.SessionPlan;

/**
 * Plugins › Injection Planner › Session › Drop Copied Site...: leaves a site copied from an earlier session
 * out of this one, with the reason (resolved, not tolerated, other with a note), which the plan records for
 * the comparison of the two sessions. Macro keys: {@code site} (T3), {@code reason}, {@code note}.
 */
public final class DropCopiedSiteCommand implements PlugIn {

    private static final String[] REASONS = {DropReason.RESOLVED.label(), DropReason.NOT_TOLERATED.label(),
        DropReason.OTHER.label()};

    @Override
    public void run(String arg) {
        try {
            SessionPlan plan = PluginWorkspace.editor().plan();
            UUID selected = PluginWorkspace.get().selected();
            GenericDialog gd = new GenericDialog("Drop Copied Site");
            gd.addStringField("site", selected == null ? "T1" : AnnotationNames.of(plan, selected), 8);
            gd.addChoice("reason", REASONS, REASONS[0]);
            gd.addStringField("note", "", 30);
            gd.showDialog();
            if (gd.wasCanceled()) {
                return;
            }
            UUID id = AnnotationNames.resolve(plan, gd.getNextString());
            DropReason reason = DropReason.of(gd.getNextChoice());
            String note = gd.getNextString().strip();
            PluginWorkspace.editor().apply(CopyForward.drop(id, reason, note));
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }
}
