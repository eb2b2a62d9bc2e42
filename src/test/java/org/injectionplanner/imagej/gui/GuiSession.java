package org.injectionplanner.imagej.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Revision;
import org.injectionplanner.store.StoreException;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a macro in a real ImageJ with the built plugin jar ({@code plugins/Injection_Planner.jar}), in a
 * child JVM on the current display (the tests run under {@code xvfb-run}), through {@link GuiDriver}.
 */
final class GuiSession {

    /**
     * What a session produced.
     *
     * @param output what the macro wrote to the file named by its argument
     * @param log ImageJ's Log window
     */
    record Result(String output, String log) {
    }

    static final Path PROJECT = Path.of("").toAbsolutePath();
    /** The sample study the scenarios annotate and plan on. */
    static final Path STUDY = PROJECT.resolve("sample-dicom/session-1");
    /**
     * Macro lines adding three targets on frame 1 of series 1: T1 "L4/5 supraspinous" at (400, 300) px,
     * T2 "R L4/5 facet" at (330, 330) and T3 "L L4/5 facet" at (530, 350).
     */
    static final String L4_L5_TARGETS = """
            run("Add Injection Target...", "x=400 y=300 frame=1 structure=supraspinous side=midline level=L4/L5 label=[L4/5 supraspinous]");
            run("Add Injection Target...", "x=330 y=330 frame=1 structure=facet-capsule side=right level=L4/L5 label=[R L4/5 facet]");
            run("Add Injection Target...", "x=530 y=350 frame=1 structure=facet-capsule side=left level=L4/L5 label=[L L4/5 facet]");
            """;

    private GuiSession() {
    }

    /** For {@code @ExtendWith}: {@link #assumeReady} before each test. */
    static final class Ready implements BeforeEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            assumeReady();
        }
    }

    /**
     * Where a test saves its screenshot: {@code target/screenshots/NAME}, or the folder named by
     * {@code -Dscreenshots.dir} (e.g. {@code docs/screenshots} to update the committed ones).
     */
    static Path screenshot(String name) {
        return PROJECT.resolve(System.getProperty("screenshots.dir", "target/screenshots")).resolve(name);
    }

    /** Skips the test when there is no display, fails when the plugin jar was not built. */
    static void assumeReady() {
        assumeTrue(System.getenv("DISPLAY") != null, "GUI tests need a display: run them under xvfb-run");
        assertTrue(Files.isRegularFile(PROJECT.resolve("plugins/Injection_Planner.jar")),
                "plugins/Injection_Planner.jar is missing: GUI tests run after mvn package (mvn verify)");
    }

    /**
     * The macro lines that set the plan store to {@code store} and open series {@code series} of
     * {@link #STUDY}: the opening of a scenario.
     */
    static String openStudy(Path store, int series) {
        return """
                run("Injection Planner Options...", "memory=512 store=[%s]");
                run("Open Ultrasound Study...", "path=[%s] series=%s");
                """.formatted(store, STUDY, series);
    }

    /** {@link #openStudy}, then the newest plan of the store is opened: a scenario going on from an earlier one. */
    static String openLatestPlan(Path store, int series) {
        return openStudy(store, series) + """
                run("Open Session Plan...", "plan=latest");
                """;
    }

    /** {@link #openStudy}, then a new plan of a new course, dated 2026-10-01, by "Dr Test". */
    static String openNewCourse(Path store, int series) {
        return openStudy(store, series) + """
                run("New Session Plan...", "course=[new course] date=2026-10-01 author=[Dr Test]");
                """;
    }

    /**
     * The newest revision of the first course of the plan store in {@code root} (a scenario's store holds
     * one course).
     */
    static Revision newestRevision(Path root) throws StoreException {
        PlanStore store = new PlanStore(root);
        List<Revision> history = store.history(store.courses().get(0));
        return history.get(history.size() - 1);
    }

    /**
     * Runs {@code macro} (its argument is the output file path).
     *
     * @param expectError a command line "Label|options" to run first, whose error goes to the Log; or null
     * @param screenshot where to save a screenshot after the macro, or null
     */
    static Result run(String macro, String expectError, Path screenshot) throws IOException, InterruptedException {
        return run(macro, expectError, screenshot, false);
    }

    /**
     * Runs {@code macro}; with {@code crash}, ImageJ then halts like after {@code kill -9} (no shutdown
     * hooks: nothing flushed, no lock released).
     */
    static Result run(String macro, String expectError, Path screenshot, boolean crash)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("ip-gui");
        Path macroFile = work.resolve("scenario.ijm");
        Files.writeString(macroFile, macro, StandardCharsets.UTF_8);
        Path out = work.resolve("out.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                // UserInput asks the X server where a window is (AWT's idea of it can be stale)
                "--add-opens=java.desktop/java.awt=ALL-UNNAMED", "--add-opens=java.desktop/sun.awt.X11=ALL-UNNAMED",
                "-Dplugins.dir=" + PROJECT, "-Duser.home=" + work));
        if (expectError != null) {
            command.add("-Dgui.expectError=" + expectError);
        }
        if (crash) {
            command.add("-Dgui.crash=true");
        }
        command.addAll(List.of("-cp", imageJJar() + File.pathSeparator + PROJECT.resolve("target/test-classes"),
                GuiDriver.class.getName(), macroFile.toString(), out.toString()));
        if (screenshot != null) {
            Files.createDirectories(screenshot.toAbsolutePath().getParent());
            command.add(screenshot.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("stdout.txt").toFile()).start();
        boolean finished = p.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String stdout = Files.readString(work.resolve("stdout.txt"));
        assertTrue(finished, "ImageJ did not finish within 180 s; its output:\n" + stdout);
        assertTrue(Files.exists(Path.of(out + ".done")), "the macro did not complete; ImageJ said:\n" + stdout);
        String output = Files.exists(out) ? Files.readString(out) : "";
        return new Result(output, Files.readString(Path.of(out + ".log")));
    }

    /**
     * What an {@code ImageJ -batch} run printed and how it ended.
     *
     * @param exitStatus the process's exit status
     * @param output its standard output and error, merged
     */
    record BatchResult(int exitStatus, String output) {
    }

    /**
     * Runs {@code macro} as {@code ImageJ -batch} does from a script (no ImageJ window), with the built plugin
     * jar, and waits for the process to end by itself.
     */
    static BatchResult runBatch(String macro) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("ip-batch");
        Path macroFile = work.resolve("batch.ijm");
        Files.writeString(macroFile, macro, StandardCharsets.UTF_8);
        Path stdout = work.resolve("stdout.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dplugins.dir=" + PROJECT, "-Duser.home=" + work, "-cp", imageJJar(), "ij.ImageJ", "-batch",
                macroFile.toString()).redirectErrorStream(true).redirectOutput(stdout.toFile()).start();
        boolean finished = p.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(stdout);
        assertTrue(finished, "the batch run did not end within 180 s (a dialog nobody can see?); its output:\n"
                + output);
        return new BatchResult(p.exitValue(), output);
    }

    private static String imageJJar() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.replace('\\', '/').contains("/net/imagej/ij/"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("ImageJ (net.imagej:ij) is not on the test classpath"));
    }
}
