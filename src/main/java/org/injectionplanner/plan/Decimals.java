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
     * Values within this much of a printed step, in the value's unit, print as that step: floating-point
     * noise (40 px × 0.1 mm = 4.000000000000001 mm) must not move a clearance or depth by a whole step.
     */
    private static final double NOISE = 1e-9;

    /**
     * A clearance (mm) as text with one decimal, rounded down: toward the unsafe side, so that 4.96 mm
     * against a 5 mm margin never reads "5.0" (docs/safety.md §1, precision).
     */
    public static String floorTenth(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value + NOISE).setScale(1, RoundingMode.FLOOR).toPlainString();
    }

    /**
     * A depth or needed length (mm) as text with one decimal, rounded up: toward the unsafe side, so that
     * 30.04 mm against a 30 mm line never reads "30.0" (docs/safety.md §1, precision).
     */
    public static String ceilTenth(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value - NOISE).setScale(1, RoundingMode.CEILING).toPlainString();
    }

    /** A target's depth as labels and lists show it: "13.2 mm deep" ({@link #ceilTenth}), or "uncalibrated" (null). */
    public static String depthText(Double depthMm) {
        return depthMm == null ? "uncalibrated" : ceilTenth(depthMm) + " mm deep";
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
