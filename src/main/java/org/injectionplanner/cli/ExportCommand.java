package org.injectionplanner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.injectionplanner.export.ExportFormat;
import org.injectionplanner.export.ExportOptions;
import org.injectionplanner.export.ExportedPlan;
import org.injectionplanner.export.PlanExporter;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.store.Keyring;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Revision;
import org.injectionplanner.store.SignOff;
import org.injectionplanner.store.StoreException;

/**
 * {@code export PLAN --format F --out PATH [--deidentify] [--paper a4|letter] [--store DIR] [--images DIR]
 * [--force] [--predecessor SR_FILE]}: writes the plan as {@code F} (docs/exports.md), the images found where the
 * plan recorded them or under {@code --images DIR}; prints each file written. {@code --predecessor} names the
 * prior session's SR (a Comprehensive SR of the same patient) for the new SR's Predecessor Documents Sequence.
 * Exit 0 when written, 2 on an error (nothing is written then). Without a store a signature cannot be verified
 * and the map is marked DRAFT.
 */
final class ExportCommand implements Main.Command {

    @Override
    public String usage() {
        return "export PLAN --format pdf|csv|json|png|sr|pdf-dicom|all --out PATH [--deidentify] [--paper a4|letter]"
                + " [--store DIR] [--images DIR] [--force] [--predecessor SR_FILE]  write the plan for use elsewhere";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        ExportFormat format = null;
        Path target = null;
        Path images = null;
        Path predecessor = null;
        ExportOptions.Paper paper = ExportOptions.Paper.A4;
        boolean deidentify = false;
        boolean force = false;
        List<String> planArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = parse(ExportFormat::parse, value(args, ++i, "--format", "F"));
                case "--out" -> target = Path.of(value(args, ++i, "--out", "PATH"));
                case "--images" -> images = Path.of(value(args, ++i, "--images", "DIR"));
                case "--predecessor" -> predecessor = Path.of(value(args, ++i, "--predecessor", "SR_FILE"));
                case "--paper" -> paper = parse(ExportOptions.Paper::parse, value(args, ++i, "--paper", "a4|letter"));
                case "--deidentify" -> deidentify = true;
                case "--force" -> force = true;
                case "--store" -> {
                    planArgs.add(args[i]);
                    planArgs.add(value(args, ++i, "--store", "DIR"));
                }
                default -> planArgs.add(args[i]);
            }
        }
        if (format == null) {
            throw new Main.UsageException("export needs --format F");
        }
        if (target == null) {
            throw new Main.UsageException("export needs --out PATH");
        }
        PlanArguments arguments = PlanArguments.parse("export", planArgs.toArray(String[]::new));
        SessionPlan plan = arguments.plan();
        ExportedPlan exported = new ExportedPlan(plan, arguments.settings(),
                SafetyChecks.check(plan, arguments.safetyContext()), signatureStatus(arguments), revision(arguments));
        if (arguments.store().isPresent()) {
            exported = exported.inCourse(arguments.store().get());
        }
        List<Path> written = PlanExporter.export(exported, format, target,
                new ExportOptions(paper, deidentify, force, predecessor), images, ZoneId.systemDefault());
        written.forEach(out::println);
        return 0;
    }

    /** {@code text} parsed by {@code parser}, its error a usage error. */
    private static <T> T parse(Function<String, T> parser, String text) throws Main.UsageException {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    private static String value(String[] args, int i, String option, String what) throws Main.UsageException {
        if (i >= args.length) {
            throw new Main.UsageException(option + " needs " + what);
        }
        return args[i];
    }

    /** The signature verified with the store's keyring; without a store only an unsigned plan is certain. */
    private static SignatureStatus signatureStatus(PlanArguments arguments) throws StoreException {
        if (arguments.store().isPresent()) {
            return arguments.store().get().signatureStatus(arguments.plan());
        }
        SignatureStatus status = SignOff.status(arguments.plan(), Keyring.EMPTY, null);
        return status.state() == SignatureStatus.State.VALID ? status
                : status.state() == SignatureStatus.State.UNSIGNED ? status
                : SignatureStatus.invalid(List.of("no plan store given (--store DIR): the signature is verified "
                        + "with the store's keyring"));
    }

    /** The sequence of the newest revision in the store holding exactly this plan, or null. */
    private static Integer revision(PlanArguments arguments) throws StoreException {
        if (arguments.store().isEmpty()) {
            return null;
        }
        PlanStore store = arguments.store().get();
        SessionPlan plan = arguments.plan();
        Integer sequence = null;
        for (Revision r : store.history(plan.courseId())) {
            if (r.plan().equals(plan)) {
                sequence = r.header().sequence();
            }
        }
        return sequence;
    }
}
