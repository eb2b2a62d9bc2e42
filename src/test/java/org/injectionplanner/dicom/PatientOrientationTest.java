package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Patient Orientation (0020,0020) read from files the project's own writer makes. */
class PatientOrientationTest {

    private static final int ROWS = 48;
    private static final int COLUMNS = 64;

    @TempDir
    Path dir;

    /** Writes a small ultrasound image whose Patient Orientation is {@code values} (none: empty, as most write it). */
    private Optional<PatientOrientation> written(String name, String... values) throws Exception {
        DataSet header = TestImages.usHeader(name);
        header.putString(Tag.PATIENT_ORIENTATION, Vr.CS, values);
        Path file = dir.resolve(name + ".dcm");
        UltrasoundImageWriter.write(file, header, new UltrasoundImageWriter.Image(ROWS, COLUMNS, false,
                List.of(TestImages.pattern(ROWS, COLUMNS, false, 0)), null),
                UltrasoundImageWriter.Encoding.UNCOMPRESSED);
        try (DicomFile read = DicomFile.open(file)) {
            return PatientOrientation.of(read.dataSet());
        }
    }

    @Test
    void theRowDirectionSaysWhatTheRightEdgeFaces() throws Exception {
        PatientOrientation transverse = written("transverse", "L", "P").orElseThrow();
        assertThat(transverse.rowDirection()).isEqualTo("L");
        assertThat(transverse.columnDirection()).isEqualTo("P");
        assertThat(transverse.rightEdge()).isEqualTo('L');
        assertThat(transverse.value()).isEqualTo("L\\P");
        assertThat(written("longitudinal", "F", "A").orElseThrow().rightEdge()).isEqualTo('F');
        // oblique: the most significant letter first
        assertThat(written("oblique", "RH", "P").orElseThrow().rightEdge()).isEqualTo('R');
    }

    @Test
    void anEmptyMissingOrMalformedValueSaysNothing() throws Exception {
        assertThat(written("empty", "")).isEmpty();
        assertThat(written("one-value", "L")).isEmpty();
        assertThat(written("not-letters", "X", "P")).isEmpty();
        assertThat(written("three-values", "L", "P", "H")).isEmpty();
        assertThat(PatientOrientation.of(new DataSet())).isEmpty();
        assertThat(PatientOrientation.parse(null)).isEmpty();
        assertThat(PatientOrientation.parse(" l\\p ")).contains(new PatientOrientation("L", "P"));
        assertThatThrownBy(() -> new PatientOrientation("L", "Q")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"Q\"");
    }
}
