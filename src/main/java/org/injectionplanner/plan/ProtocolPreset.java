package org.injectionplanner.plan;

import java.util.List;

/**
 * A clinic's template for new injections, e.g. "Hackett-Hemwall": dextrose 15 % + lidocaine 0.2 %,
 * 0.5 mL per site, 25 G. A labelled template, not a recommendation (docs/domain.md §7.3); every field
 * can be overridden per site.
 *
 * @param name unique within the clinic's presets
 * @param solution what is injected
 * @param volumeMl volume per site, mL
 * @param needle gauge and length
 * @param approach in-plane or out-of-plane
 */
public record ProtocolPreset(String name, Solution solution, double volumeMl, Needle needle, Approach approach) {

    public ProtocolPreset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a protocol preset needs a name");
        }
        if (solution == null || needle == null || approach == null) {
            throw new IllegalArgumentException("preset '" + name + "' needs a solution, needle and approach");
        }
        if (!(volumeMl > 0 && volumeMl <= 50)) {
            throw new IllegalArgumentException("preset '" + name + "': volume must be more than 0 and at most 50 mL");
        }
        name = name.strip();
    }

    /** The templates of docs/domain.md §7.3: Yelland 2004, Hackett-Hemwall; 0.5 mL, 25 G, length blank. */
    public static List<ProtocolPreset> defaults() {
        Needle needle = new Needle(25, null);
        return List.of(
                new ProtocolPreset("Hackett-Hemwall", new Solution(15.0, "lidocaine", 0.2), 0.5, needle,
                        Approach.IN_PLANE),
                new ProtocolPreset("Yelland 2004", new Solution(20.0, "lidocaine", 0.2), 0.5, needle,
                        Approach.IN_PLANE));
    }
}
