package org.injectionplanner.safety;

import java.time.LocalDate;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.DrugTable;
import org.injectionplanner.plan.SafetyLimits;
import org.injectionplanner.plan.StructureCatalogue;

/**
 * What the checks need beyond the plan itself.
 *
 * @param limits the clinic's limits
 * @param catalogue the clinic's structures: the sides each can be on and the spinal levels it takes
 * @param drugs the clinic's drug table: the anaesthetics' names, dose limits and concentrations, and the
 *        dextrose concentrations
 * @param previousSessionDate the date of the course's previous session, or null when this is the first
 *        or the course is not known (then the interval is not checked)
 */
public record SafetyContext(SafetyLimits limits, StructureCatalogue catalogue, DrugTable drugs,
        LocalDate previousSessionDate) {

    public SafetyContext {
        if (limits == null || catalogue == null || drugs == null) {
            throw new IllegalArgumentException("safety checks need the clinic's limits, structure catalogue and "
                    + "drug table");
        }
    }

    /** The context of a clinic's settings. */
    public static SafetyContext of(ClinicSettings settings, LocalDate previousSessionDate) {
        return new SafetyContext(settings.limits(), settings.catalogue(), settings.drugs(), previousSessionDate);
    }
}
