package org.injectionplanner.plan;

import java.util.Locale;

/**
 * The text a plan may hold: whatever round-trips byte for byte through the plan format (UTF-8 JSON,
 * docs/plan-format.md §1). An unpaired UTF-16 surrogate has no UTF-8 form and is refused everywhere;
 * control characters are refused in one-line texts (names, labels, authors), and in multi-line texts
 * (notes, reasons) all but tab, line feed and carriage return. Refusing at input keeps such text out of
 * every plan, so a save never fails or alters it later.
 */
public final class PlanText {

    private PlanText() {
    }

    /**
     * {@code text} if it is valid one-line text (or null).
     *
     * @param what the field, for the message, e.g. "the zone's name"
     * @throws IllegalArgumentException naming the field, the character and its position (from 1)
     */
    public static String line(String text, String what) {
        return check(text, what, false);
    }

    /**
     * {@code text} if it is valid multi-line text (or null).
     *
     * @param what the field, for the message, e.g. "the target's notes"
     * @throws IllegalArgumentException naming the field, the character and its position (from 1)
     */
    public static String lines(String text, String what) {
        return check(text, what, true);
    }

    private static String check(String text, String what, boolean multiLine) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(what + " holds an unpaired surrogate " + code(c) + " at character "
                        + (i + 1) + ", which no file can store: retype the text");
            } else if (Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                throw new IllegalArgumentException(what + " holds the control character " + code(c) + " at character "
                        + (i + 1) + (multiLine ? "" : "; it is one line of text") + ": retype the text");
            }
        }
        return text;
    }

    private static String code(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
