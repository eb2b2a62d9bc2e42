package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.injectionplanner.imagej.gui.GuiSession.BatchResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export Session Plan... in {@code ImageJ -batch}: the PDF map of a plan annotated on the sample study, an
 * existing file refused without {@code force} (no dialog in a batch run) and replaced with it; and in an
 * ImageJ with its window, Esc pressed while the frames of a cine are exported leaves no file.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class ExportSessionPlanIT {

    /** The cine frames annotated: enough that drawing and writing them takes longer than Esc takes to arrive. */
    private static final int FRAMES = 24;

    @TempDir
    Path dir;

    @Test
    void exportsThePdfMapAndReplacesAnExistingFileOnlyWithForce() throws Exception {
        Path pdf = dir.resolve("map.pdf");
        String plan = GuiSession.openStudy(dir.resolve("store"), 3) + """
                run("Add Injection Target...", "x=400 y=190 frame=5 structure=supraspinous side=midline level=L4/L5 label=[L4/5 supraspinous]");
                """;
        String export = "run(\"Export Session Plan...\", \"format=pdf path=[" + pdf + "] paper=letter\");\n"
                + "print(\"exported\");\n";
        BatchResult first = GuiSession.runBatch(plan + export);
        assertThat(first.exitStatus()).as(first.output()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(612f);
            assertThat(new PDFTextStripper().getText(doc)).contains("#1 T1 L4/5", "Supraspinous", "DEMO-0001");
        }
        byte[] kept = Files.readAllBytes(pdf);
        BatchResult refused = GuiSession.runBatch(plan + export);
        assertThat(refused.exitStatus()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains(pdf + " exists: not overwritten").doesNotContain("exported");
        assertThat(Files.readAllBytes(pdf)).isEqualTo(kept);
        BatchResult forced = GuiSession.runBatch(plan + export.replace("paper=letter", "paper=a4 force"));
        assertThat(forced.exitStatus()).as(forced.output()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isBetween(595f, 596f);
        }
    }

    @Test
    void escWhileTheFramesOfACineAreExportedCancelsAndLeavesNoFile() throws Exception {
        Path out = dir.resolve("cine").resolve("frame.png");
        StringBuilder macro = new StringBuilder(GuiSession.openStudy(dir.resolve("store"), 3));
        for (int frame = 1; frame <= FRAMES; frame++) {
            macro.append("run(\"Add Injection Target...\", \"x=400 y=190 frame=").append(frame)
                    .append(" structure=supraspinous side=midline level=L4/L5 label=[frame ").append(frame)
                    .append("]\");\n");
        }
        macro.append("call(\"org.injectionplanner.imagej.gui.UserInput.escapeWhenStatus\", \"Exporting: drew\");\n")
                .append("run(\"Export Session Plan...\", \"format=png path=[").append(out).append("]\");\n")
                .append("print(\"exported\");\n");
        GuiSession.Result result = GuiSession.run(macro.toString(), null, null);
        assertThat(result.log()).contains("UserInput: pressing Esc while the status says: Exporting: drew frame")
                .doesNotContain("exported");
        assertThat(dir.resolve("cine")).as("the export's folder, made by it and removed on cancel").doesNotExist();
    }
}
