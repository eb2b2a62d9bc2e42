package org.injectionplanner.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.injectionplanner.plan.Anaesthetic;
import org.injectionplanner.plan.DrugTable;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.SessionPlan;

/**
 * A session's local anaesthetic per drug: the grouping the dose check holds against the clinic's drug
 * table, and the session map's totals show. An entered name counts under the table's name for it
 * ("Xylocaine", "lidocaine HCl" and "lidocaine with adrenaline" are all lidocaine), split into the plain
 * form and the form with a vasoconstrictor, whose limits differ. Pure.
 */
public final class DrugDoses {

    /**
     * One drug's share of a session.
     *
     * @param drug the drug table's name for it, or for a name not in the table that name, stripped and in
     *        lower case
     * @param anaesthetic its entry in the drug table, or null when the name is not in it
     * @param plainMg milligrams given without a vasoconstrictor
     * @param vasoconstrictorMg milligrams given with adrenaline/epinephrine
     * @param volumeMl millilitres of the solutions that hold it
     */
    public record Dose(String drug, Anaesthetic anaesthetic, double plainMg, double vasoconstrictorMg,
            double volumeMl) {

        /** Milligrams of the drug in all. */
        public double mg() {
            return plainMg + vasoconstrictorMg;
        }

        /**
         * The share of the drug's limit this dose uses: plain mg over the plain limit plus mg with a
         * vasoconstrictor over that form's limit, each limit min(mg/kg × kg, its maximum mg); without a
         * weight ({@code weightKg} null) against the maximum mg alone, the least the share can be. 1 is the
         * limit.
         *
         * @throws IllegalStateException for a drug not in the table, which has no limit
         */
        public double fraction(Double weightKg) {
            if (anaesthetic == null) {
                throw new IllegalStateException(drug + " is not in the drug table: it has no limit");
            }
            return plainMg / limitMg(false, weightKg) + vasoconstrictorMg / limitMg(true, weightKg);
        }

        /** The limit of one form, mg: with a weight min(mg/kg × kg, its maximum), without one the maximum. */
        public double limitMg(boolean vasoconstrictor, Double weightKg) {
            Anaesthetic.DoseLimit limit = anaesthetic.limit(vasoconstrictor);
            return weightKg == null ? limit.maxMg() : limit.mg(weightKg);
        }
    }

    private DrugDoses() {
    }

    /** The plan's anaesthetics, one entry per drug, in the order they first occur in the session. */
    public static List<Dose> of(SessionPlan plan, DrugTable drugs) {
        Map<String, Dose> sums = new LinkedHashMap<>();
        for (Injection i : plan.injections()) {
            String entered = i.solution().anaesthetic();
            if (entered == null) {
                continue;
            }
            Optional<DrugTable.Match> match = drugs.find(entered);
            String drug = match.map(m -> m.drug().name()).orElse(entered.strip().toLowerCase(Locale.ROOT));
            boolean vasoconstrictor = match.map(DrugTable.Match::withVasoconstrictor).orElse(false);
            double mg = i.solution().anaestheticMg(i.volumeMl());
            Dose sum = sums.getOrDefault(drug, new Dose(drug, match.map(DrugTable.Match::drug).orElse(null), 0, 0, 0));
            sums.put(drug, new Dose(drug, sum.anaesthetic(), sum.plainMg() + (vasoconstrictor ? 0 : mg),
                    sum.vasoconstrictorMg() + (vasoconstrictor ? mg : 0), sum.volumeMl() + i.volumeMl()));
        }
        return new ArrayList<>(sums.values());
    }
}
