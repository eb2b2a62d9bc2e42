package org.injectionplanner.plan;

import java.util.Locale;

/** An answer to a checklist question. */
public enum ChecklistAnswer {
    YES, NO, NOT_APPLICABLE;

    /** Parses "yes", "no", "n/a", "na", "not applicable" or a constant name, case-insensitively. */
    public static ChecklistAnswer parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
        return switch (t) {
            case "yes", "y" -> YES;
            case "no", "n" -> NO;
            case "n/a", "na", "not applicable" -> NOT_APPLICABLE;
            default -> throw new IllegalArgumentException("unknown answer '" + text + "': use yes, no or n/a");
        };
    }
}
