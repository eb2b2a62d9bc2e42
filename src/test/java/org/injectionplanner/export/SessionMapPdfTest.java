package org.injectionplanner.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.cos.COSName;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.store.PlanSession;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.SeenSequences;
import org.injectionplanner.store.SignerKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF session map of plans on the sample studies, rendered with poppler's {@code pdftoppm} and read back
 * with PDFBox: pages, the DRAFT watermark, the table's text, the embedded fonts, paper sizes.
 */
class SessionMapPdfTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Zurich");

    @TempDir
    Path dir;

    private static ExportedPlan exported(SessionPlan plan, ClinicSettings settings, SignatureStatus status) {
        return new ExportedPlan(plan, settings, SafetyChecks.check(plan, SafetyContext.of(settings, null)), status,
                null);
    }

    private Path export(ExportedPlan plan, ExportOptions options) throws Exception {
        Path out = dir.resolve("map-" + System.nanoTime() + ".pdf");
        assertThat(PlanExporter.export(plan, ExportFormat.PDF, out, options, null, ZONE)).containsExactly(out);
        return out;
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The pages rendered by pdftoppm at 40 dpi; skipped with a message when poppler is not installed. */
    private List<BufferedImage> render(Path pdf) throws Exception {
        assumeTrue(onPath("pdftoppm"), "pdftoppm (poppler-utils) is not installed: the rendering check is skipped");
        Path prefix = dir.resolve(pdf.getFileName() + "-page");
        Process p = new ProcessBuilder("pdftoppm", "-r", "40", "-png", pdf.toString(), prefix.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        List<BufferedImage> pages = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix.getFileName().toString()))
                    .sorted().toList()) {
                pages.add(ImageIO.read(f.toFile()));
            }
        }
        return pages;
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aDraftHasTheDraftWatermarkOnEveryPageAndItsTableAsText() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 6, 3, true);
        Path pdf = export(exported(plan, ClinicSettings.defaults().withAftercareText("Rest the back for two days.\n"
                + "Call the clinic if a fever starts."), SignatureStatus.UNSIGNED), ExportOptions.DEFAULTS);
        String text = text(pdf);
        assertThat(text).contains("DRAFT", "Injections in session order", "#1 T1 site 1", "#6 T6 site 6",
                "Depth ", "Rest the back for two days.", "Call the clinic if a fever starts.", "Not signed",
                "DEMO-0001").doesNotContain(SessionMapPdf.NOT_CALIBRATED);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            for (PDPage page : doc.getPages()) {
                assertThat(new PDFTextStripper() {
                    {
                        setStartPage(doc.getPages().indexOf(page) + 1);
                        setEndPage(doc.getPages().indexOf(page) + 1);
                    }
                }.getText(doc)).contains(SessionMapPdf.DRAFT);
            }
            List<BufferedImage> pages = render(pdf);
            assertThat(pages).hasSize(doc.getNumberOfPages());
        }
    }

    @Test
    void anUncalibratedPlanPrintsNotCalibratedWhereMillimetresWouldStand() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 2, 2, false);
        String text = text(export(exported(plan, ClinicSettings.defaults(), SignatureStatus.UNSIGNED),
                ExportOptions.DEFAULTS));
        assertThat(text).contains("Depth " + SessionMapPdf.NOT_CALIBRATED, "Path " + SessionMapPdf.NOT_CALIBRATED,
                "Clearance " + SessionMapPdf.NOT_CALIBRATED, "#2 T2 site 2");
        assertThat(text).doesNotContainPattern("Depth [0-9]");
    }

    @Test
    void everyFontIsEmbeddedAndTheDocumentDeclaresPdfA2b() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 3, 2, true);
        Path pdf = export(exported(plan, ClinicSettings.defaults(), SignatureStatus.UNSIGNED), ExportOptions.DEFAULTS);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int fonts = 0;
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts++;
                }
            }
            assertThat(fonts).isGreaterThan(0);
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).containsPattern("pdfaid:part(>|=\")2").containsPattern("pdfaid:conformance(>|=\")B");
            assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
        }
    }
}
