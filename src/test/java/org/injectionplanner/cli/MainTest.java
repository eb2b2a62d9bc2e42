package org.injectionplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: output, files, exit status and error messages. */
class MainTest {

    private static final Path CINE = Path.of("sample-dicom/session-1/03-cine-transverse-L4-L5.dcm");

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void inspectPrintsTheImageAttributesAndRegionsAsJson() throws Exception {
        CliRun r = run("inspect", CINE.toString());
        assertThat(r.status()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("sopClassUid").asText()).isEqualTo("1.2.840.10008.5.1.4.1.1.3.1");
        assertThat(json.get("transferSyntaxUid").asText()).isEqualTo("1.2.840.10008.1.2.4.50");
        assertThat(json.get("photometricInterpretation").asText()).isEqualTo("YBR_FULL_422");
        assertThat(json.get("rows").asInt()).isEqualTo(600);
        assertThat(json.get("columns").asInt()).isEqualTo(800);
        assertThat(json.get("frames").asInt()).isEqualTo(36);
        assertThat(json.get("frameTimeMs").asDouble()).isEqualTo(40.0);
        assertThat(json.get("patientId").asText()).isEqualTo("DEMO-0001");
        assertThat(json.get("pixelSpacingMm").isNull()).isTrue();
        JsonNode region = json.get("regions").get(0);
        assertThat(region.get("unitsX").asInt()).isEqualTo(3);
        assertThat(region.get("physicalDeltaX").asDouble()).isEqualTo(0.009);
        assertThat(region.get("mmPerPixelX").asDouble()).isEqualTo(0.09);
        for (String field : new String[] {"x0", "y0", "x1", "y1", "spatialFormat", "dataType", "unitsY",
            "physicalDeltaY", "mmPerPixelY"}) {
            assertThat(region.has(field)).as(field).isTrue();
        }
    }

    @Test
    void decodeWritesAllFramesInTheCanonicalForm() throws Exception {
        CliRun r = run("decode", CINE.toString(), "--out", dir.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("decode.json").toFile());
        assertThat(json.get("dtype").asText()).isEqualTo("uint8");
        assertThat(json.get("samples").asInt()).isEqualTo(3);
        assertThat(json.get("frames").asInt()).isEqualTo(36);
        assertThat(Files.size(dir.resolve("frames.raw"))).isEqualTo(36L * 600 * 800 * 3);
    }

    @Test
    void errorsGoToStandardErrorWithStatusTwo() throws Exception {
        Path broken = dir.resolve("broken.dcm");
        Files.write(broken, new byte[] {0x08, 0, 0x10, 0, 'U', 'I', 0x40, 0});
        CliRun r = run("inspect", broken.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains("broken.dcm").contains("byte offset");
        assertThat(run("decode", "missing.dcm", "--out", dir.toString()).err()).startsWith("error: ")
                .contains("missing.dcm");
        assertThat(run("frobnicate").status()).isEqualTo(2);
        assertThat(run("decode", CINE.toString()).err()).contains("usage:");
    }
}
