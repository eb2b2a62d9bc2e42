package org.injectionplanner.plan;

/**
 * A range of concentrations allowed for injection, % w/v, both ends included.
 *
 * @param minPercent the lowest, % (≥ 0)
 * @param maxPercent the highest, % (≥ {@code minPercent})
 */
public record PercentRange(double minPercent, double maxPercent) {

    public PercentRange {
        if (!(minPercent >= 0) || !Double.isFinite(maxPercent) || !(maxPercent >= minPercent)) {
            throw new IllegalArgumentException("a concentration range needs 0 ≤ lowest ≤ highest %, got "
                    + minPercent + " to " + maxPercent + " %");
        }
    }

    /** Whether {@code percent} lies in the range. */
    public boolean contains(double percent) {
        return percent >= minPercent && percent <= maxPercent;
    }

    /** E.g. "0–2 %". */
    public String text() {
        return Decimals.text(minPercent, 3) + "–" + Decimals.text(maxPercent, 3) + " %";
    }
}
