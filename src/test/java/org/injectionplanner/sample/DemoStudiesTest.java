package org.injectionplanner.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.TransferSyntax;
import org.injectionplanner.dicom.UltrasoundRegion;
import org.injectionplanner.dicom.Uids;
import org.injectionplanner.dicom.UltrasoundImageWriterTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled sample studies: what the issue asks of them, and that the committed files are the generator's. */
class DemoStudiesTest {

    private static final Path COMMITTED = Path.of("sample-dicom");

    @TempDir
    Path dir;

    @Test
    void generatorReproducesTheCommittedSamplesByteForByte() throws Exception {
        List<Path> files = DemoStudies.generate(dir);
        assertThat(files).hasSize(6);
        long total = 0;
        for (Path f : files) {
            Path committed = COMMITTED.resolve(dir.relativize(f));
            assertThat(Files.readAllBytes(f)).as(committed + " differs from the generator's output:"
                    + " run java -jar plugins/Injection_Planner.jar generate-samples")
                    .isEqualTo(Files.readAllBytes(committed));
            total += Files.size(f);
        }
        assertThat(total).isLessThan(15L * 1024 * 1024);
    }

    @Test
    void eachStudyHasTwoCalibratedViewsAndAJpegCineFourWeeksApart() throws Exception {
        DemoStudies.generate(dir);
        String[] dates = new String[2];
        for (int session = 1; session <= 2; session++) {
            Path study = dir.resolve("session-" + session);
            try (DicomFile transverse = DicomFile.open(study.resolve("01-transverse-L4-L5.dcm"));
                    DicomFile sacroiliac = DicomFile.open(study.resolve("02-longitudinal-posterior-sacroiliac.dcm"));
                    DicomFile cine = DicomFile.open(study.resolve("03-cine-transverse-L4-L5.dcm"))) {
                for (DicomFile f : List.of(transverse, sacroiliac, cine)) {
                    assertThat(f.dataSet().getString(Tag.PATIENT_ID)).isEqualTo("DEMO-0001");
                    assertThat(f.calibration().spatialRegions()).hasSize(1);
                    UltrasoundRegion r = f.calibration().spatialRegions().get(0);
                    assertThat(f.calibration().mmPerPixelX(r)).isBetween(0.05, 0.1);
                    double depthMm = (r.y1() - r.y0() + 1) * f.calibration().mmPerPixelY(r);
                    assertThat(depthMm).isBetween(40.0, 60.0);
                    f.frame(f.frameCount());
                }
                assertThat(transverse.frameCount()).isEqualTo(1);
                assertThat(cine.frameCount()).isGreaterThanOrEqualTo(30);
                assertThat(cine.transferSyntax().uid()).isEqualTo(TransferSyntax.JPEG_BASELINE_UID);
                assertThat(cine.dataSet().getString(Tag.SOP_CLASS_UID)).isEqualTo(Uids.US_MULTIFRAME_IMAGE_STORAGE);
                assertThat(cine.frameTiming().frameTimeMs()).isEqualTo(DemoStudies.CINE_FRAME_TIME_MS);
                dates[session - 1] = cine.dataSet().getString(Tag.STUDY_DATE);
            }
        }
        assertThat(java.time.temporal.ChronoUnit.DAYS.between(
                java.time.LocalDate.parse(dates[0], java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                java.time.LocalDate.parse(dates[1], java.time.format.DateTimeFormatter.BASIC_ISO_DATE))).isEqualTo(28);
    }

    @Test
    void everySamplePassesDciodvfy() throws Exception {
        for (Path f : DemoStudies.generate(dir)) {
            UltrasoundImageWriterTest.assertValid(f);
        }
    }
}
