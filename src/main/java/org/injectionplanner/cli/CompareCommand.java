package org.injectionplanner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.injectionplanner.plan.SessionComparison;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.PlanFiles;

/**
 * {@code compare PLAN_A PLAN_B}: compares two sessions of one patient site by site (plan files or revision
 * files, in either order: the earlier by date is the baseline) and prints the comparison as JSON.
 */
final class CompareCommand implements Main.Command {

    @Override
    public String usage() {
        return "compare PLAN_A PLAN_B     compare two sessions of one patient site by site, as JSON";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        if (args.length != 2 || args[0].startsWith("-") || args[1].startsWith("-")) {
            throw new Main.UsageException("compare takes two PLAN files");
        }
        SessionPlan a = PlanFiles.load(Path.of(args[0])).plan();
        SessionPlan b = PlanFiles.load(Path.of(args[1])).plan();
        SessionComparison comparison;
        try {
            comparison = SessionComparison.of(a, b);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(args[0] + " and " + args[1] + ": " + e.getMessage());
        }
        out.println(InspectCommand.Json.MAPPER.writeValueAsString(CourseJson.comparison(comparison)));
        return 0;
    }
}
