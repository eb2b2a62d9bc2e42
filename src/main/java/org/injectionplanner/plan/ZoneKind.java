package org.injectionplanner.plan;

/** What a needle-avoidance zone protects. */
public enum ZoneKind {
    NERVE, VESSEL, BONE, OTHER;

    /** Parses a name case-insensitively. */
    public static ZoneKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown zone kind '" + text + "': use nerve, vessel, bone or other");
        }
    }
}
