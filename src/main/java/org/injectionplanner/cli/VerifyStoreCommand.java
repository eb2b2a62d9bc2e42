package org.injectionplanner.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.StoreVerifier;
import org.injectionplanner.store.VerifyReport;

/**
 * {@code verify-store [DIR] [--json]}: checks every revision of the plan store in DIR (default
 * {@code ~/InjectionPlanner}) and the hash chain of every course, and lists each break. Exit status 0 when
 * the store is intact (warnings allowed), 1 when breaks are found, 2 on errors.
 */
final class VerifyStoreCommand implements Main.Command {

    @Override
    public String usage() {
        return "verify-store [DIR] [--json]  check every revision and hash chain of the plan store";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        boolean json = false;
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--json")) {
                json = true;
            } else if (a.startsWith("-")) {
                throw new Main.UsageException("unknown option " + a);
            } else {
                rest.add(a);
            }
        }
        if (rest.size() > 1) {
            throw new Main.UsageException("verify-store takes at most one DIR");
        }
        Path root = rest.isEmpty() ? PlanStore.defaultRoot() : Path.of(rest.get(0));
        VerifyReport report = StoreVerifier.verify(root);
        if (json) {
            out.println(InspectCommand.Json.MAPPER.writeValueAsString(toJson(report)));
        } else {
            printText(report, out);
        }
        return report.intact() ? 0 : 1;
    }

    private static void printText(VerifyReport report, PrintStream out) {
        for (VerifyReport.Problem p : report.problems()) {
            out.println((p.severity() == VerifyReport.Severity.BREAK ? "BREAK   " : "warning ")
                    + relative(report, p.file()) + ": " + p.message());
        }
        out.println(report.root() + ": " + report.courses() + " course(s), " + report.revisions() + " revision(s), "
                + (report.intact() ? "intact" : report.breaks().size() + " break(s)")
                + (report.warnings().isEmpty() ? "" : ", " + report.warnings().size() + " warning(s)"));
    }

    private static ObjectNode toJson(VerifyReport report) {
        ObjectNode o = InspectCommand.Json.MAPPER.createObjectNode();
        o.put("root", report.root().toString());
        o.put("intact", report.intact());
        o.put("courses", report.courses());
        o.put("revisions", report.revisions());
        ArrayNode problems = o.putArray("problems");
        for (VerifyReport.Problem p : report.problems()) {
            ObjectNode po = problems.addObject();
            po.put("severity", p.severity().name());
            po.put("file", relative(report, p.file()));
            po.put("message", p.message());
        }
        return o;
    }

    private static String relative(VerifyReport report, Path file) {
        return file.startsWith(report.root()) ? report.root().relativize(file).toString() : file.toString();
    }
}
