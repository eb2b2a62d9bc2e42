package org.injectionplanner.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.plan.Amendment;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
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
     * The plan signed, after checking it with the safety checks under {@code context} (the store's
     * clinic settings and the course's previous session: {@link PlanStore#safetyContext}). Package-private:
     * outside the store a plan is signed only by {@link PlanSession#finalizePlan}, and
     * {@link OpenCourse#save} refuses a new signature that {@link #signatureProblems} finds fault with.
     *
     * @throws SignOffRefusedException if {@link SignOffGate} finds problems (listed in the exception)
     */
    static SessionPlan sign(SessionPlan plan, SafetyContext context, String signer, OffsetDateTime at)
            throws SignOffRefusedException {
        List<String> problems = new ArrayList<>(SignOffGate.problems(plan, SafetyChecks.check(plan, context)));
        if (signer == null || signer.isBlank()) {
            problems.add("the signer's name is missing");
        }
        if (!problems.isEmpty()) {
            throw new SignOffRefusedException(plan.sessionNumber(), problems);
        }
        return plan.signed(new Signature(signer, at, PlanJson.plannedContentSha256(plan)));
    }

    /**
     * Why a signed plan's signature could not have been given under {@code context}: its SHA-256 does not
     * match its planned content, or the plan as it stood unsigned fails {@link SignOffGate}. Empty when
     * the signature is sound.
     *
     * @throws IllegalArgumentException if the plan is not signed
     */
    static List<String> signatureProblems(SessionPlan signed, SafetyContext context) {
        if (signed.status() != PlanStatus.SIGNED) {
            throw new IllegalArgumentException("session " + signed.sessionNumber() + " is not signed");
        }
        List<String> problems = new ArrayList<>();
        if (!intact(signed)) {
            problems.add("its signature's SHA-256 does not match its planned content");
        }
        SessionPlan unsigned = new SessionPlan(signed.id(), signed.courseId(), signed.sessionNumber(), signed.date(),
                signed.author(), PlanStatus.DRAFT, signed.patientWeightKg(), signed.images(), signed.targets(),
                signed.zones(), signed.injections(), signed.checklist(), signed.overrides(), null,
                signed.amendments());
        problems.addAll(SignOffGate.problems(unsigned, SafetyChecks.check(unsigned, context)));
        return problems;
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
