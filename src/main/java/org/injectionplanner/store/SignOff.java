package org.injectionplanner.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.plan.Amendment;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.safety.SignOffGate;

/**
 * Signing and amending session plans (docs/design.md §5, docs/plan-format.md §2): a signature records the
 * signer, the time and the SHA-256 of the plan's planned content; an amendment reopens a signed plan as
 * a draft, keeping the signature it amends.
 */
public final class SignOff {

    private SignOff() {
    }

    /**
     * The plan signed.
     *
     * @param report the plan's current findings
     * @throws SignOffRefusedException if {@link SignOffGate} finds problems (listed in the exception)
     */
    public static SessionPlan sign(SessionPlan plan, SafetyReport report, String signer, OffsetDateTime at)
            throws SignOffRefusedException {
        List<String> problems = new ArrayList<>(SignOffGate.problems(plan, report));
        if (signer == null || signer.isBlank()) {
            problems.add("the signer's name is missing");
        }
        if (!problems.isEmpty()) {
            throw new SignOffRefusedException(plan.sessionNumber(), problems);
        }
        return plan.signed(new Signature(signer, at, PlanJson.plannedContentSha256(plan)));
    }

    /** True if a signed plan's planned content still hashes to its signature's SHA-256. */
    public static boolean intact(SessionPlan plan) {
        return plan.status() == PlanStatus.SIGNED
                && plan.signature().contentSha256().equals(PlanJson.plannedContentSha256(plan));
    }

    /**
     * The signed plan reopened as a draft for an amendment.
     *
     * @throws IllegalStateException if the plan is not signed
     * @throws IllegalArgumentException if the reason or author is blank
     */
    public static Amendment amendment(SessionPlan plan, String reason, String author, OffsetDateTime at) {
        if (plan.status() != PlanStatus.SIGNED) {
            throw new IllegalStateException("session " + plan.sessionNumber() + " is not signed: edit it directly");
        }
        return new Amendment(reason, author, at, plan.signature());
    }
}
