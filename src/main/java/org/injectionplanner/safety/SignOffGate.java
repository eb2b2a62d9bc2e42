package org.injectionplanner.safety;

import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;

/**
 * What stops a plan from being signed (docs/safety.md): it must be a draft with at least one injection,
 * every violation needs a written override reason, and every checklist question an answer.
 */
public final class SignOffGate {

    private SignOffGate() {
    }

    /** How a problem line about an open violation starts (the finding's message follows). */
    public static final String OPEN_VIOLATION = "violation without a written override reason: ";

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
        return out;
    }
}
