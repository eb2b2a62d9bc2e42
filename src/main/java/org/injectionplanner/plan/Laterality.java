package org.injectionplanner.plan;

import java.util.Locale;

/** Which sides a catalogue structure can be injected on: what a target's {@link Side} must fit. */
public enum Laterality {
    /** On the midline only (supraspinous, interspinous, sacrococcygeal ligaments). */
    MIDLINE,
    /** Left or right, never the midline (paired structures: iliolumbar ligament, facet capsules ...). */
    PAIRED,
    /** The midline, left or right (the thoracolumbar fascia, over the spinous processes and beside them). */
    ANY;

    /** Whether a target on {@code side} fits. */
    public boolean allows(Side side) {
        return switch (this) {
            case MIDLINE -> side == Side.MIDLINE;
            case PAIRED -> side != Side.MIDLINE;
            case ANY -> true;
        };
    }

    /** "midline", "paired" or "any", as the Clinic Settings dialog lists them. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label or name, case-insensitively. */
    public static Laterality parse(String text) {
        for (Laterality l : values()) {
            if (l.name().equalsIgnoreCase(text.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown laterality '" + text + "': use midline, paired or any");
    }
}
