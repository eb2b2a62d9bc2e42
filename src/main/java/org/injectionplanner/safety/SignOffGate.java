package org.injectionplanner.safety;

import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.plan.ChecklistAnswer;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;

/**
 * What stops a plan from being signed (docs/safety.md): it must be a draft with at least one injection,
 * every violation needs a written override reason, every checklist question an answer, and every question the
 * clinic marked as blocking ({@link org.injectionplanner.plan.ChecklistItem#blocksSignOff}) the answer yes.
 */
public final class SignOffGate {

    private SignOffGate() {
    }

    /** How a problem line about an open violation starts (the finding's message follows). */
    public static final String OPEN_VIOLATION = "violation without a written override reason: ";

    /** How a problem line about a blocking checklist question not answered yes starts ("no: " + question follows). */
    public static final String BLOCKING_ANSWER = "checklist item the clinic requires to be yes before sign-off, "
            + "answered ";

    /** Why the plan cannot be signed, one line each; empty when it can. */
    public static List<String> problems(SessionPlan plan, SafetyReport report) {
        List<String> out = new ArrayList<>();
        if (plan.status() == PlanStatus.SIGNED) {
            out.add("session " + plan.sessionNumber() + " is already signed by " + plan.signature().signer());
            return out;
        }
        if (plan.injections().isEmpty()) {
            out.add("no injections are planned");
        }
        for (Finding f : report.openViolations(plan)) {
            out.add(OPEN_VIOLATION + f.message());
        }
        for (ChecklistEntry e : plan.unansweredChecklist()) {
            out.add("checklist item unanswered: " + e.item().question());
        }
        for (ChecklistEntry e : plan.checklist()) {
            if (e.item().blocksSignOff() && e.answer() != null && e.answer() != ChecklistAnswer.YES) {
                out.add(BLOCKING_ANSWER + (e.answer() == ChecklistAnswer.NO ? "no: " : "n/a: ") + e.item().question()
                        + (e.note().isEmpty() ? "" : " (note: " + String.join(" ", e.note().lines().toList()) + ")"));
            }
        }
        return out;
    }
}
