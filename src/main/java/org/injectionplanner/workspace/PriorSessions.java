package org.injectionplanner.workspace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.plan.CourseRecord;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.store.CourseView;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.StoreException;

/**
 * The earlier sessions of a treatment course, for follow-up review and copy forward: each plan's newest
 * revision in the store (found through the course's index), newest session first, with its status as the
 * store's signature verification has it (a plan claiming to be signed whose signature does not verify is not
 * shown as signed), counted against the sessions its course plans.
 */
public final class PriorSessions {

    /**
     * One earlier session.
     *
     * @param plan its newest revision's plan
     * @param status its signature verified with the store's keyring
     * @param course its course's record (the planned sessions are the "of N" in its title)
     */
    public record Prior(SessionPlan plan, SignatureStatus status, CourseRecord course) {

        /** "signed", "draft", or "signature not verified" (signed, but the store does not trust the signature). */
        public String statusText() {
            return status.trusted() ? "signed" : plan.status() == PlanStatus.SIGNED ? "signature not verified"
                    : "draft";
        }

        /**
         * "session 1 of 4, 2026-11-07, signed — read-only" ({@link CourseRecord#sessionLabel}): the title of its
         * review windows.
         */
        public String title() {
            return course.sessionLabel(plan.sessionNumber()) + ", " + plan.date() + ", " + statusText()
                    + " — read-only";
        }

        /** "session 1, 2026-11-07, 3 sites, signed": a line of the list. */
        public String line() {
            int sites = plan.targets().size();
            return "session " + plan.sessionNumber() + ", " + plan.date() + ", " + sites + (sites == 1 ? " site"
                    : " sites") + ", " + statusText();
        }
    }

    private PriorSessions() {
    }

    /**
     * The sessions before {@code current} in its course (lower session numbers), newest first; without a
     * current plan, every session of the courses the store's patient index lists for {@code patientId}.
     *
     * @param current the plan being worked on, or null
     * @param patientId the open study's Patient ID, or null or empty when not known: sessions whose images
     *     record another patient are then refused
     * @throws StoreException if the course's files or the patient index cannot be read (or the store has no
     *     patient index: verify-store rebuilds it)
     * @throws IllegalArgumentException if an earlier session of the course shows another patient than the open
     *     study
     */
    public static List<Prior> of(PlanWorkspace workspace, SessionPlan current, String patientId)
            throws StoreException {
        PlanStore store = workspace.store();
        boolean knownPatient = patientId != null && !patientId.isEmpty();
        List<UUID> courses = current != null
                ? (store.hasCourse(current.courseId()) ? List.of(current.courseId()) : List.of())
                : knownPatient ? store.coursesOfPatient(patientId) : List.of();
        List<Prior> out = new ArrayList<>();
        for (UUID course : courses) {
            CourseView view = store.course(course);
            for (SessionPlan plan : view.plans()) {
                String shown = plan.patient().map(Patient::id).orElse("");
                boolean otherPatient = knownPatient && !shown.isEmpty() && !shown.equals(patientId);
                if (current == null) {
                    if (otherPatient) {
                        continue;
                    }
                } else if (plan.id().equals(current.id()) || plan.sessionNumber() >= current.sessionNumber()) {
                    continue;
                } else if (otherPatient) {
                    throw new IllegalArgumentException("session " + plan.sessionNumber() + " of " + plan.date()
                            + " of this course was planned on images of another patient (Patient ID " + shown
                            + ") than the open study (" + patientId + ")");
                }
                out.add(new Prior(plan, workspace.signatureStatus(plan), view.course().record()));
            }
        }
        out.sort(Comparator.comparing((Prior p) -> p.plan().date()).thenComparingInt(p -> p.plan().sessionNumber())
                .reversed());
        return out;
    }
}
