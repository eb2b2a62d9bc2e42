package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.injectionplanner.plan.ChecklistAnswer;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.PlanEdit;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.SessionPlan;

/**
 * Plugins › Injection Planner › Pre-procedure Checklist...: the patient's weight and the answers to the
 * session's checklist questions, as one undoable edit. Macro keys: {@code weight_kg} (kg, 0 when not
 * entered), and per question its id (e.g. {@code consent}) with yes, no, n/a or unanswered, and
 * {@code <id>_note} (required for "no"). The weight question ({@code weight}) follows {@code weight_kg}: yes
 * whenever a weight is entered; without one it takes no, n/a or unanswered, never yes. {@code all_as_usual}
 * answers every question still unanswered with the standard answer, yes (the weight question only with a
 * weight), so that only the deviations need typing; each "no" needs its note and shows as a deviation in the
 * session map.
 */
public final class PreProcedureChecklistCommand implements PlugIn {

    private static final String[] ANSWERS = {"unanswered", "yes", "no", "n/a"};

    @Override
    public void run(String arg) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        GenericDialog gd = new GenericDialog("Pre-procedure Checklist: session " + plan.sessionNumber());
        gd.addNumericField("weight_kg", plan.patientWeightKg() == null ? 0 : plan.patientWeightKg(), 1, 8,
                "kg (0: not entered)");
        gd.addCheckbox("all_as_usual (every unanswered question: yes; type only the deviations)", false);
        for (ChecklistEntry e : plan.checklist()) {
            gd.addMessage(e.item().question());
            gd.addChoice(e.item().id(), ANSWERS, answerName(e.answer()));
            gd.addToSameRow();
            gd.addStringField(e.item().id() + "_note", e.note(), 30);
        }
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            double weight = gd.getNextNumber();
            if (gd.invalidNumber() || weight < 0) {
                throw new IllegalArgumentException("weight_kg must be a number of kg (0 when not entered)");
            }
            boolean asUsual = gd.getNextBoolean();
            List<PlanEdit> edits = new ArrayList<>();
            edits.add(PlanEdits.patientWeight(weight == 0 ? null : weight));
            for (ChecklistEntry e : plan.checklist()) {
                String answer = gd.getNextChoice();
                String note = gd.getNextString();
                if (e.item().id().equals(ChecklistItem.WEIGHT) && (weight != 0 || asUsual)) {
                    continue; // answered yes by the weight (not without one)
                }
                if (asUsual && answer.equals("unanswered")) {
                    answer = "yes";
                }
                edits.add(PlanEdits.answer(e.item().id(),
                        answer.equals("unanswered") ? null : ChecklistAnswer.parse(answer), note));
            }
            SessionPlan after = PluginWorkspace.editor().batch("Pre-procedure checklist", edits);
            IJ.showStatus(String.format(Locale.ROOT, "Checklist: %d of %d answered",
                    after.checklist().size() - after.unansweredChecklist().size(), after.checklist().size()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    private static String answerName(ChecklistAnswer a) {
        return a == null ? "unanswered"
                : a == ChecklistAnswer.NOT_APPLICABLE ? "n/a" : a.name().toLowerCase(Locale.ROOT);
    }
}
