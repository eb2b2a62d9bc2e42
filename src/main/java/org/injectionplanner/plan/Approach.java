package org.injectionplanner.plan;

import java.util.Locale;

/**
 * How the needle meets the ultrasound beam (docs/domain.md glossary): in-plane, with the whole shaft in
 * the image, or out-of-plane, crossing the beam and seen as a dot.
 */
public enum Approach {
    IN_PLANE("in-plane"), OUT_OF_PLANE("out-of-plane");

    private final String label;

    Approach(String label) {
        this.label = label;
    }

    /** "in-plane" or "out-of-plane". */
    public String label() {
        return label;
    }

    /** Parses a label or constant name case-insensitively ("in-plane", "IN_PLANE", "out"). */
    public static Approach parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Approach a : values()) {
            if (a.label.equals(t) || a.label.startsWith(t + "-")) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown approach '" + text + "': use in-plane or out-of-plane");
    }
}
