package org.injectionplanner.safety;

import java.util.UUID;

/**
 * One result of a safety check.
 *
 * @param severity violation or warning
 * @param check the check's name, e.g. {@code zone-clearance} (docs/safety.md lists them)
 * @param key stable identity of the finding across re-checks: the check and its subjects' ids, e.g.
 *        {@code zone-clearance/<target id>/<zone id>}; overrides refer to it
 * @param targetId the target concerned, or null for a session-wide finding
 * @param injectionId the injection concerned, or null
 * @param zoneId the zone concerned, or null
 * @param measured the measured value in {@code unit}, or null where nothing could be measured
 * @param limit the limit it was held against in {@code unit}, or null
 * @param unit "mm", "°", "mL", "mg", "days", or "" where there is no value
 * @param message what a physician reads: the site, the zone or field, the value and the limit
 */
public record Finding(Severity severity, String check, String key, UUID targetId, UUID injectionId, UUID zoneId,
        Double measured, Double limit, String unit, String message) {

    public Finding {
        if (severity == null || check == null || key == null || message == null || unit == null) {
            throw new IllegalArgumentException("a finding needs a severity, check, key, unit and message");
        }
    }
}
