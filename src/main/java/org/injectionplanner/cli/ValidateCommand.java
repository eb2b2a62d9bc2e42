package org.injectionplanner.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.safety.SignOffGate;
import org.injectionplanner.store.Keyring;
import org.injectionplanner.store.SignOff;
import org.injectionplanner.store.StoreException;

/**
 * {@code validate PLAN [--store DIR]}: runs the safety checks, verifies the signature (with the store's
 * keyring) and prints the findings as JSON. Exit status 0 when there is no violation and no invalid
 * signature, 1 when there are violations (overridden ones included) or the signature is not valid, 2 on
 * errors.
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
        SignatureStatus signature = signatureStatus(arguments);
        out.println(InspectCommand.Json.MAPPER.writeValueAsString(toJson(plan, context, report, signature)));
        return report.violations().isEmpty() && signature.state() != SignatureStatus.State.INVALID ? 0 : 1;
    }

    /**
     * The plan's signature verified with its store's keyring; without a store a sealed signature cannot be
     * verified, which is said first among its problems.
     */
    private static SignatureStatus signatureStatus(PlanArguments arguments) throws StoreException {
        SessionPlan plan = arguments.plan();
        if (arguments.store().isPresent()) {
            return arguments.store().get().signatureStatus(plan);
        }
        SignatureStatus status = SignOff.status(plan, Keyring.EMPTY, null);
        if (status.state() != SignatureStatus.State.INVALID) {
            return status;
        }
        List<String> problems = new ArrayList<>();
        problems.add("no plan store given (--store DIR): the signature is verified with the store's keyring");
        problems.addAll(status.problems());
        return SignatureStatus.invalid(problems);
    }

    private static ObjectNode toJson(SessionPlan plan, SafetyContext context, SafetyReport report,
            SignatureStatus signature) {
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
        ObjectNode so = o.putObject("signature");
        so.put("state", signature.state().name());
        so.put("signer", plan.signature() == null ? null : plan.signature().signer());
        so.put("note", signature.state() == SignatureStatus.State.UNKEYED ? SignatureStatus.UNKEYED_NOTE : null);
        ArrayNode integrity = so.putArray("problems");
        signature.problems().forEach(integrity::add);
        return o;
    }
}
