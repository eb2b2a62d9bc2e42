package org.injectionplanner.plan;

/** The patient's side of a site (docs/domain.md §5.2), with its SNOMED CT code. */
public enum Side {
    LEFT("Left", "7771000"), RIGHT("Right", "24028007"), MIDLINE("Midline", "399488007");

    private final String label;
    private final String snomedCode;

    Side(String label, String snomedCode) {
        this.label = label;
        this.snomedCode = snomedCode;
    }

    /** "Left", "Right" or "Midline". */
    public String label() {
        return label;
    }

    /** The SNOMED CT concept of the side. */
    public String snomedCode() {
        return snomedCode;
    }

    /** Parses a label or name, case-insensitively ("left", "L", "RIGHT", "midline", "M"). */
    public static Side parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        for (Side s : values()) {
            if (s.name().equals(t) || s.name().substring(0, 1).equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown side '" + text + "': use left, right or midline");
    }
}
