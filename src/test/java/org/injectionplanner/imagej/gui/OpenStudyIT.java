package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.injectionplanner.dicom.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Open Ultrasound Study in a real ImageJ with the built plugin, driven by macros. */
@Tag("gui")
class OpenStudyIT {

    private static final Path SAMPLES = GuiSession.PROJECT.resolve("sample-dicom");
    private static final Path CORPUS = GuiSession.PROJECT.resolve("../shared/dicom-corpus").normalize();

    @BeforeEach
    void ready() {
        GuiSession.assumeReady();
    }

    private static Map<String, String> values(String output) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }

    @Test
    void opensTheSampleCineCalibratedAndStepsThroughItsFrames() throws Exception {
        String macro = """
                out = getArgument();
                run("Open Ultrasound Study...", "path=[%s] series=3");
                s = "title=" + getTitle() + "\\n";
                getPixelSize(unit, pw, ph);
                s = s + "unit=" + unit + "\\npw=" + pw + "\\nph=" + ph + "\\n";
                Stack.getDimensions(w, h, c, z, t);
                s = s + "frames=" + t + "\\nfps=" + Stack.getFrameRate() + "\\n";
                means = "";
                for (i = 1; i <= t; i++) { Stack.setFrame(i); getStatistics(area, mean); means = means + d2s(mean, 4) + ","; }
                s = s + "means=" + means + "\\n";
                s = s + "info=" + indexOf(getImageInfo(), "Physical Delta X") + "\\n";
                s = s + "sop=" + Property.get("InjectionPlanner.SOPInstanceUID") + "\\n";
                n1 = nImages;
                run("Open Ultrasound Study...", "path=[%s] series=3");
                s = s + "reused=" + (nImages == n1) + "\\n";
                run("Open Ultrasound Study...", "path=[%s] series=1");
                s = s + "single=" + nSlices + "x" + getWidth() + "x" + getHeight() + "\\n";
                getPixelSize(unit2, pw2, ph2);
                s = s + "singleUnit=" + unit2 + "\\n";
                File.saveString(s, out);
                """.formatted(SAMPLES.resolve("session-1"), SAMPLES.resolve("session-1"), SAMPLES.resolve("session-2"));
        Map<String, String> v = values(GuiSession.run(macro, null, null).output());
        assertThat(v.get("title")).isEqualTo("Cine transverse L4-L5 midline (36 frames)");
        assertThat(v.get("unit")).isEqualTo("mm");
        assertThat(Double.parseDouble(v.get("pw"))).isCloseTo(0.09, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Double.parseDouble(v.get("ph"))).isCloseTo(0.09, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(v.get("frames")).isEqualTo("36");
        assertThat(Double.parseDouble(v.get("fps"))).isEqualTo(25.0);
        Set<String> distinct = new HashSet<>(Arrays.asList(v.get("means").split(",")));
        assertThat(distinct).as("every frame decoded and different: " + v.get("means")).hasSize(36);
        assertThat(Integer.parseInt(v.get("info"))).isGreaterThan(0);
        assertThat(v.get("sop")).startsWith("2.25.");
        assertThat(v.get("reused")).isEqualTo("1");
        assertThat(v.get("single")).isEqualTo("1x800x600");
        assertThat(v.get("singleUnit")).isEqualTo("mm");
    }

    @Test
    void opensACompressedCorpusCineThatImageJRefuses() throws Exception {
        Path file = CORPUS.resolve("orthanc__Issue16.dcm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "shared DICOM corpus not found at " + CORPUS);
        String macro = """
                out = getArgument();
                run("Open Ultrasound Study...", "path=[%s]");
                getPixelSize(unit, pw, ph);
                Stack.getDimensions(w, h, c, z, t);
                File.saveString("unit=" + unit + "\\npw=" + d2s(pw, 9) + "\\nph=" + d2s(ph, 9) + "\\nframes=" + t + "\\nbits=" + bitDepth() + "\\n", out);
                """.formatted(file);
        Map<String, String> v = values(GuiSession.run(macro, null, null).output());
        assertThat(v.get("unit")).isEqualTo("mm");
        assertThat(Double.parseDouble(v.get("pw"))).isCloseTo(0.285714, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(Double.parseDouble(v.get("ph"))).isCloseTo(0.228571, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(v.get("frames")).isEqualTo("34");
        assertThat(v.get("bits")).isEqualTo("24");
    }

    @Test
    void whatTheReaderToleratedIsWrittenToTheLog() throws Exception {
        Path folder = Files.createTempDirectory("open-study-warnings");
        Path file = folder.resolve("overstated.dcm");
        TestImages.writeWithFrameCount(file, TestImages.usHeader("overstated"), 2_147_483_647, 3);
        Path elsewhere = SAMPLES.resolve("session-2/01-transverse-L4-L5.dcm").toAbsolutePath();
        Files.createSymbolicLink(folder.resolve("link.dcm"), elsewhere);
        String macro = """
                out = getArgument();
                run("Open Ultrasound Study...", "path=[%s]");
                File.saveString("frames=" + nSlices + "\\nlog=" + replace(getInfo("log"), "\\n", " | ") + "\\n", out);
                """.formatted(folder);
        Map<String, String> v = values(GuiSession.run(macro, null, null).output());
        assertThat(v.get("frames")).isEqualTo("3");
        assertThat(v.get("log")).contains("Injection Planner: " + folder.resolve("link.dcm")
                + ": links to a file outside the folder").contains("Injection Planner: " + file
                + ": Number of Frames is 2147483647 but the Pixel Data holds 3; the 3 present are read");
    }

    @Test
    void aBrokenFileIsReportedWithItsNameOffsetAndTag() throws Exception {
        Path file = CORPUS.resolve("pydicom__rtplan_truncated.dcm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "shared DICOM corpus not found at " + CORPUS);
        GuiSession.Result r = GuiSession.run("File.saveString(\"images=\" + nImages, getArgument());",
                "Open Ultrasound Study...|path=[" + file + "]", null);
        assertThat(r.log()).contains("pydicom__rtplan_truncated.dcm").contains("byte offset 1410")
                .contains("(300A,00B0)");
        assertThat(r.output()).isEqualTo("images=0");
    }

    @Test
    void screenshotOfTheSampleCineWithItsRegions() throws Exception {
        Path shot = GuiSession.screenshot("open-study.png");
        String macro = """
                run("Open Ultrasound Study...", "path=[%s] series=3");
                Stack.setFrame(12);
                run("Show Ultrasound Regions");
                File.saveString("overlay=" + Overlay.size, getArgument());
                """.formatted(SAMPLES.resolve("session-1"));
        GuiSession.Result r = GuiSession.run(macro, null, shot);
        assertThat(r.output()).isEqualTo("overlay=2");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }
}
