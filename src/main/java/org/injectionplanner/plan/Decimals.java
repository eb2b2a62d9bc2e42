package org.injectionplanner.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers for people: rounded to a number of decimals, without trailing zeros ("38.1", "0.5", "15"). */
final class Decimals {

    private Decimals() {
    }

    /** {@code value} rounded half-up to {@code decimals} places, trailing zeros dropped. */
    static String text(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
