package org.injectionplanner.safety;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.SessionPlan;

/**
 * The findings of one check of a plan, in the order {@link SafetyChecks#check} gives them.
 *
 * @param findings all findings
 */
public record SafetyReport(List<Finding> findings) {

    public SafetyReport {
        findings = List.copyOf(findings);
    }

    /** The violations. */
    public List<Finding> violations() {
        return findings.stream().filter(f -> f.severity() == Severity.VIOLATION).toList();
    }

    /** The warnings. */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /** The violations the plan has no written override for: these block sign-off. */
    public List<Finding> openViolations(SessionPlan plan) {
        return violations().stream().filter(f -> overrideOf(plan, f).isEmpty()).toList();
    }

    /**
     * The plan's override of a finding: one with the finding's key whose recorded measurement is the
     * finding's current one (within 1e-9, or both absent). An override of an earlier measurement has lapsed;
     * a finding of a check that is not {@link SafetyCheck#overridable()} has none.
     */
    public static Optional<FindingOverride> overrideOf(SessionPlan plan, Finding finding) {
        if (!SafetyCheck.named(finding.check()).map(SafetyCheck::overridable).orElse(true)) {
            return Optional.empty();
        }
        return plan.override(finding.key()).filter(o -> sameMeasurement(o.measured(), finding.measured()));
    }

    private static boolean sameMeasurement(Double a, Double b) {
        return a == null ? b == null : b != null && Math.abs(a - b) <= 1e-9;
    }

    /** The worst severity among a target's findings, or empty when it has none. */
    public Optional<Severity> worstFor(UUID targetId) {
        return findings.stream().filter(f -> targetId.equals(f.targetId())).map(Finding::severity)
                .min(Enum::compareTo);
    }

    /**
     * The worst finding about a target's needle path (its calibration, the clearances from the zones,
     * needle length, insertion angle), the first of the worst: what the path is coloured by. Findings
     * about what the target is or holds (level, laterality, depth, volume) colour the target only.
     */
    public Optional<Finding> worstPathFinding(UUID targetId) {
        return findings.stream().filter(f -> targetId.equals(f.targetId()) && SafetyCheck.isAboutPath(f.check()))
                .min(Comparator.comparing(Finding::severity));
    }

    /** The findings about a target. */
    public List<Finding> about(UUID targetId) {
        return findings.stream().filter(f -> targetId.equals(f.targetId())).toList();
    }
}
