package org.injectionplanner.plan;

/**
 * Spinal levels where they apply to a site: interspaces for interspinous, facet and disc-level targets,
 * single vertebrae for bony landmarks (docs/domain.md §5.2), with SNOMED CT codes where docs/domain.md
 * gives them (DICOM CID 1003, "Level of … intervertebral disc").
 */
public enum SpinalLevel {
    T12_L1("T12/L1", "243926009"), L1("L1", null), L1_L2("L1/L2", "243920003"), L2("L2", null),
    L2_L3("L2/L3", "243921004"), L3("L3", null), L3_L4("L3/L4", "243922006"), L4("L4", null),
    L4_L5("L4/L5", "243923001"), L5("L5", null), L5_S1("L5/S1", "243927000"), S1("S1", null), S2("S2", null),
    S3("S3", null), S4("S4", null);

    private final String label;
    private final String snomedCode;

    SpinalLevel(String label, String snomedCode) {
        this.label = label;
        this.snomedCode = snomedCode;
    }

    /** e.g. "L4/L5". */
    public String label() {
        return label;
    }

    /** The SNOMED CT code, or null where docs/domain.md gives none. */
    public String snomedCode() {
        return snomedCode;
    }

    /** Parses "L4/L5", "L4-L5", "L4_L5", "l5" ...; null or "none"/"-"/"" means no level. */
    public static SpinalLevel parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("none") || text.equals("-")) {
            return null;
        }
        String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '/').replace('_', '/');
        for (SpinalLevel l : values()) {
            if (l.label.equals(t)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown spinal level '" + text + "': use e.g. L4/L5, L5/S1 or L5");
    }
}
