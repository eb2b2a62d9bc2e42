package org.injectionplanner.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What is injected: a dextrose concentration and an optional local anaesthetic.
 *
 * @param dextrosePercent final dextrose concentration, % w/v (0 to 75), or null when there is none
 * @param anaesthetic the local anaesthetic's name, e.g. "lidocaine", or null when there is none
 * @param anaestheticPercent its final concentration, % w/v (0 to 10); null exactly when there is no anaesthetic
 */
public record Solution(Double dextrosePercent, String anaesthetic, Double anaestheticPercent) {

    /** Milligrams per millilitre of a 1 % w/v solution. */
    public static final double MG_PER_ML_PER_PERCENT = 10.0;

    public Solution {
        if (dextrosePercent != null && !(dextrosePercent >= 0 && dextrosePercent <= 75)) {
            throw new IllegalArgumentException("dextrose must be 0 to 75 %, got " + dextrosePercent);
        }
        PlanText.line(anaesthetic, "the anaesthetic's name");
        if (anaesthetic != null && anaesthetic.isBlank()) {
            anaesthetic = null;
        }
        if ((anaesthetic == null) != (anaestheticPercent == null)) {
            throw new IllegalArgumentException("a local anaesthetic needs both its name and its concentration");
        }
        if (anaestheticPercent != null && !(anaestheticPercent >= 0 && anaestheticPercent <= 10)) {
            throw new IllegalArgumentException("anaesthetic concentration must be 0 to 10 %, got "
                    + anaestheticPercent);
        }
    }

    /** Milligrams of anaesthetic in {@code volumeMl} of this solution (% × 10 × mL); 0 without one. */
    public double anaestheticMg(double volumeMl) {
        return anaestheticPercent == null ? 0 : anaestheticPercent * MG_PER_ML_PER_PERCENT * volumeMl;
    }

    /** E.g. "dextrose 15 % + lidocaine 0.2 %"; "no solution entered" without dextrose or anaesthetic. */
    public String description() {
        return text("dextrose ", " %");
    }

    /**
     * E.g. "D15% + lidocaine 0.2%": the prolotherapy shorthand (D for dextrose), for a table's column; "no solution
     * entered" without dextrose or anaesthetic.
     */
    public String shorthand() {
        return text("D", "%");
    }

    /**
     * The dextrose part (its concentration after {@code dextrose}) and the anaesthetic part joined by " + ", each
     * concentration followed by {@code percent}; "no solution entered" when there is neither.
     */
    private String text(String dextrose, String percent) {
        List<String> parts = new ArrayList<>();
        if (dextrosePercent != null) {
            parts.add(dextrose + Decimals.text(dextrosePercent, 3) + percent);
        }
        if (anaesthetic != null) {
            parts.add(anaesthetic + " " + Decimals.text(anaestheticPercent, 3) + percent);
        }
        return parts.isEmpty() ? "no solution entered" : String.join(" + ", parts);
    }
}
