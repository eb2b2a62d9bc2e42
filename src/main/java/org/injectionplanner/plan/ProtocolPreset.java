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
        name = PlanText.line(name, "the preset's name").strip();
    }

    /**
     * Parses one line {@code name; dextrose %; anaesthetic; anaesthetic %; volume mL; needle; approach},
     * e.g. {@code Hackett-Hemwall; 15; lidocaine; 0.2; 0.5; 25G; in-plane} (empty fields for no dextrose
     * or no anaesthetic; the needle as {@link Needle#parse}).
     *
     * @throws IllegalArgumentException naming the line and the field at fault
     */
    public static ProtocolPreset fromLine(String line) {
        String[] f = line.split(";", -1);
        if (f.length != 7) {
            throw new IllegalArgumentException("preset '" + line.strip() + "': expected 7 fields separated by ';' "
                    + "(name; dextrose %; anaesthetic; anaesthetic %; volume mL; needle; approach)");
        }
        try {
            String anaesthetic = f[2].strip();
            Solution solution = new Solution(Decimals.parseOptional(f[1], "dextrose %"),
                    anaesthetic.isEmpty() ? null : anaesthetic,
                    anaesthetic.isEmpty() ? null : Decimals.parseOptional(f[3], "anaesthetic %"));
            Double volume = Decimals.parseOptional(f[4], "volume");
            if (volume == null) {
                throw new IllegalArgumentException("the volume is missing");
            }
            return new ProtocolPreset(f[0], solution, volume, Needle.parse(f[5]), Approach.parse(f[6]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("preset '" + line.strip() + "': " + e.getMessage(), e);
        }
    }

    /** This preset as the line {@link #fromLine} reads. */
    public String toLine() {
        return String.join("; ", name,
                solution.dextrosePercent() == null ? "" : Decimals.text(solution.dextrosePercent(), 6),
                solution.anaesthetic() == null ? "" : solution.anaesthetic(),
                solution.anaestheticPercent() == null ? "" : Decimals.text(solution.anaestheticPercent(), 6),
                Decimals.text(volumeMl, 6), needle.toText(), approach.label());
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
