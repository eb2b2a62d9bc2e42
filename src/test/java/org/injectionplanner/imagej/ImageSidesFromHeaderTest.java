package org.injectionplanner.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import ij.ImagePlus;
import java.nio.file.Path;
import java.util.List;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.StudyIndex;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.TestImages;
import org.injectionplanner.dicom.UltrasoundImageWriter;
import org.injectionplanner.dicom.Vr;
import org.injectionplanner.plan.ImageSides;
import org.injectionplanner.plan.PatientDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study opened in ImageJ gives its plan images the sides its header's Patient Orientation says, or none. */
class ImageSidesFromHeaderTest {

    private static final int ROWS = 48;
    private static final int COLUMNS = 64;

    @TempDir
    Path dir;

    /** Opens a small image whose Patient Orientation is {@code values} and gives the sides its plan image takes. */
    private ImageSides opened(String name, String... values) throws Exception {
        DataSet header = TestImages.usHeader(name);
        header.putString(Tag.PATIENT_ORIENTATION, Vr.CS, values);
        Path file = dir.resolve(name + ".dcm");
        UltrasoundImageWriter.write(file, header, new UltrasoundImageWriter.Image(ROWS, COLUMNS, false,
                List.of(TestImages.pattern(ROWS, COLUMNS, false, 0)), null),
                UltrasoundImageWriter.Encoding.UNCOMPRESSED);
        StudyIndex.ScanResult scan = StudyIndex.scan(file, (a, b) -> { }, () -> false);
        ImagePlus imp = UltrasoundImages.open(scan.series().get(0), Long.MAX_VALUE, UltrasoundImagesTest.QUIET);
        return AnnotatedImages.planImage(imp, 1).sides();
    }

    @Test
    void theHeadersRowDirectionGivesTheSidesAndAnEmptyOneNone() throws Exception {
        assertThat(opened("transverse", "L", "P")).isEqualTo(new ImageSides(PatientDirection.RIGHT, COLUMNS / 2.0,
                ImageSides.Source.DICOM_HEADER, "Patient Orientation (0020,0020) \"L\\P\""));
        assertThat(opened("longitudinal", "H", "P").leftEdge()).isEqualTo(PatientDirection.CAUDAL);
        assertThat(opened("empty", "")).isNull();
        assertThat(opened("anterior", "A", "F")).isNull();
    }
}
