package org.injectionplanner.plan;

/**
 * The clinic's defaults for treatment courses (docs/domain.md §4.1): how many sessions a new course plans and
 * the longest intended interval between sessions. The shortest intended interval is the interval safety
 * limit, {@link SafetyLimits#minIntervalDays()}: the course's window and the safety check share that one
 * number ({@link ClinicSettings#intervalWindow()}).
 *
 * @param plannedSessions sessions a new course plans, 1–50 (4 unless set)
 * @param maxIntervalDays longest intended interval between sessions, days (42, six weeks, unless set)
 */
public record CourseDefaults(int plannedSessions, int maxIntervalDays) {

    /** Sessions a course plans when the clinic has set nothing (prolotherapy series of 3–6, docs/domain.md §4.1). */
    public static final int DEFAULT_PLANNED_SESSIONS = 4;

    /** Six weeks, days. */
    public static final int DEFAULT_MAX_INTERVAL_DAYS = 42;

    public CourseDefaults {
        if (plannedSessions < 1 || plannedSessions > 50) {
            throw new IllegalArgumentException("a course plans 1–50 sessions, got " + plannedSessions);
        }
        if (maxIntervalDays < 1 || maxIntervalDays > 3650) {
            throw new IllegalArgumentException("the longest interval between sessions must be 1–3650 days, got "
                    + maxIntervalDays);
        }
    }

    /** 4 sessions, at most 6 weeks apart. */
    public static CourseDefaults defaults() {
        return new CourseDefaults(DEFAULT_PLANNED_SESSIONS, DEFAULT_MAX_INTERVAL_DAYS);
    }
}
