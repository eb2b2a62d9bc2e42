package org.injectionplanner.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.SessionPlan;

/**
 * A session's local anaesthetic per drug: the grouping the dose check holds against its limits, and the
 * session map's totals show. Pure.
 */
public final class DrugDoses {

    /** The drug name the clinic's dose limit is for. */
    public static final String LIDOCAINE = "lidocaine";

    /**
     * One drug's share of a session.
     *
     * @param drug the name doses are summed under ({@link #drugName})
     * @param mg milligrams of the drug in all
     * @param volumeMl millilitres of the solutions that hold it
     */
    public record Dose(String drug, double mg, double volumeMl) {
    }

    private DrugDoses() {
    }

    /** The plan's anaesthetics, one entry per drug, in the order they first occur in the session. */
    public static List<Dose> of(SessionPlan plan) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Injection i : plan.injections()) {
            if (i.solution().anaesthetic() != null) {
                double[] sum = sums.computeIfAbsent(drugName(i.solution().anaesthetic()), k -> new double[2]);
                sum[0] += i.solution().anaestheticMg(i.volumeMl());
                sum[1] += i.volumeMl();
            }
        }
        List<Dose> doses = new ArrayList<>();
        sums.forEach((drug, sum) -> doses.add(new Dose(drug, sum[0], sum[1])));
        return doses;
    }

    /**
     * The name a drug's doses are summed under: lower case, and lignocaine (the British name) as lidocaine,
     * so that one drug entered under both names is held against one limit.
     */
    public static String drugName(String anaesthetic) {
        String name = anaesthetic.strip().toLowerCase(Locale.ROOT);
        return name.equals("lignocaine") ? LIDOCAINE : name;
    }
}
