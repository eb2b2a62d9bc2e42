package org.injectionplanner.plan;

/**
 * A checklist question as asked in one session, with its answer. The question's text is kept in the plan,
 * so a signed plan shows what was asked even after the clinic changes its list.
 *
 * @param item the question
 * @param answer the answer, or null while unanswered
 * @param note free text; required when the answer is "no" (why the session goes ahead)
 */
public record ChecklistEntry(ChecklistItem item, ChecklistAnswer answer, String note) {

    public ChecklistEntry {
        if (item == null) {
            throw new IllegalArgumentException("a checklist entry needs its question");
        }
        note = note == null ? "" : PlanText.lines(note, "the checklist note").strip();
        if (answer == ChecklistAnswer.NO && note.isEmpty()) {
            throw new IllegalArgumentException("checklist item '" + item.id() + "' answered no needs a note saying why "
                    + "the session goes ahead");
        }
    }

    /** The question, unanswered. */
    public static ChecklistEntry unanswered(ChecklistItem item) {
        return new ChecklistEntry(item, null, "");
    }
}
