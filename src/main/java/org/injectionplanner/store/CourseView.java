package org.injectionplanner.store;

import java.util.List;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.TreatmentCourse;

/**
 * A treatment course as the store holds it ({@link PlanStore#course}).
 *
 * @param course the course: record, sessions, window
 * @param plans the newest revision's plan of each session, in the course's session order
 */
public record CourseView(TreatmentCourse course, List<SessionPlan> plans) {

    public CourseView {
        plans = List.copyOf(plans);
    }
}
