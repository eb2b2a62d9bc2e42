package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.store.VerifyReport.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store files that are not what they should be: FIFOs (opening one blocks), devices (endless), symbolic
 * links out of the store, oversized files. Every read refuses them at once, naming the file; verify-store
 * reports them as breaks. The timeout only guards against a hang (what used to happen); it runs the test
 * in its own thread, so a blocked opening fails the test instead of stalling the build.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileStoreFilesTest {

    @TempDir
    Path temp;

    private Path root;
    private PlanStore store;
    private final List<Path> files = new ArrayList<>();

    @BeforeEach
    void threeRevisions() throws Exception {
        root = temp.resolve("store");
        store = new PlanStore(root);
        try (OpenCourse course = store.open(TestPlans.COURSE)) {
            for (int k = 1; k <= 3; k++) {
                files.add(course.save(TestPlans.numbered(TestPlans.COURSE, TestPlans.PLAN, k), "Dr A", "").file());
            }
            course.autosave(TestPlans.numbered(TestPlans.COURSE, TestPlans.PLAN, 4));
        }
    }

    private static void mkfifo(Path path) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")) || Files.isExecutable(Path.of("/bin/mkfifo")),
                "mkfifo is needed to make a FIFO");
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor()).as("mkfifo's exit status").isZero();
    }

    private static void requireDevZero() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero (POSIX)");
    }

    private Path replaceWithFifo(Path file) throws Exception {
        Files.delete(file);
        mkfifo(file);
        return file;
    }

    private static Path replaceWithLink(Path file, Path target) throws IOException {
        Files.delete(file);
        return Files.createSymbolicLink(file, target);
    }

    private List<String> breaks() throws StoreException {
        return StoreVerifier.verify(root).breaks().stream()
                .map(p -> root.relativize(p.file()) + ": " + p.message()).toList();
    }

    @Test
    void aFifoAsRevisionIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = replaceWithFifo(files.get(1));
        assertThatThrownBy(() -> store.history(TestPlans.COURSE)).isInstanceOf(StoreException.class)
                .hasMessage(fifo + ": a device, FIFO or socket, not a regular file; refused");
        assertThatThrownBy(() -> store.load(fifo)).hasMessageEndingWith("not a regular file; refused");
        assertThat(breaks()).contains(root.relativize(fifo) + ": a device, FIFO or socket, not a regular file; "
                + "refused");
    }

    @Test
    void theNewestRevisionAsFifoKeepsTheCourseFromOpening() throws Exception {
        replaceWithFifo(files.get(2));
        assertThatThrownBy(() -> store.open(TestPlans.COURSE).close()).isInstanceOf(StoreException.class)
                .hasMessageContaining("not a regular file; refused");
    }

    @Test
    void aRevisionLinkedToDevZeroIsRefusedNotReadForever() throws Exception {
        requireDevZero();
        Path link = replaceWithLink(files.get(0), Path.of("/dev/zero"));
        assertThatThrownBy(() -> store.history(TestPlans.COURSE))
                .hasMessage(link + ": a symbolic link, not a regular file; refused");
        assertThat(breaks()).contains(root.relativize(link) + ": a symbolic link, not a regular file; refused");
    }

    @Test
    void aRevisionLinkedToAnIdenticalCopyOutsideTheStoreIsABreak() throws Exception {
        Path copy = Files.copy(files.get(1), temp.resolve("copy.json"));
        Path link = replaceWithLink(files.get(1), copy);
        assertThat(breaks()).contains(root.relativize(link) + ": a symbolic link, not a regular file; refused");
        assertThatThrownBy(() -> store.history(TestPlans.COURSE)).hasMessageContaining("a symbolic link");
    }

    @Test
    void aCourseFolderLinkedOutOfTheStoreIsABreakAndItsFilesAreNotRead() throws Exception {
        Path courses = root.resolve("courses");
        Path outside = temp.resolve("elsewhere");
        Files.move(courses.resolve(TestPlans.COURSE.toString()), outside);
        Path link = Files.createSymbolicLink(courses.resolve(TestPlans.COURSE.toString()), outside);
        VerifyReport report = StoreVerifier.verify(root);
        assertThat(report.breaks()).extracting(Problem::file).containsExactly(link);
        assertThat(report.breaks().get(0).message()).startsWith("a symbolic link (to " + outside.toRealPath()
                + "); the store's folders and files must lie in it");
        assertThat(report.revisions()).isZero();
        assertThatThrownBy(() -> store.history(TestPlans.COURSE))
                .hasMessageContaining("leads out of the plan store (to " + outside.toRealPath());
    }

    @Test
    void aCourseFolderLinkedToEtcIsABreak() throws Exception {
        Path etc = Path.of("/etc");
        assumeTrue(Files.isDirectory(etc), "needs /etc (POSIX)");
        Path link = Files.createSymbolicLink(root.resolve("courses").resolve("11111111-2222-4333-8444-555555555555"),
                etc);
        assertThat(breaks()).containsExactly(root.relativize(link) + ": a symbolic link (to " + etc.toRealPath()
                + "); the store's folders and files must lie in it, so it is not checked");
    }

    @Test
    void aRevisionsFolderLinkedOutOfTheStoreIsABreak() throws Exception {
        Path revisions = files.get(0).getParent();
        Path outside = Files.move(revisions, temp.resolve("revisions-elsewhere"));
        Files.createSymbolicLink(revisions, outside);
        assertThat(breaks()).singleElement().asString().startsWith(root.relativize(revisions) + ": a symbolic link");
    }

    @Test
    void settingsAsFifoOrDevZeroAreRefused() throws Exception {
        store.saveSettings(ClinicSettings.defaults());
        Path settings = root.resolve("clinic-settings.json");
        replaceWithFifo(settings);
        assertThatThrownBy(() -> store.settings()).hasMessage(settings + ": a device, FIFO or socket, not a "
                + "regular file; refused");
        assertThat(breaks()).containsExactly("clinic-settings.json: a device, FIFO or socket, not a regular file; "
                + "refused");
        requireDevZero();
        replaceWithLink(settings, Path.of("/dev/zero"));
        assertThatThrownBy(() -> store.settings()).hasMessage(settings + ": a symbolic link, not a regular file; "
                + "refused");
    }

    @Test
    void anAutosaveLinkedToDevZeroOrAFifoIsRefused() throws Exception {
        requireDevZero();
        Path autosave = StoreLayout.autosave(StoreLayout.course(root, TestPlans.COURSE), TestPlans.PLAN);
        replaceWithLink(autosave, Path.of("/dev/zero"));
        assertThatThrownBy(() -> store.recoverable(TestPlans.COURSE))
                .hasMessage(autosave + ": a symbolic link, not a regular file; refused");
        assertThat(StoreVerifier.verify(root).warnings()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(autosave);
            assertThat(p.message()).isEqualTo("unsaved work that cannot be recovered: " + autosave
                    + ": a symbolic link, not a regular file; refused");
        });
        replaceWithFifo(autosave);
        assertThatThrownBy(() -> store.recoverable(TestPlans.COURSE))
                .hasMessageEndingWith("a device, FIFO or socket, not a regular file; refused");
    }

    @Test
    void aFileLargerThanTheCapIsRefusedBeforeItIsRead() throws Exception {
        Path big = temp.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(StoreFiles.MAX_BYTES + 1);
        }
        assertThatThrownBy(() -> StoreFiles.readNamed(big)).isInstanceOf(StoreException.class)
                .hasMessage(big + ": larger than 32 MiB; not a plan store file");
        Path settings = root.resolve("clinic-settings.json");
        Files.move(big, settings);
        assertThat(breaks()).containsExactly("clinic-settings.json: larger than 32 MiB; not a plan store file");
    }

    @Test
    void aNamedFileMayBeALinkToARegularFileButNotToADeviceOrFifo() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("link.json"), files.get(0));
        assertThat(StoreFiles.readNamed(link)).isEqualTo(Files.readAllBytes(files.get(0)));
        assertThatThrownBy(() -> StoreFiles.readNamed(temp)).hasMessage(temp + ": a folder, not a regular file; "
                + "refused");
        Path fifo = temp.resolve("fifo");
        mkfifo(fifo);
        assertThatThrownBy(() -> StoreFiles.readNamed(fifo)).hasMessageEndingWith("a device, FIFO or socket, not a "
                + "regular file; refused");
        requireDevZero();
        Path zero = Files.createSymbolicLink(temp.resolve("zero.json"), Path.of("/dev/zero"));
        assertThatThrownBy(() -> StoreFiles.readNamed(zero)).hasMessageEndingWith("a device, FIFO or socket, not a "
                + "regular file; refused");
    }
}
