package org.injectionplanner.sessionmap;

import java.util.List;
import java.util.Locale;
import org.injectionplanner.plan.DrugTable;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.safety.DrugDoses;

/**
 * What a session gives in all: its injections, their volume, and each local anaesthetic per drug, summed
 * as the dose check sums it ({@link DrugDoses}: under the drug table's name, so "Xylocaine", "lignocaine
 * with adrenaline" and "lidocaine" are one drug; two drugs are never added together).
 *
 * @param injections how many injections the session plans
 * @param volumeMl their volume in all, mL
 * @param anaesthetics per drug, in the order each first occurs in the session: mg of the drug and mL of the
 *        solutions holding it
 */
public record SessionTotals(int injections, double volumeMl, List<DrugDoses.Dose> anaesthetics) {

    public SessionTotals {
        anaesthetics = List.copyOf(anaesthetics);
    }

    /** The totals of a plan's injections, the anaesthetics named as in the clinic's drug table. */
    public static SessionTotals of(SessionPlan plan, DrugTable drugs) {
        return new SessionTotals(plan.injections().size(),
                plan.injections().stream().mapToDouble(Injection::volumeMl).sum(), DrugDoses.of(plan, drugs));
    }

    /**
     * The totals as one line, e.g. "Totals: 3 injections, 1.50 mL; lidocaine 3.0 mg in 1.50 mL" or
     * "Totals: 1 injections, 0.50 mL; no local anaesthetic".
     */
    public String text() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Totals: %d injections, %.2f mL", injections,
                volumeMl));
        if (anaesthetics.isEmpty()) {
            b.append("; no local anaesthetic");
        }
        for (DrugDoses.Dose dose : anaesthetics) {
            b.append(String.format(Locale.ROOT, "; %s %.1f mg in %.2f mL", dose.drug(), dose.mg(), dose.volumeMl()));
        }
        return b.toString();
    }
}
