package org.injectionplanner.export;

import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.sessionmap.SessionMap;

/**
 * A plan as it is exported: with the clinic settings that apply, its safety report, what verifying its
 * signature found (only {@link SignatureStatus.State#VALID} is shown as signed) and its revision.
 *
 * @param plan the plan
 * @param settings the clinic settings (structure names, drug table, aftercare text)
 * @param report the plan's safety findings under those settings
 * @param signature what verifying the plan's signature with its store's keyring found
 * @param revision the sequence number of the plan's revision in its store holding it as it stands, or null
 */
public record ExportedPlan(SessionPlan plan, ClinicSettings settings, SafetyReport report,
        SignatureStatus signature, Integer revision) {

    public ExportedPlan {
        if (plan == null || settings == null || report == null || signature == null) {
            throw new IllegalArgumentException("an exported plan needs its plan, settings, report and signature "
                    + "status");
        }
    }

    /** The session map: the one computation of the injection table, findings and totals. */
    public SessionMap sessionMap() {
        return SessionMap.of(plan, report, settings, signature);
    }

    /** "3", or "not saved" for a plan not saved as it stands (no store, or changed since its last save). */
    public String revisionText() {
        return revision == null ? "not saved" : revision.toString();
    }
}
