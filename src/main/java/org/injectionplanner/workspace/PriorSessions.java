package org.injectionplanner.workspace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Revision;
import org.injectionplanner.store.StoreException;

/**
 * The earlier sessions of a treatment course, for follow-up review and copy forward: each plan's newest
 * revision in the store, newest session first, with its status as the store's signature verification has it
 * (a plan claiming to be signed whose signature does not verify is not shown as signed).
 */
public final class PriorSessions {

    /**
     * One earlier session.
     *
     * @param plan its newest revision's plan
     * @param status its signature verified with the store's keyring
     * @param sessions the highest session number known in its course (the "of N" in its title)
     */
    public record Prior(SessionPlan plan, SignatureStatus status, int sessions) {

        /** "signed", "draft", or "signature not verified" (signed, but the store does not trust the signature). */
        public String statusText() {
            return status.trusted() ? "signed" : plan.status() == PlanStatus.SIGNED ? "signature not verified"
                    : "draft";
        }

        /** "session 1 of 2, 2026-11-07, signed — read-only": the title of its review windows. */
        public String title() {
            return "session " + plan.sessionNumber() + " of " + sessions + ", " + plan.date() + ", " + statusText()
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
     * current plan, every session in the store whose images show {@code patientId}.
     *
     * @param current the plan being worked on, or null
     * @param patientId the open study's Patient ID, or null or empty when not known: sessions whose images
     *     record another patient are then refused
     * @throws StoreException if the course's revisions cannot be read
     * @throws IllegalArgumentException if an earlier session of the course shows another patient than the open
     *     study
     */
    public static List<Prior> of(PlanWorkspace workspace, SessionPlan current, String patientId)
            throws StoreException {
        PlanStore store = workspace.store();
        boolean knownPatient = patientId != null && !patientId.isEmpty();
        List<UUID> courses = current != null ? List.of(current.courseId()) : store.courses();
        List<Prior> out = new ArrayList<>();
        for (UUID course : courses) {
            Map<UUID, SessionPlan> newest = new LinkedHashMap<>();
            for (Revision r : store.history(course)) {
                newest.put(r.plan().id(), r.plan());
            }
            int sessions = newest.values().stream().mapToInt(SessionPlan::sessionNumber).max().orElse(0);
            if (current != null) {
                sessions = Math.max(sessions, current.sessionNumber());
            }
            for (SessionPlan plan : newest.values()) {
                String shown = plan.patient().map(Patient::id).orElse("");
                boolean otherPatient = knownPatient && !shown.isEmpty() && !shown.equals(patientId);
                if (current == null) {
                    if (!knownPatient || !shown.equals(patientId)) {
                        continue;
                    }
                } else if (plan.id().equals(current.id()) || plan.sessionNumber() >= current.sessionNumber()) {
                    continue;
                } else if (otherPatient) {
                    throw new IllegalArgumentException("session " + plan.sessionNumber() + " of " + plan.date()
                            + " of this course was planned on images of another patient (Patient ID " + shown
                            + ") than the open study (" + patientId + ")");
                }
                out.add(new Prior(plan, workspace.signatureStatus(plan), sessions));
            }
        }
        out.sort(Comparator.comparing((Prior p) -> p.plan().date()).thenComparingInt(p -> p.plan().sessionNumber())
                .reversed());
        return out;
    }
}
