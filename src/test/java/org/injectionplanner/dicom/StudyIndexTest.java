package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * A folder {@code dir/folder} holding IMAGES/IMG1 and a DICOMDIR with these Referenced File IDs (each a
     * list of components), beside {@code dir/outside/victim.dcm}.
     */
    private Path folderWithDicomdir(List<List<String>> references) throws Exception {
        Path folder = dir.resolve("folder");
        Files.createDirectories(folder.resolve("IMAGES"));
        Files.createDirectories(dir.resolve("outside"));
        Files.copy(SAMPLES.resolve("session-1/01-transverse-L4-L5.dcm"), folder.resolve("IMAGES/IMG1"));
        Files.copy(SAMPLES.resolve("session-2/01-transverse-L4-L5.dcm"), dir.resolve("outside/victim.dcm"));
        writeDicomdir(folder.resolve("DICOMDIR"), references);
        return folder;
    }

    /** A DICOMDIR written with the project's writer: one IMAGE record per reference. */
    static void writeDicomdir(Path file, List<List<String>> references) throws Exception {
        List<DataSet> records = new ArrayList<>();
        for (List<String> reference : references) {
            DataSet record = new DataSet();
            record.putString(0x00041430, Vr.CS, "IMAGE");
            record.putString(0x00041500, Vr.CS, reference.toArray(String[]::new));
            records.add(record);
        }
        DataSet ds = new DataSet();
        ds.putString(Tag.SOP_CLASS_UID, Vr.UI, "1.2.840.10008.1.3.10");
        ds.putString(Tag.SOP_INSTANCE_UID, Vr.UI, "2.25.1414");
        ds.putSequence(0x00041220, records);
        DicomWriter.write(file, ds);
    }

    @Test
    void aDicomdirReferenceClimbingOutOfTheFolderIsSkippedAndTheFolderIsReadInstead() throws Exception {
        Path folder = folderWithDicomdir(List.of(List.of("..", "outside", "victim.dcm"),
                List.of("..", "..", "..", "..", "..", "..", "etc", "passwd")));
        StudyIndex.ScanResult scan = StudyIndex.scan(folder, (a, b) -> { }, () -> false);
        assertThat(scan.series()).singleElement().satisfies(s -> assertThat(s.first().file())
                .isEqualTo(folder.resolve("IMAGES/IMG1")));
        // neither reference was opened: /etc/passwd would count as a skipped non-DICOM file
        assertThat(scan.skippedFiles()).isZero();
        assertThat(scan.warnings()).contains(
                folder.resolve("DICOMDIR") + ": Referenced File ID ..\\outside\\victim.dcm leads outside the folder;"
                        + " skipped",
                folder.resolve("DICOMDIR") + ": Referenced File ID ..\\..\\..\\..\\..\\..\\etc\\passwd leads"
                        + " outside the folder; skipped");
    }

    @Test
    void anAbsoluteDicomdirReferenceIsSkippedWithoutBeingOpened() throws Exception {
        Path victim = dir.resolve("outside/victim.dcm");
        Path folder = folderWithDicomdir(List.of(List.of(victim.toString()), List.of("/proc/self/environ"),
                List.of("IMAGES", "IMG1")));
        StudyIndex.ScanResult scan = StudyIndex.scan(folder, (a, b) -> { }, () -> false);
        assertThat(scan.series()).singleElement().satisfies(s -> assertThat(s.first().file())
                .isEqualTo(folder.resolve("IMAGES/IMG1")));
        assertThat(scan.skippedFiles()).isZero();
        assertThat(scan.warnings()).anySatisfy(w -> assertThat(w).contains(victim.toString()).contains("outside"))
                .anySatisfy(w -> assertThat(w).contains("/proc/self/environ leads outside the folder"));
    }

    @Test
    void aDicomdirReferenceThroughALinkToElsewhereIsSkipped() throws Exception {
        Path folder = folderWithDicomdir(List.of(List.of("IMAGES", "LINK"), List.of("IMAGES", "IMG1")));
        Files.createSymbolicLink(folder.resolve("IMAGES/LINK"), dir.resolve("outside/victim.dcm"));
        StudyIndex.ScanResult scan = StudyIndex.scan(folder, (a, b) -> { }, () -> false);
        assertThat(scan.series()).singleElement().satisfies(s -> assertThat(s.first().file())
                .isEqualTo(folder.resolve("IMAGES/IMG1")));
        assertThat(scan.warnings()).contains(folder.resolve("DICOMDIR")
                + ": Referenced File ID IMAGES\\LINK leads outside the folder; skipped")
                .anySatisfy(w -> assertThat(w).contains(folder.resolve("IMAGES/LINK") + ": links to a file outside"));
    }

    @Test
    void aDicomdirLinkedFromElsewhereIsNotRead() throws Exception {
        Path folder = folderWithDicomdir(List.of(List.of("IMAGES", "IMG1")));
        Path foreign = dir.resolve("outside/DICOMDIR");
        writeDicomdir(foreign, List.of(List.of("..", "outside", "victim.dcm")));
        Files.delete(folder.resolve("DICOMDIR"));
        Files.createSymbolicLink(folder.resolve("DICOMDIR"), foreign);
        StudyIndex.ScanResult scan = StudyIndex.scan(folder, (a, b) -> { }, () -> false);
        assertThat(scan.series()).singleElement().satisfies(s -> assertThat(s.first().file())
                .isEqualTo(folder.resolve("IMAGES/IMG1")));
        assertThat(scan.warnings()).containsExactly(folder.resolve("DICOMDIR")
                + ": links to a file outside the folder; not read, the folder's own files are");
    }

    @Test
    void aDicomdirWhoseReferencesStayInsideIsTrustedAndLinksInsideAreFollowed() throws Exception {
        Path folder = folderWithDicomdir(List.of(List.of("IMAGES", ".", "ALIAS")));
        Files.createSymbolicLink(folder.resolve("IMAGES/ALIAS"), folder.resolve("IMAGES/IMG1"));
        StudyIndex.ScanResult scan = StudyIndex.scan(folder, (a, b) -> { }, () -> false);
        assertThat(scan.warnings()).isEmpty();
        assertThat(scan.series()).singleElement().satisfies(s -> assertThat(s.first().file())
                .isEqualTo(folder.resolve("IMAGES/ALIAS")));
    }
}
