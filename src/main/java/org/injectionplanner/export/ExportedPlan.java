package org.injectionplanner.export;

import java.util.Optional;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.CourseRecord;
import org.injectionplanner.plan.SessionComparison;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.sessionmap.SessionMap;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.StoreException;

/**
 * A plan as it is exported: with the clinic settings that apply, its safety report, what verifying its
 * signature found (only {@link SignatureStatus.State#VALID} is shown as signed) and its revision.
 *
 * @param plan the plan
 * @param settings the clinic settings (structure names, drug table, aftercare text)
 * @param report the plan's safety findings under those settings
 * @param signature what verifying the plan's signature with its store's keyring found
 * @param revision the sequence number of the plan's revision in its store holding it as it stands, or null
 * @param course the record of the plan's course in its store (its planned sessions), or null without a store
 * @param previous the course's session before this plan's ({@code PlanStore.previousSession}), or null when
 *        there is none or no store
 */
public record ExportedPlan(SessionPlan plan, ClinicSettings settings, SafetyReport report,
        SignatureStatus signature, Integer revision, CourseRecord course, SessionPlan previous) {

    /** A plan exported without its course (no store): no planned sessions, no comparison. */
    public ExportedPlan(SessionPlan plan, ClinicSettings settings, SafetyReport report, SignatureStatus signature,
            Integer revision) {
        this(plan, settings, report, signature, revision, null, null);
    }

    public ExportedPlan {
        if (plan == null || settings == null || report == null || signature == null) {
            throw new IllegalArgumentException("an exported plan needs its plan, settings, report and signature "
                    + "status");
        }
    }

    /** The session map: the one computation of the injection table, findings and totals. */
    public SessionMap sessionMap() {
        return SessionMap.of(plan, report, settings, signature);
    }

    /**
     * This plan with its course as {@code store} holds it: the course record and the previous session; unchanged
     * when the store does not hold the plan's course.
     *
     * @throws StoreException if the course's files cannot be read
     */
    public ExportedPlan inCourse(PlanStore store) throws StoreException {
        if (!store.hasCourse(plan.courseId())) {
            return this;
        }
        return new ExportedPlan(plan, settings, report, signature, revision, store.courseRecord(plan.courseId()),
                store.previousSession(plan).orElse(null));
    }

    /**
     * The plan compared site by site with the course's previous session, when there is one, the structures named
     * by the clinic's catalogue.
     */
    public Optional<SessionComparison> comparison() {
        return previous == null ? Optional.empty()
                : Optional.of(SessionComparison.of(previous, plan, settings.catalogue()));
    }

    /** "session 2 of 4" counted against the course's planned sessions, or "session 2" without a course. */
    public String sessionLabel() {
        return course == null ? "session " + plan.sessionNumber() : course.sessionLabel(plan.sessionNumber());
    }

    /** "3", or "not saved" for a plan not saved as it stands (no store, or changed since its last save). */
    public String revisionText() {
        return revision == null ? "not saved" : revision.toString();
    }
}
