package org.injectionplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.store.OpenCourse;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line given what it should not read or cannot write: FIFOs (opening one blocks), endless
 * devices, full devices, impossible revision names. Each ends at once with {@code error:} and exit status
 * 2, or as a break of verify-store. The timeout only guards against a hang (what used to happen); it runs
 * the test in its own thread, so a blocked opening fails the test instead of stalling the build.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileInputCommandTest {

    private static final Path CINE = Path.of("sample-dicom/session-1/03-cine-transverse-L4-L5.dcm");

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path fifo(String name) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")) || Files.isExecutable(Path.of("/bin/mkfifo")),
                "mkfifo is needed to make a FIFO");
        Path fifo = dir.resolve(name);
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        return fifo;
    }

    private static void requireDevice(String device) {
        assumeTrue(Files.exists(Path.of(device)), "needs " + device);
    }

    @Test
    void validateRefusesAFifoADeviceAndALinkToADevice() throws Exception {
        Path fifo = fifo("plan.json");
        assertThat(run("validate", fifo.toString())).isEqualTo(new CliRun(2, "",
                "error: " + fifo + ": a device, FIFO or socket, not a regular file; refused\n"));
        requireDevice("/dev/zero");
        assertThat(run("validate", "/dev/zero")).isEqualTo(new CliRun(2, "",
                "error: /dev/zero: a device, FIFO or socket, not a regular file; refused\n"));
        Path link = Files.createSymbolicLink(dir.resolve("zero.json"), Path.of("/dev/zero"));
        assertThat(run("validate", link.toString()).err())
                .isEqualTo("error: " + link + ": a device, FIFO or socket, not a regular file; refused\n");
        assertThat(run("order", link.toString()).status()).isEqualTo(2);
    }

    @Test
    void validateRefusesAPlanLargerThanTheCapBeforeReadingIt() throws Exception {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength((32L << 20) + 1);
        }
        assertThat(run("validate", big.toString()).err())
                .isEqualTo("error: " + big + ": larger than 32 MiB; not a plan store file\n");
    }

    @Test
    void inspectRefusesAFifo() throws Exception {
        Path fifo = fifo("image.dcm");
        CliRun r = run("inspect", fifo.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + fifo + ": ").contains("not a regular file");
        assertThat(run("decode", fifo.toString(), "--out", dir.resolve("out").toString()).err())
                .contains("not a regular file");
    }

    @Test
    void aFailedWriteSaysWhichFileAndTheSystemsReason() throws Exception {
        requireDevice("/dev/full");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("frames.raw"), Path.of("/dev/full"));
        assertThat(run("decode", CINE.toString(), "--out", out.toString()))
                .isEqualTo(new CliRun(2, "", "error: cannot write " + out.resolve("frames.raw")
                        + ": No space left on device\n"));
        assertThat(run("decode", CINE.toString(), "--out", "/dev/full").err())
                .isEqualTo("error: cannot write to /dev/full: not a folder\n");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(run("decode", CINE.toString(), "--out", file.resolve("sub").toString()).err())
                .isEqualTo("error: " + file.resolve("sub") + ": Not a directory\n");
    }

    @Test
    void verifyStoreReportsFifosAndImpossibleSequenceNumbersAsBreaks() throws Exception {
        Path root = dir.resolve("store");
        SessionPlan plan = SessionPlan.newDraft(UUID.randomUUID(), 1, LocalDate.of(2026, 11, 26), "Dr A");
        Revision first;
        try (OpenCourse course = new PlanStore(root).open(plan.courseId())) {
            first = course.save(plan, "Dr A", "");
            course.save(plan, "Dr A", "again");
        }
        Path zero = first.file().resolveSibling("000000-" + plan.id() + ".json");
        Files.copy(first.file(), zero);
        CliRun r = run("verify-store", root.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("BREAK   " + root.relativize(zero) + ": numbered 000000, but revisions are "
                + "numbered from 1: no save wrote this file (renamed or made by hand)")
                .doesNotContain("to -1");
        Files.delete(zero);

        Path settings = root.resolve("clinic-settings.json");
        Files.delete(fifo("fifo"));
        assertThat(new ProcessBuilder("mkfifo", settings.toString()).start().waitFor()).isZero();
        r = run("verify-store", root.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("BREAK   clinic-settings.json: a device, FIFO or socket, not a regular file; "
                + "refused");
        assertThat(run("validate", first.file().toString()).err()).isEqualTo("error: " + settings
                + ": a device, FIFO or socket, not a regular file; refused\n");
    }

    @Test
    void aPlanFileWithAnUnpairedSurrogateInANameIsRefusedNamingFileAndPath() throws Exception {
        SessionPlan plan = PlanFixtures.draft().withZone(PlanFixtures.zone(1,
                PlanFixtures.polygon(10, 10, 50, 10, 30, 40), 5, PlanFixtures.region(0, 0.1, 0.1)));
        String json = new String(PlanJson.write(plan), StandardCharsets.UTF_8).replace("\"nerve 1\"",
                "\"Dr \\ud800 A\"");
        Path file = Files.writeString(dir.resolve("plan.json"), json);
        assertThat(run("validate", file.toString())).isEqualTo(new CliRun(2, "", "error: " + file + ": /zones/0: "
                + "the zone's name holds an unpaired surrogate U+D800 at character 4, which no file can store: "
                + "retype the text\n"));
    }
}
