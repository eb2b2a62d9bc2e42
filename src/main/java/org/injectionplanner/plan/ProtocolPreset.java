package org.injectionplanner.plan;

import java.util.List;

/**
 * A clinic's template for new injections, e.g. "Hackett-Hemwall": dextrose 15 % + lidocaine 0.2 %,
 * 0.5 mL per site, 22 G × 90 mm. A labelled template, not a recommendation (docs/domain.md §7.3); every field
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

    /** The deep needle of the default presets: 22 G spinal, 3.5 in, labelled 90 mm on the pack. */
    public static final Needle SPINAL_22G_90MM = new Needle(22, 90.0);
    /** The superficial needle of the default presets: 25 G, 1.5 in, labelled 38 mm on the pack. */
    public static final Needle HYPODERMIC_25G_38MM = new Needle(25, 38.0);

    /**
     * The templates of docs/domain.md §7.3 with needles of §1.2: "Hackett-Hemwall" (dextrose 15 % + lidocaine
     * 0.2 %) and "Yelland 2004" (20 % + 0.2 %), 0.5 mL, in-plane, with a 22 G × 90 mm (3.5 in) spinal needle,
     * long enough for the deep lumbosacral sites (2–3.5 in around the sacroiliac joint [S50], 3–3.5 in spinal in
     * larger adults [S78], 22 G spinal for the interosseous ligament [S16]); and "Hackett-Hemwall superficial"
     * with a 25 G × 38 mm (1.5 in) needle for shallow sites such as the iliac-crest entheses (about 1 cm deep
     * [S66]; 1.5 in [S78]). The first fills new injections.
     */
    public static List<ProtocolPreset> defaults() {
        Solution hackett = new Solution(15.0, "lidocaine", 0.2);
        return List.of(
                new ProtocolPreset("Hackett-Hemwall", hackett, 0.5, SPINAL_22G_90MM, Approach.IN_PLANE),
                new ProtocolPreset("Yelland 2004", new Solution(20.0, "lidocaine", 0.2), 0.5, SPINAL_22G_90MM,
                        Approach.IN_PLANE),
                new ProtocolPreset("Hackett-Hemwall superficial", hackett, 0.5, HYPODERMIC_25G_38MM,
                        Approach.IN_PLANE));
    }
}
