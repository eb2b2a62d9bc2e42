package org.injectionplanner.store;

import java.time.LocalDate;
import java.util.UUID;
import org.injectionplanner.plan.CourseSession;

/**
 * A session as the store's index lists it ({@link PlanStore#indexedSessions}): enough to list a course
 * without reading its revisions.
 *
 * @param planId the session's plan
 * @param sessionNumber its number
 * @param date its date
 * @param status draft, signed or done
 * @param sites its targets
 */
public record IndexedSession(UUID planId, int sessionNumber, LocalDate date, CourseSession.Status status,
        int sites) {
}
