package org.injectionplanner.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.store.PlanFiles;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.StoreException;

/**
 * {@code PLAN [--store DIR]}: a plan file or a revision in a plan store, with the store whose clinic
 * settings and course history apply. A revision inside a store's course folder brings its store; a
 * plain plan file uses {@code --store DIR}, or the default settings and no course history without it.
 *
 * @param plan the plan
 * @param store the store, if any
 * @param settings the clinic settings that apply
 */
record PlanArguments(SessionPlan plan, Optional<PlanStore> store, ClinicSettings settings) {

    /** Parses the arguments of {@code command}. */
    static PlanArguments parse(String command, String[] args) throws Main.UsageException, StoreException {
        String file = null;
        Path storeRoot = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--store")) {
                if (i + 1 == args.length) {
                    throw new Main.UsageException("--store needs a DIR");
                }
                storeRoot = Path.of(args[++i]);
            } else if (args[i].startsWith("-")) {
                throw new Main.UsageException("unknown option " + args[i]);
            } else if (file == null) {
                file = args[i];
            } else {
                throw new Main.UsageException(command + " takes one PLAN");
            }
        }
        if (file == null) {
            throw new Main.UsageException(command + " needs a PLAN file");
        }
        PlanFiles.Loaded loaded = PlanFiles.load(Path.of(file));
        Optional<PlanStore> store = storeRoot != null ? Optional.of(new PlanStore(storeRoot)) : loaded.store();
        ClinicSettings settings = store.isPresent() ? store.get().settings() : ClinicSettings.defaults();
        return new PlanArguments(loaded.plan(), store, settings);
    }

    /** The safety checks' context: the clinic's settings and the course's previous session, if known. */
    SafetyContext safetyContext() throws StoreException {
        return SafetyContext.of(settings,
                store.isPresent() ? store.get().previousSessionDate(plan).orElse(null) : null);
    }
}
