package org.injectionplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What inspect and decode say about frame counts and calibrations the file cannot back. */
class ReaderWarningsCommandTest {

    @TempDir
    Path dir;

    private static String run(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.status()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void anOverstatedFrameCountIsReportedAndTheFramesPresentAreDecoded() throws Exception {
        Path file = dir.resolve("overstated.dcm");
        TestImages.writeWithFrameCount(file, TestImages.usHeader("overstated"), 2_147_483_647, 2);
        String warning = "Number of Frames is 2147483647 but the Pixel Data holds 2; the 2 present are read";
        JsonNode inspect = new ObjectMapper().readTree(run("inspect", file.toString()));
        assertThat(inspect.get("frames").asInt()).isEqualTo(2);
        assertThat(inspect.get("warnings")).extracting(JsonNode::asText).containsExactly(warning);
        Path out = dir.resolve("out");
        String printed = run("decode", file.toString(), "--out", out.toString());
        assertThat(printed).isEqualTo("warning: " + file + ": " + warning + System.lineSeparator());
        JsonNode decode = new ObjectMapper().readTree(out.resolve("decode.json").toFile());
        assertThat(decode.get("frames").asInt()).isEqualTo(2);
        assertThat(decode.get("warnings")).extracting(JsonNode::asText).containsExactly(warning);
        assertThat(Files.size(out.resolve("frames.raw"))).isEqualTo(2L * 48 * 64);
    }

    @Test
    void dataBeyondTheDeclaredFramesIsIgnoredWithAWarning() throws Exception {
        Path file = dir.resolve("understated.dcm");
        TestImages.writeWithFrameCount(file, TestImages.usHeader("understated"), 2, 3);
        Path out = dir.resolve("out");
        String printed = run("decode", file.toString(), "--out", out.toString());
        assertThat(printed).contains("the Pixel Data holds 3072 bytes more than Number of Frames (2) frames of"
                + " 3072 bytes; they are ignored");
        assertThat(Files.size(out.resolve("frames.raw"))).isEqualTo(2L * 48 * 64);
    }

    @Test
    void anImplausibleCalibrationStaysNumericJsonAndSaysWhy() throws Exception {
        Path file = dir.resolve("overflow.dcm");
        DataSet header = TestImages.usHeader("overflow");
        header.putSequence(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS,
                List.of(TestImages.usRegion(0, 0, 63, 47, -1e308, 1e-301)));
        TestImages.writeWithFrameCount(file, header, 1, 1);
        String printed = run("inspect", file.toString());
        assertThat(printed).doesNotContain("Infinity");
        JsonNode region = new ObjectMapper().readTree(printed).get("regions").get(0);
        assertThat(region.get("physicalDeltaX").isNumber()).isTrue();
        assertThat(region.get("mmPerPixelX").isNull()).isTrue();
        assertThat(region.get("mmPerPixelY").isNull()).isTrue();
        assertThat(region.get("problem").asText()).contains("Physical Delta X of -1.0E308 cm")
                .contains("outside the plausible 0.005 to 5.0 mm per pixel");
    }
}
