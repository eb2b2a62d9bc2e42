package org.injectionplanner.plan;

/**
 * What a needle-avoidance zone protects, with its SNOMED CT concept where docs/dicom.md §4.5 gives one.
 * A {@link #DURA} zone (the dura or ligamentum flavum line, the spinal canal) also sets the patient's own
 * no-go depth for midline and facet targets (docs/safety.md).
 */
public enum ZoneKind {
    NERVE("119410002"), VESSEL(null), DURA(null), BONE(null), OTHER(null);

    private final String snomedCode;

    ZoneKind(String snomedCode) {
        this.snomedCode = snomedCode;
    }

    /** The SNOMED CT concept (Nerve), or null. */
    public String snomedCode() {
        return snomedCode;
    }

    /** Parses a name case-insensitively. */
    public static ZoneKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown zone kind '" + text
                    + "': use nerve, vessel, dura, bone or other");
        }
    }
}
