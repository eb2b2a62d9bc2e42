package org.injectionplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code studies DIR [--json]}: what Open Ultrasound Study would find in a folder. */
class StudiesCommandTest {

    private static final Path SAMPLES = Path.of("sample-dicom");

    @TempDir
    Path dir;

    @Test
    void listsPatientsStudiesSeriesFilesFramesAndCalibrationAsJson() throws Exception {
        CliRun r = CliRun.of("studies", SAMPLES.toString(), "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("patients")).hasSize(1);
        JsonNode patient = json.get("patients").get(0);
        assertThat(patient.get("patientId").asText()).isEqualTo("DEMO-0001");
        assertThat(patient.get("studies")).hasSize(2);
        JsonNode study = patient.get("studies").get(0);
        assertThat(study.get("studyDate").asText()).isEqualTo("20261001");
        assertThat(study.get("series")).hasSize(3);
        JsonNode cine = study.get("series").get(2);
        assertThat(cine.get("frames").asInt()).isEqualTo(36);
        assertThat(cine.get("files")).singleElement().satisfies(f -> assertThat(f.asText())
                .endsWith("03-cine-transverse-L4-L5.dcm"));
        JsonNode region = cine.get("calibration").get("regions").get(0);
        assertThat(region.get("mmPerPixelX").asDouble()).isEqualTo(0.09);
        assertThat(json.get("warnings")).isEmpty();
    }

    @Test
    void aLinkOutOfTheFolderIsNamedInAWarningAndNotListed() throws Exception {
        Path folder = dir.resolve("folder");
        Files.createDirectories(folder);
        Files.copy(SAMPLES.resolve("session-1/01-transverse-L4-L5.dcm"), folder.resolve("IMG1"));
        Files.createSymbolicLink(folder.resolve("IMG2"),
                SAMPLES.resolve("session-2/01-transverse-L4-L5.dcm").toAbsolutePath());
        CliRun r = CliRun.of("studies", folder.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("Patient DEMO-0001").contains(folder.resolve("IMG1").toString())
                .contains("calibrated: region 1 0.09000 × 0.09000 mm/pixel")
                .contains("warning: " + folder.resolve("IMG2") + ": links to a file outside the folder")
                .doesNotContain(folder.resolve("IMG2") + "\n");
    }
}
