package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and grouping studies: folders, DICOMDIR, non-DICOM files, unreadable single files. */
class StudyIndexTest {

    private static final Path SAMPLES = Path.of("sample-dicom");

    @TempDir
    Path dir;

    @Test
    void groupsTheSampleFolderIntoSixSeriesOfTwoStudies() throws Exception {
        StudyIndex.ScanResult scan = StudyIndex.scan(SAMPLES, (a, b) -> { }, () -> false);
        assertThat(scan.series()).hasSize(6);
        assertThat(scan.series()).extracting(s -> s.first().studyDate())
                .containsExactly("20261001", "20261001", "20261001", "20261029", "20261029", "20261029");
        assertThat(scan.series()).extracting(StudyIndex.OpenableSeries::frames).containsExactly(1, 1, 36, 1, 1, 36);
        assertThat(scan.series().get(2).description()).contains("Cine transverse L4-L5 midline").contains("36 frames")
                .contains("JPEG Baseline");
    }

    @Test
    void aDicomdirDecidesWhichFilesBelongToTheFolder() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dcmmkdir")), "dcmtk's dcmmkdir is not installed");
        Files.createDirectories(dir.resolve("IMAGES"));
        Files.copy(SAMPLES.resolve("session-1/01-transverse-L4-L5.dcm"), dir.resolve("IMAGES/IMG1"));
        Files.copy(SAMPLES.resolve("session-1/02-longitudinal-posterior-sacroiliac.dcm"), dir.resolve("IMAGES/IMG2"));
        Process p = new ProcessBuilder("/usr/bin/dcmmkdir", "-Pgp", "+I", "IMAGES/IMG1").directory(dir.toFile())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("DICOMDIR")).exists();
        StudyIndex.ScanResult scan = StudyIndex.scan(dir, (a, b) -> { }, () -> false);
        assertThat(scan.series()).hasSize(1);
        assertThat(scan.series().get(0).first().file().getFileName().toString()).isEqualTo("IMG1");
    }

    @Test
    void nonDicomFilesAreCountedAndABrokenSingleFileIsAnError() throws Exception {
        Files.copy(SAMPLES.resolve("session-1/01-transverse-L4-L5.dcm"), dir.resolve("a.dcm"));
        Files.writeString(dir.resolve("readme.txt"), "notes");
        Files.write(dir.resolve("thumbs.db"), new byte[] {1, 2, 3});
        StudyIndex.ScanResult scan = StudyIndex.scan(dir, (a, b) -> { }, () -> false);
        assertThat(scan.series()).hasSize(1);
        assertThat(scan.skippedFiles()).isEqualTo(2);
        Path broken = dir.resolve("broken.dcm");
        byte[] good = Files.readAllBytes(SAMPLES.resolve("session-1/01-transverse-L4-L5.dcm"));
        Files.write(broken, java.util.Arrays.copyOf(good, 300));
        assertThatThrownBy(() -> StudyIndex.scan(broken, (a, b) -> { }, () -> false))
                .isInstanceOf(DicomException.class).hasMessageContaining("broken.dcm");
        assertThatThrownBy(() -> StudyIndex.scan(dir, (a, b) -> { }, () -> true))
                .isInstanceOf(DicomException.class).hasMessageContaining("cancelled");
    }
}
