package org.injectionplanner.safety;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
        return violations().stream().filter(f -> plan.override(f.key()).isEmpty()).toList();
    }

    /** The worst severity among a target's findings, or empty when it has none. */
    public Optional<Severity> worstFor(UUID targetId) {
        return findings.stream().filter(f -> targetId.equals(f.targetId())).map(Finding::severity)
                .min(Enum::compareTo);
    }

    /** The findings about a target. */
    public List<Finding> about(UUID targetId) {
        return findings.stream().filter(f -> targetId.equals(f.targetId())).toList();
    }
}
