package org.injectionplanner.plan;

/**
 * The clinic's limits for the safety checks (docs/safety.md). Defaults are starting suggestions from
 * docs/domain.md §7.2, not clinical advice.
 *
 * @param needleReserveMm needle length to keep out of the skin beyond the path, mm (violation below)
 * @param maxInsertionAngleDeg steepest in-plane insertion against the transducer face before needle
 *        visibility suffers, degrees (warning above)
 * @param midlineNoGoDepthMm depth of midline targets beyond which the spinal canal may be near, mm (warning)
 * @param maxSiteVolumeMl volume per site, mL (warning above)
 * @param maxSessionVolumeMl total volume of a session, mL (warning above)
 * @param minIntervalDays fewest days since the previous session of the course (warning below)
 */
public record SafetyLimits(double needleReserveMm, double maxInsertionAngleDeg, double midlineNoGoDepthMm,
        double maxSiteVolumeMl, double maxSessionVolumeMl, int minIntervalDays) {

    public SafetyLimits {
        nonNegative(needleReserveMm, "needle reserve");
        if (!(maxInsertionAngleDeg > 0 && maxInsertionAngleDeg <= 90)) {
            throw new IllegalArgumentException("the insertion angle limit must be more than 0 and at most 90°");
        }
        nonNegative(midlineNoGoDepthMm, "midline no-go depth");
        nonNegative(maxSiteVolumeMl, "volume per site");
        nonNegative(maxSessionVolumeMl, "volume per session");
        if (minIntervalDays < 0) {
            throw new IllegalArgumentException("the session interval must be 0 days or more");
        }
    }

    /**
     * 10 mm reserve; 30° (needle visibility, docs/prior-art.md §3 item 2); 40 mm midline no-go depth (below
     * the ~4–6 cm population dura depth, docs/domain.md §7.2 item 3); 1 mL per site and 30 mL per session
     * (§7.2 item 8); 14 days between sessions. The anaesthetic dose limits are the drug table's
     * ({@link DrugTable}).
     */
    public static SafetyLimits defaults() {
        return new SafetyLimits(10, 30, 40, 1.0, 30, 14);
    }

    private static void nonNegative(double value, String what) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("the " + what + " limit must be a finite number ≥ 0");
        }
    }
}
