package org.injectionplanner.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import org.injectionplanner.export.ExportException;

/**
 * {@link ExportBenchmark}'s exports ({@code pdf} and {@code all} of its plan of 40 injections on 8 frames)
 * timed by wall clock and by the exporting thread's CPU time, which a loaded machine inflates far less than
 * the wall clock (it leaves out the garbage collector's and any decoding threads). From the repository root:
 * {@code java -cp target/test-classes:target/classes:<dependencies> org.injectionplanner.bench.ExportTiming
 * [ROUNDS]} (default 8) prints one line per round, {@code round N: pdf C ms cpu, W ms wall; all C ms cpu,
 * W ms wall}; {@code bench/export.sh} runs it and sums the rounds up.
 */
public final class ExportTiming {

    private ExportTiming() {
    }

    /** One export of the benchmark. */
    @FunctionalInterface
    private interface Export {
        List<Path> run() throws ExportException;
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        ExportBenchmark bench = new ExportBenchmark();
        bench.setUp();
        for (int i = 1; i <= rounds; i++) {
            System.out.printf("round %d: pdf %s; all %s%n", i, time(bench::pdf), time(bench::all));
        }
    }

    /** Runs the export once: "C ms cpu, W ms wall". */
    private static String time(Export export) throws ExportException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        export.run();
        return String.format("%.0f ms cpu, %.0f ms wall", (threads.getCurrentThreadCpuTime() - cpu) / 1e6,
                (System.nanoTime() - wall) / 1e6);
    }
}
