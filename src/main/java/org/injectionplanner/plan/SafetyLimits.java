package org.injectionplanner.plan;

/**
 * The clinic's limits for the safety checks (docs/safety.md). Defaults are starting suggestions from
 * docs/domain.md §7.2, not clinical advice.
 *
 * @param needleReserveMm needle length to keep out of the skin beyond the path, mm (violation below)
 * @param maxInsertionAngleDeg steepest in-plane insertion against the transducer face before needle
 *        visibility suffers, degrees (warning above)
 * @param midlineNoGoDepthMm the shallow default no-go depth, mm, for midline and facet targets while the
 *        patient has no dura or ligamentum flavum line marked: deeper ones are violations asking for the
 *        line (docs/safety.md §3, {@code midline-depth})
 * @param maxSiteVolumeMl volume per site, mL (warning above)
 * @param maxSessionVolumeMl total volume of a session, mL (warning above)
 * @param minIntervalDays fewest days since the previous session of the course (warning below)
 * @param maxEntryBelowSkinMm how far, mm, a needle path's entry point may lie below the skin line before
 *        the path is a violation (drawing tolerance; docs/safety.md §3, {@code entry-depth})
 */
public record SafetyLimits(double needleReserveMm, double maxInsertionAngleDeg, double midlineNoGoDepthMm,
        double maxSiteVolumeMl, double maxSessionVolumeMl, int minIntervalDays, double maxEntryBelowSkinMm) {

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
        nonNegative(maxEntryBelowSkinMm, "entry below the skin");
    }

    /** {@link #maxEntryBelowSkinMm()} of the defaults, and of settings files written before it existed. */
    public static final double DEFAULT_MAX_ENTRY_BELOW_SKIN_MM = 2;

    /**
     * 10 mm reserve; 30° (needle visibility, docs/prior-art.md §3 item 2); 20 mm shallow default no-go depth
     * (shallower than the shallowest reported skin-to-epidural depths, docs/domain.md §7.2 item 3); 1 mL per
     * site and 30 mL per session (§7.2 item 8); 14 days between sessions; an entry at most 2 mm below the skin
     * line. The anaesthetic dose limits are the drug table's ({@link DrugTable}).
     */
    public static SafetyLimits defaults() {
        return new SafetyLimits(10, 30, 20, 1.0, 30, 14, DEFAULT_MAX_ENTRY_BELOW_SKIN_MM);
    }

    private static void nonNegative(double value, String what) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("the " + what + " limit must be a finite number ≥ 0");
        }
    }
}
