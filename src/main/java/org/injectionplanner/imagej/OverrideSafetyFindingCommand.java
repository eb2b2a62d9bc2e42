package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyCheck;

/**
 * Plugins › Injection Planner › Override Safety Finding...: records the physician's written reason to go
 * ahead despite a violation as it is measured now (an empty reason withdraws an override); if the
 * measurement changes, the override lapses and the violation needs a new reason. Macro keys: {@code finding} (its
 * key, as the Plan Panel and {@code validate} show it), {@code reason}, {@code author}.
 */
public final class OverrideSafetyFindingCommand implements PlugIn {

    @Override
    public void run(String arg) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        List<Finding> violations = PluginWorkspace.get().report().violations();
        String[] keys = violations.stream().map(Finding::key).toArray(String[]::new);
        GenericDialog gd = new GenericDialog("Override Safety Finding");
        if (keys.length > 0) {
            gd.addChoice("finding", keys, keys[0]);
        } else {
            gd.addStringField("finding", "", 40);
        }
        violations.forEach(f -> gd.addMessage(f.key() + ":\n   " + f.message()));
        gd.addStringField("reason", "", 40);
        gd.addStringField("author", plan.author(), 20);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            String key = keys.length > 0 ? gd.getNextChoice() : gd.getNextString().strip();
            String reason = gd.getNextString();
            String author = gd.getNextString();
            if (reason.isBlank()) {
                PluginWorkspace.editor().apply(PlanEdits.withdrawOverride(key));
                IJ.showStatus("Override withdrawn: " + key);
                return;
            }
            Finding finding = violations.stream().filter(f -> f.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no violation '" + key
                            + "' in the plan's current findings"));
            if (!SafetyCheck.named(finding.check()).map(SafetyCheck::overridable).orElse(true)) {
                throw new IllegalArgumentException(finding.message() + ": no written reason lifts this; place the "
                        + "site on today's image or drop it (Drop Copied Site...)");
            }
            PluginWorkspace.editor().apply(PlanEdits.override(new FindingOverride(key, finding.measured(), reason,
                    author, OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS))));
            IJ.showStatus("Override recorded: " + key);
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }
}
