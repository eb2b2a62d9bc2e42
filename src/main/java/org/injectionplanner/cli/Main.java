package org.injectionplanner.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command-line entry point: {@code java -jar plugins/Injection_Planner.jar <command> ...}.
 * Errors print {@code error: <message>} to standard error and exit with status 2.
 */
public final class Main {

    /** One command of the command line. */
    interface Command {
        /** Runs the command; returns the exit status. */
        int run(String[] args, PrintStream out) throws Exception;

        /** One line of usage, e.g. {@code inspect FILE}. */
        String usage();
    }

    /** A command-line mistake: printed as {@code error: ...} with exit status 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private static final Map<String, Command> COMMANDS = new TreeMap<>(Map.ofEntries(
            Map.entry("inspect", new InspectCommand()),
            Map.entry("decode", new DecodeCommand()),
            Map.entry("generate-samples", new GenerateSamplesCommand()),
            Map.entry("verify-store", new VerifyStoreCommand()),
            Map.entry("validate", new ValidateCommand()),
            Map.entry("order", new OrderCommand()),
            Map.entry("keyring", new KeyringCommand()),
            Map.entry("studies", new StudiesCommand()),
            Map.entry("course", new CourseCommand()),
            Map.entry("compare", new CompareCommand()),
            Map.entry("export", new ExportCommand())));

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line and returns its exit status (for tests and {@link #main}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            printUsage(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("error: unknown command '" + args[0] + "'");
            printUsage(err);
            return 2;
        }
        try {
            return command.run(Arrays.copyOfRange(args, 1, args.length), out);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: java -jar Injection_Planner.jar " + command.usage());
            return 2;
        } catch (Exception e) {
            err.println("error: " + message(e));
            return 2;
        }
    }

    /**
     * An error's message for a person: a file system error as its file and the operating system's reason
     * ({@code out/frames.raw: No space left on device}), others as they are.
     */
    static String message(Exception e) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            String reason = fse.getReason() != null ? fse.getReason()
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
            return fse.getFile() + (fse.getOtherFile() == null ? "" : " -> " + fse.getOtherFile()) + ": " + reason;
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** A failed write of {@code file}, saying which file and why (the operating system's reason). */
    static IOException writeFailure(Path file, IOException e) {
        String reason = message(e);
        String prefix = file + ": ";
        return new IOException("cannot write " + file + ": "
                + (reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason), e);
    }

    private static void printUsage(PrintStream s) {
        s.println("usage: java -jar Injection_Planner.jar <command> [arguments]");
        s.println("commands:");
        for (Command c : COMMANDS.values()) {
            s.println("  " + c.usage());
        }
    }
}
