package org.injectionplanner.safety;

import java.time.LocalDate;
import org.injectionplanner.plan.SafetyLimits;

/**
 * What the checks need beyond the plan itself.
 *
 * @param limits the clinic's limits
 * @param previousSessionDate the date of the course's previous session, or null when this is the first
 *        or the course is not known (then the interval is not checked)
 */
public record SafetyContext(SafetyLimits limits, LocalDate previousSessionDate) {

    public SafetyContext {
        if (limits == null) {
            throw new IllegalArgumentException("safety checks need the clinic's limits");
        }
    }
}
