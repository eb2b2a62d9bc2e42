package org.injectionplanner.imagej;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.StructureCatalogue;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyCheck;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyReport;

/**
 * Plugins › Injection Planner › Override Safety Finding...: records the physician's written reason to go
 * ahead despite a violation as it is measured now (an empty reason withdraws an override); if the
 * measurement changes, the override lapses and the violation needs a new reason. The dialog lists the violations
 * in words, then the overrides whose finding no longer occurs (to withdraw), by their site and zone; macro keys:
 * {@code finding} (its key, as {@code validate} shows it, or its words), {@code reason}, {@code author}.
 */
public final class OverrideSafetyFindingCommand implements PlugIn {

    @Override
    public void run(String arg) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        StructureCatalogue catalogue = PluginWorkspace.get().settings().catalogue();
        List<Finding> violations = PluginWorkspace.get().report().violations();
        List<FindingOverride> gone = withoutFinding(plan, violations);
        GenericDialog gd = new GenericDialog("Override Safety Finding");
        boolean macro = Macro.getOptions() != null;
        List<String> words = new ArrayList<>();
        violations.forEach(f -> words.add(inWords(plan, f)));
        gone.forEach(o -> words.add(inWords(plan, catalogue, o)));
        if (words.isEmpty() || macro) {
            // a macro names the finding by its key (or its words, as the Recorder records a choice)
            gd.addStringField("finding", violations.isEmpty() ? "" : violations.get(0).key(), 40);
        } else {
            gd.addChoice("finding", words.toArray(String[]::new), words.get(0));
        }
        gd.addStringField("reason", "", 40);
        gd.addStringField("author", PluginSettings.defaultAuthor(plan), 20);
        gd.addMessage("An empty reason withdraws the finding's override.");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            String named = words.isEmpty() || macro ? gd.getNextString().strip() : gd.getNextChoice();
            String reason = gd.getNextString();
            String author = gd.getNextString();
            Finding finding = violations.stream()
                    .filter(f -> f.key().equals(named) || inWords(plan, f).equals(named)).findFirst().orElse(null);
            FindingOverride withdrawn = gone.stream()
                    .filter(o -> o.findingKey().equals(named) || inWords(plan, catalogue, o).equals(named))
                    .findFirst().orElse(null);
            String key = finding != null ? finding.key() : withdrawn != null ? withdrawn.findingKey() : named;
            if (reason.isBlank()) {
                PluginWorkspace.editor().apply(PlanEdits.withdrawOverride(key));
                IJ.showStatus("Override withdrawn: " + (finding != null ? finding.message()
                        : SafetyChecks.keyInWords(plan, catalogue, key) + " (the finding no longer occurs)"));
                return;
            }
            if (finding == null) {
                throw new IllegalArgumentException("no violation '" + (withdrawn == null ? key
                        : SafetyChecks.keyInWords(plan, catalogue, key)) + "' in the plan's current findings");
            }
            override(finding, reason, author);
            IJ.showStatus("Override recorded: " + finding.message());
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    /**
     * The plan's overrides whose finding no longer occurs among the violations (the path was moved clear, the
     * site or zone removed): only withdrawing them is left to do.
     */
    private static List<FindingOverride> withoutFinding(SessionPlan plan, List<Finding> violations) {
        return plan.overrides().stream()
                .filter(o -> violations.stream().noneMatch(f -> f.key().equals(o.findingKey()))).toList();
    }

    /**
     * An override whose finding no longer occurs, as the physician reads it: the finding's site and zone as
     * the plan now names them ({@link SafetyChecks#keyInWords}), its reason, and that the finding is gone.
     */
    private static String inWords(SessionPlan plan, StructureCatalogue catalogue, FindingOverride o) {
        return SafetyChecks.keyInWords(plan, catalogue, o.findingKey()) + "  [overridden: " + o.reason()
                + "; the finding no longer occurs]";
    }

    /**
     * A violation as the physician reads it: its message, naming the site's structure and the zone ("Injection 4,
     * T4 "L iliolumbar" (Iliolumbar ligament): the needle path passes 4.2 mm from zone Z2 "cutaneous branch", inside
     * its 5 mm margin"), marked where an override covers it.
     */
    static String inWords(SessionPlan plan, Finding f) {
        return f.message() + SafetyReport.overrideOf(plan, f).map(o -> "  [overridden: " + o.reason() + "]")
                .orElse("");
    }

    /**
     * Records the physician's reason to go ahead despite {@code finding} as it is measured now.
     *
     * @throws IllegalArgumentException for a finding no written reason lifts (a copied site not yet placed)
     */
    static void override(Finding finding, String reason, String author) {
        if (!SafetyCheck.named(finding.check()).map(SafetyCheck::overridable).orElse(true)) {
            throw new IllegalArgumentException(finding.message() + ": no written reason lifts this; place the "
                    + "site on today's image or drop it (Drop Copied Site...)");
        }
        PluginWorkspace.editor().apply(PlanEdits.override(new FindingOverride(finding.key(), finding.measured(),
                reason, author, OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS))));
    }

    /**
     * Asks for the reason to go ahead despite one violation (the sign-off refusal's Override... buttons) and
     * records it; false if cancelled or left blank.
     */
    static boolean askAndOverride(Finding finding) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        GenericDialog gd = new GenericDialog("Override Safety Finding");
        gd.addMessage(finding.message());
        gd.addStringField("reason", "", 40);
        gd.addStringField("author", PluginSettings.defaultAuthor(plan), 20);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return false;
        }
        String reason = gd.getNextString();
        String author = gd.getNextString();
        if (reason.isBlank()) {
            return false;
        }
        override(finding, reason, author);
        IJ.showStatus("Override recorded: " + finding.message());
        return true;
    }
}
