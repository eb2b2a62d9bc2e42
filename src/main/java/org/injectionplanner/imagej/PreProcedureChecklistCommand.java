package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.injectionplanner.plan.ChecklistAnswer;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.PlanEdit;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.SessionPlan;

/**
 * Plugins › Injection Planner › Pre-procedure Checklist...: the patient's weight and the answers to the
 * session's checklist questions, as one undoable edit. Made for the keyboard: the focus starts on
 * {@code all_as_usual} (Space ticks it), Tab walks the weight and then the questions in order, each answer is
 * typed (y, n, na; empty: unanswered) with its note beside it, and Enter is OK.
 *
 * <p>Macro keys: {@code all_as_usual}; {@code weight_kg} (kg, 0 when not entered); per question its id (e.g.
 * {@code consent}) with yes, no, n/a or unanswered (or y, n, na, empty), and {@code <id>_note} (required for
 * "no"). The weight question ({@code weight}) is asked once, on the weight's row: it follows {@code weight_kg},
 * yes whenever a weight is entered; only without one does its own answer count (no, n/a or unanswered, never
 * yes). {@code all_as_usual} answers every question left unanswered with the standard answer, yes (the weight
 * question only with a weight), so that only the deviations need typing; each "no" needs its note and shows as
 * a deviation in the session map, and a "no" or "n/a" to a question the clinic marked as blocking
 * ({@link ChecklistItem#blocksSignOff}, shown with "must be yes to sign") refuses sign-off.
 */
public final class PreProcedureChecklistCommand implements PlugIn {

    private static final String MUST_BE_YES = "  [must be yes to sign]";

    @Override
    public void run(String arg) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        Optional<ChecklistEntry> weightEntry = plan.checklist().stream()
                .filter(e -> e.item().id().equals(ChecklistItem.WEIGHT)).findFirst();
        List<ChecklistEntry> questions = plan.checklist().stream()
                .filter(e -> !e.item().id().equals(ChecklistItem.WEIGHT)).toList();
        GenericDialog gd = new GenericDialog("Pre-procedure Checklist: session " + plan.sessionNumber());
        gd.addCheckbox("all_as_usual (every unanswered question: yes; type only the deviations)", false);
        gd.addMessage("Answers: y, n (the note says why the session goes ahead) or na; empty: unanswered.");
        weightEntry.ifPresent(e -> gd.addMessage(question(e.item())));
        gd.addNumericField("weight_kg", plan.patientWeightKg() == null ? 0 : plan.patientWeightKg(), 1, 8,
                weightEntry.isPresent() ? "kg (0: not entered; then answer:)" : "kg (0: not entered)");
        weightEntry.ifPresent(e -> {
            gd.addToSameRow();
            // a yes follows the weight: shown empty, so clearing the weight leaves the question unanswered
            gd.addStringField(e.item().id(), e.answer() == ChecklistAnswer.YES ? "" : answerName(e.answer()), 4);
            gd.addToSameRow();
            gd.addStringField(e.item().id() + "_note", e.note(), 24);
        });
        for (ChecklistEntry e : questions) {
            gd.addMessage(question(e.item()));
            gd.addStringField(e.item().id(), answerName(e.answer()), 4);
            gd.addToSameRow();
            gd.addStringField(e.item().id() + "_note", e.note(), 40);
        }
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            boolean asUsual = gd.getNextBoolean();
            double weight = gd.getNextNumber();
            if (gd.invalidNumber() || weight < 0) {
                throw new IllegalArgumentException("weight_kg must be a number of kg (0 when not entered)");
            }
            List<PlanEdit> edits = new ArrayList<>();
            edits.add(PlanEdits.patientWeight(weight == 0 ? null : weight));
            if (weightEntry.isPresent()) {
                ChecklistAnswer answer = parse(ChecklistItem.WEIGHT, gd.getNextString());
                String note = gd.getNextString();
                if (weight == 0) { // with a weight the question is yes (PlanEdits.patientWeight)
                    edits.add(PlanEdits.answer(ChecklistItem.WEIGHT, answer, note));
                }
            }
            for (ChecklistEntry e : questions) {
                ChecklistAnswer answer = parse(e.item().id(), gd.getNextString());
                String note = gd.getNextString();
                edits.add(PlanEdits.answer(e.item().id(), answer == null && asUsual ? ChecklistAnswer.YES : answer,
                        note));
            }
            SessionPlan after = PluginWorkspace.editor().batch("Pre-procedure checklist", edits);
            IJ.showStatus(String.format(Locale.ROOT, "Checklist: %d of %d answered",
                    after.checklist().size() - after.unansweredChecklist().size(), after.checklist().size()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    /** The question as shown: its text, and whether the clinic requires yes before sign-off. */
    private static String question(ChecklistItem item) {
        return item.question() + (item.blocksSignOff() ? MUST_BE_YES : "");
    }

    /** A typed answer; empty or "unanswered" is none. */
    static ChecklistAnswer parse(String itemId, String typed) {
        String t = typed.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("unanswered")) {
            return null;
        }
        try {
            return ChecklistAnswer.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checklist item '" + itemId + "': " + e.getMessage()
                    + " (empty: unanswered)");
        }
    }

    private static String answerName(ChecklistAnswer a) {
        return a == null ? ""
                : a == ChecklistAnswer.NOT_APPLICABLE ? "n/a" : a.name().toLowerCase(Locale.ROOT);
    }
}
