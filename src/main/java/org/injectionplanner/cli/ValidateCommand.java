package org.injectionplanner.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.safety.SignOffGate;

/**
 * {@code validate PLAN [--store DIR]}: runs the safety checks and prints the findings as JSON. Exit status
 * 0 when there is no violation, 1 when there are violations (overridden ones included), 2 on errors.
 */
final class ValidateCommand implements Main.Command {

    @Override
    public String usage() {
        return "validate PLAN [--store DIR]  print the plan's safety findings as JSON (exit 1 on violations)";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        PlanArguments arguments = PlanArguments.parse("validate", args);
        SafetyContext context = arguments.safetyContext();
        SessionPlan plan = arguments.plan();
        SafetyReport report = SafetyChecks.check(plan, context);
        out.println(InspectCommand.Json.MAPPER.writeValueAsString(toJson(plan, context, report)));
        return report.violations().isEmpty() ? 0 : 1;
    }

    private static ObjectNode toJson(SessionPlan plan, SafetyContext context, SafetyReport report) {
        ObjectNode o = InspectCommand.Json.MAPPER.createObjectNode();
        o.put("planId", plan.id().toString());
        o.put("courseId", plan.courseId().toString());
        o.put("sessionNumber", plan.sessionNumber());
        o.put("date", plan.date().toString());
        o.put("status", plan.status().name());
        o.put("previousSessionDate", context.previousSessionDate() == null ? null
                : context.previousSessionDate().toString());
        o.put("violations", report.violations().size());
        o.put("openViolations", report.openViolations(plan).size());
        o.put("warnings", report.warnings().size());
        ArrayNode findings = o.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode fo = findings.addObject();
            fo.put("severity", f.severity().name());
            fo.put("check", f.check());
            fo.put("key", f.key());
            fo.put("target", f.targetId() == null ? null : AnnotationNames.of(plan.target(f.targetId()).orElseThrow()));
            fo.put("injectionPosition", f.injectionId() == null ? null : plan.positionOf(f.injectionId()));
            fo.put("zone", f.zoneId() == null ? null : AnnotationNames.of(plan.zone(f.zoneId()).orElseThrow()));
            fo.put("measured", f.measured());
            fo.put("limit", f.limit());
            fo.put("unit", f.unit());
            fo.put("message", f.message());
            FindingOverride override = SafetyReport.overrideOf(plan, f).orElse(null);
            fo.put("overrideReason", override == null ? null : override.reason());
        }
        ArrayNode signOff = o.putArray("signOffProblems");
        SignOffGate.problems(plan, report).forEach(signOff::add);
        return o;
    }
}
