package org.injectionplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.injectionplanner.export.SamplePlans;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.PlanJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export PLAN --format F --out PATH ...} end to end on a plan over the sample studies of session 1. */
class ExportCommandTest {

    @TempDir
    Path dir;

    private Path planFile(SessionPlan plan) throws Exception {
        Path file = dir.resolve("plan.json");
        Files.write(file, PlanJson.write(plan));
        return file;
    }

    @Test
    void exportsThePdfAndPngsOfAPlanOnTheSampleStudies() throws Exception {
        Path plan = planFile(SamplePlans.plan(SamplePlans.SESSION_1, 4, 2, true));
        Path pdf = dir.resolve("out/map.pdf");
        CliRun run = CliRun.of("export", plan.toString(), "--format", "pdf", "--out", pdf.toString(), "--paper",
                "letter");
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(run.out().strip()).isEqualTo(pdf.toString());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(612f);
            assertThat(new PDFTextStripper().getText(doc)).contains("#4 T4 site 4", "revision not saved");
        }
        CliRun png = CliRun.of("export", plan.toString(), "--format", "png", "--out", dir.resolve("f.png").toString());
        assertThat(png.status()).as(png.err()).isZero();
        assertThat(png.out().lines()).containsExactly(dir.resolve("f-1.png").toString(),
                dir.resolve("f-2.png").toString());
    }

    @Test
    void anExistingFileNeedsForceAndAMissingImageIsExitTwoNamingTheUid() throws Exception {
        SessionPlan sample = SamplePlans.plan(SamplePlans.SESSION_1, 1, 1, true);
        Path plan = planFile(sample);
        Path pdf = dir.resolve("map.pdf");
        Files.writeString(pdf, "kept");
        CliRun refused = CliRun.of("export", plan.toString(), "--format", "pdf", "--out", pdf.toString());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains(pdf + " exists: not overwritten (use --force");
        assertThat(Files.readString(pdf)).isEqualTo("kept");
        assertThat(CliRun.of("export", plan.toString(), "--format", "pdf", "--out", pdf.toString(), "--force")
                .status()).isZero();

        String json = Files.readString(plan).replace(sample.images().get(0).path().replace("\\", "\\\\"),
                dir.resolve("gone.dcm").toString());
        Files.writeString(plan, json);
        Path out = dir.resolve("missing.pdf");
        CliRun missing = CliRun.of("export", plan.toString(), "--format", "pdf", "--out", out.toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("SOP Instance UID " + sample.images().get(0).sopInstanceUid()
                + " not found", dir.resolve("gone.dcm") + " (no such file)");
        assertThat(out).doesNotExist();
        // --images DIR finds it by its UID
        CliRun found = CliRun.of("export", plan.toString(), "--format", "pdf", "--out", out.toString(), "--images",
                SamplePlans.SESSION_1.toString());
        assertThat(found.status()).as(found.err()).isZero();
        assertThat(out).exists();
    }

    @Test
    void badArgumentsAreUsageErrors() throws Exception {
        Path plan = planFile(SamplePlans.plan(SamplePlans.SESSION_1, 1, 1, true));
        CliRun noFormat = CliRun.of("export", plan.toString(), "--out", dir.resolve("x.pdf").toString());
        assertThat(noFormat.status()).isEqualTo(2);
        assertThat(noFormat.err()).contains("export needs --format F", "usage: ");
        CliRun badFormat = CliRun.of("export", plan.toString(), "--format", "docx", "--out", "x");
        assertThat(badFormat.err())
                .contains("unknown export format 'docx': use pdf, csv, json, png, sr, pdf-dicom, all");
        CliRun badPaper = CliRun.of("export", plan.toString(), "--format", "pdf", "--out", "x", "--paper", "a5");
        assertThat(badPaper.err()).contains("unknown paper 'a5': use a4 or letter");
    }
}
