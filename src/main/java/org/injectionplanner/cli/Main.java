package org.injectionplanner.cli;

import java.io.PrintStream;
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

    private static final Map<String, Command> COMMANDS = new TreeMap<>(Map.of(
            "inspect", new InspectCommand(),
            "decode", new DecodeCommand(),
            "generate-samples", new GenerateSamplesCommand(),
            "verify-store", new VerifyStoreCommand(),
            "validate", new ValidateCommand(),
            "order", new OrderCommand(),
            "studies", new StudiesCommand()));

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
            err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 2;
        }
    }

    private static void printUsage(PrintStream s) {
        s.println("usage: java -jar Injection_Planner.jar <command> [arguments]");
        s.println("commands:");
        for (Command c : COMMANDS.values()) {
            s.println("  " + c.usage());
        }
    }
}
