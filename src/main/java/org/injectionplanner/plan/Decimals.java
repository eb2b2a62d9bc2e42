package org.injectionplanner.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as people write them: shown rounded to a number of decimals without trailing zeros ("38.1", "0.5",
 * "15"), and read from dialog or settings text with a decimal point or comma.
 */
public final class Decimals {

    private Decimals() {
    }

    /** {@code value} rounded half-up to {@code decimals} places, trailing zeros dropped. */
    public static String text(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * The number in {@code text} ("0.2", "0,2"), or null when it is blank.
     *
     * @param what the field's name for the error message
     * @throws IllegalArgumentException naming the field when the text is not a number
     */
    public static Double parseOptional(String text, String what) {
        String t = text.strip().replace(',', '.');
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + t + "' is not a number");
        }
    }
}
