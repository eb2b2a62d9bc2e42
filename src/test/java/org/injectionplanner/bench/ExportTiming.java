package org.injectionplanner.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.injectionplanner.export.ExportFormat;
import org.injectionplanner.export.ExportOptions;
import org.injectionplanner.export.ExportedPlan;
import org.injectionplanner.export.PlanExporter;
import org.injectionplanner.export.SamplePlans;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;

/**
 * The exports of {@link ExportBenchmark}'s plan (40 injections on 8 frames of the sample studies) timed by
 * wall clock and by the exporting thread's CPU time, which a loaded machine inflates far less than the wall
 * clock: {@code java -cp target/test-classes:target/classes:<dependencies>
 * org.injectionplanner.bench.ExportTiming [ROUNDS]} (default 8) prints one line per round, from the
 * repository root.
 */
public final class ExportTiming {

    private ExportTiming() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SessionPlan p = SamplePlans.plan(SamplePlans.SESSION_1, 40, 8, true);
        ClinicSettings settings = ClinicSettings.defaults();
        ExportedPlan plan = new ExportedPlan(p, settings, SafetyChecks.check(p, SafetyContext.of(settings, null)),
                SignatureStatus.UNSIGNED, 1);
        Path folder = Files.createTempDirectory("export-timing");
        ExportOptions force = new ExportOptions(ExportOptions.Paper.A4, false, true);
        for (int i = 1; i <= rounds; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            PlanExporter.export(plan, ExportFormat.PDF, folder.resolve("map.pdf"), force, null, ZoneId.of("UTC"));
            long cpu1 = threads.getCurrentThreadCpuTime();
            long wall1 = System.nanoTime();
            PlanExporter.export(plan, ExportFormat.PNG, folder.resolve("frame.png"), force, null, ZoneId.of("UTC"));
            long cpu2 = threads.getCurrentThreadCpuTime();
            long wall2 = System.nanoTime();
            System.out.printf("round %d: pdf %.0f ms cpu, %.0f ms wall; png %.0f ms cpu, %.0f ms wall%n", i,
                    (cpu1 - cpu0) / 1e6, (wall1 - wall0) / 1e6, (cpu2 - cpu1) / 1e6, (wall2 - wall1) / 1e6);
        }
    }
}
