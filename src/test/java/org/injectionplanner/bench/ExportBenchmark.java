package org.injectionplanner.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.injectionplanner.export.ExportException;
import org.injectionplanner.export.ExportFormat;
import org.injectionplanner.export.ExportImages;
import org.injectionplanner.export.ExportOptions;
import org.injectionplanner.export.ExportedPlan;
import org.injectionplanner.export.PlanExporter;
import org.injectionplanner.export.SamplePlans;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link PlanExporter} on a plan of 40 injections on 8 frames of the sample studies (the two single frames
 * and six frames of the cine of {@code sample-dicom/session-1}), files written (forced to disk) into a
 * temporary folder: the PDF session map alone (target under 1.5 s), and {@code all}, every format the exporter
 * writes in one export (the PDF, the 8 PNG frames, the CSV, the plan JSON, the SR and the Encapsulated PDF;
 * target under 3 s). Each export finds the images by UID, decodes and draws the frames afresh. Run from the
 * repository root (the sample studies' paths are relative): {@code bench/export.sh}, or
 * {@code bench/jmh.sh ExportBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExportBenchmark {

    private static final ExportOptions FORCE = new ExportOptions(ExportOptions.Paper.A4, false, true);

    private ExportedPlan plan;
    private Path folder;

    /** Builds the plan and checks that it has 40 injections on 8 frames. */
    @Setup
    public void setUp() throws Exception {
        SessionPlan p = SamplePlans.plan(SamplePlans.SESSION_1, 40, 8, true);
        if (p.injections().size() != 40 || ExportImages.annotatedFrames(p).size() != 8) {
            throw new IllegalStateException("the benchmark plan needs 40 injections on 8 frames");
        }
        ClinicSettings settings = ClinicSettings.defaults();
        plan = new ExportedPlan(p, settings, SafetyChecks.check(p, SafetyContext.of(settings, null)),
                SignatureStatus.UNSIGNED, 1);
        folder = Files.createTempDirectory("export-bench");
    }

    /** The PDF session map. */
    @Benchmark
    public List<Path> pdf() throws ExportException {
        return export(ExportFormat.PDF, folder.resolve("map.pdf"));
    }

    /** Every format, as {@code export --format all}: one export, the frames drawn once for the PDF and PNGs. */
    @Benchmark
    public List<Path> all() throws ExportException {
        return export(ExportFormat.ALL, folder.resolve("all"));
    }

    private List<Path> export(ExportFormat format, Path out) throws ExportException {
        return PlanExporter.export(plan, format, out, FORCE, null, ZoneId.of("UTC"));
    }
}
