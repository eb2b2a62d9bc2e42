package org.injectionplanner.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One session of a treatment course as the course lists it: the newest revision of its plan, summarised.
 *
 * @param planId the session's plan
 * @param number its session number
 * @param date its date
 * @param status draft, signed, or done
 * @param sites its targets
 * @param patientId the Patient ID its images show, "" if none
 * @param outcomes its outcomes, or null
 * @param outcomesLate true when the outcomes were recorded after the session's first injection was done
 */
public record CourseSession(UUID planId, int number, LocalDate date, Status status, int sites, String patientId,
        Outcomes outcomes, boolean outcomesLate) {

    /** Where a session stands. */
    public enum Status {
        /** Being planned. */
        DRAFT,
        /** Signed, injections not all recorded. */
        SIGNED,
        /** Signed and every injection recorded done or skipped. */
        DONE;

        /** The status in lower case, as shown and written. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public CourseSession {
        if (planId == null || date == null || status == null) {
            throw new IllegalArgumentException("a course session needs its plan, date and status");
        }
        patientId = patientId == null ? "" : patientId;
    }

    /** The summary of a plan. */
    public static CourseSession of(SessionPlan plan) {
        boolean allRecorded = !plan.injections().isEmpty() && plan.injections().stream()
                .allMatch(i -> i.record().state() != InjectionState.PLANNED);
        Status status = plan.status() == PlanStatus.DRAFT ? Status.DRAFT : allRecorded ? Status.DONE : Status.SIGNED;
        OffsetDateTime firstDone = plan.injections().stream()
                .filter(i -> i.record().state() == InjectionState.DONE).map(i -> i.record().at())
                .min(OffsetDateTime::compareTo).orElse(null);
        boolean late = plan.outcomes() != null && firstDone != null
                && plan.outcomes().recordedAt().isAfter(firstDone);
        return new CourseSession(plan.id(), plan.sessionNumber(), plan.date(), status, plan.targets().size(),
                plan.patient().map(Patient::id).orElse(""), plan.outcomes(), late);
    }
}
