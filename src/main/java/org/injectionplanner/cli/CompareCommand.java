package org.injectionplanner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.SessionComparison;
import org.injectionplanner.store.PlanFiles;
import org.injectionplanner.store.PlanStore;

/**
 * {@code compare PLAN_A PLAN_B}: compares two sessions of one patient site by site (plan files or revision
 * files, in either order: the earlier by date is the baseline) and prints the comparison as JSON, the
 * structures named by the catalogue of the store a revision file lies in (the default one for plain files).
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
        PlanFiles.Loaded a = PlanFiles.load(Path.of(args[0]));
        PlanFiles.Loaded b = PlanFiles.load(Path.of(args[1]));
        Optional<PlanStore> store = a.store().or(b::store);
        ClinicSettings settings = store.isPresent() ? store.get().settings() : ClinicSettings.defaults();
        SessionComparison comparison;
        try {
            comparison = SessionComparison.of(a.plan(), b.plan(), settings.catalogue());
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(args[0] + " and " + args[1] + ": " + e.getMessage());
        }
        out.println(InspectCommand.Json.MAPPER.writeValueAsString(CourseJson.comparison(comparison)));
        return 0;
    }
}
