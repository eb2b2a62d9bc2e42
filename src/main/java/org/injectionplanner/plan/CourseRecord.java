package org.injectionplanner.plan;

import java.util.UUID;

/**
 * What a treatment course is, beyond its sessions (docs/design.md §5, docs/decisions.md): whose course it is,
 * what it treats and how many sessions it plans. Kept in the course's folder of the plan store
 * ({@code course.json}); the intended interval is the clinic's ({@link ClinicSettings#intervalWindow()}), so
 * the course view and the interval safety check never disagree.
 *
 * @param courseId the course
 * @param patientId the Patient ID every session's images must show, "" while no session's images name one
 * @param indication what the course treats, free text (e.g. "chronic low back pain, SI joint"), may be ""
 * @param plannedSessions how many sessions the course plans, 1–50
 */
public record CourseRecord(UUID courseId, String patientId, String indication, int plannedSessions) {

    public CourseRecord {
        if (courseId == null) {
            throw new IllegalArgumentException("a course record needs the course's id");
        }
        patientId = patientId == null ? "" : PlanText.line(patientId.strip(), "the course's Patient ID");
        indication = indication == null ? "" : PlanText.line(indication.strip(), "the course's indication");
        if (plannedSessions < 1 || plannedSessions > 50) {
            throw new IllegalArgumentException("a course plans 1–50 sessions, got " + plannedSessions);
        }
    }

    /** This record with another indication and number of planned sessions. */
    public CourseRecord describedAs(String newIndication, int newPlannedSessions) {
        return new CourseRecord(courseId, patientId, newIndication, newPlannedSessions);
    }

    /**
     * Session {@code number} counted against the sessions this course plans: "2 of 4", or "5 (4 planned)"
     * for a session beyond them (the count of sessions so far is never the "of").
     */
    public String sessionOf(int number) {
        return number > plannedSessions ? number + " (" + plannedSessions + " planned)"
                : number + " of " + plannedSessions;
    }

    /** "session 2 of 4", or "session 5 (4 planned)" ({@link #sessionOf}). */
    public String sessionLabel(int number) {
        return "session " + sessionOf(number);
    }

    /** This record with the Patient ID filled in from {@code plan}, if it had none and the plan names one. */
    public CourseRecord withPatientOf(SessionPlan plan) {
        String id = plan.patient().map(Patient::id).orElse("");
        return patientId.isEmpty() && !id.isEmpty() ? new CourseRecord(courseId, id, indication, plannedSessions)
                : this;
    }

    /**
     * Why {@code plan} cannot be a session of this course, or null when it can: its images show another
     * Patient ID than the course's.
     */
    public String patientProblem(SessionPlan plan) {
        String id = plan.patient().map(Patient::id).orElse("");
        if (patientId.isEmpty() || id.isEmpty() || id.equals(patientId)) {
            return null;
        }
        return "session " + plan.sessionNumber() + " shows Patient ID " + id + ", not the course's (" + patientId
                + ")";
    }
}
