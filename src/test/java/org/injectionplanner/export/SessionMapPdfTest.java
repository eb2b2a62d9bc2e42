package org.injectionplanner.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.cos.COSName;
import org.injectionplanner.export.dicom.DicomTools;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.CopyForward;
import org.injectionplanner.plan.DropReason;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.sessionmap.DrawingUp;
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
        assumeTrue(DicomTools.onPath("pdftoppm"),
                "pdftoppm (poppler-utils) is not installed: the rendering check is skipped");
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

    /**
     * The characters drawn on page {@code page} (from 1) at 50 pt or more: the watermark's, as PDFBox reads
     * them (the rotated word is real text).
     */
    private static String largeText(PDDocument doc, int page) throws Exception {
        StringBuilder large = new StringBuilder();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition p : positions) {
                    if (Math.hypot(p.getTextMatrix().getScaleX(), p.getTextMatrix().getShearY()) >= 50) {
                        large.append(p.getUnicode());
                    }
                }
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(doc);
        return large.toString();
    }

    @Test
    void aDraftHasTheDraftWatermarkOnEveryPageAndItsTableAsText() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 12, 3, true);
        Path pdf = export(exported(plan, ClinicSettings.defaults().withAftercareText("Rest the back for two days.\n"
                + "Call the clinic if a fever starts."), SignatureStatus.UNSIGNED), ExportOptions.DEFAULTS);
        String text = text(pdf);
        assertThat(text).contains("Injections in session order", "#1 T1 site 1", "#12 T12 site 12", "Depth ",
                "Rest the back for two days.", "Call the clinic if a fever starts.", "Not signed", "DEMO-0001",
                "Supraspinous", "dextrose 15 % +").doesNotContain(SessionMapPdf.NOT_CALIBRATED);
        assertThat(text.indexOf("#2 T2 site 2")).isGreaterThan(text.indexOf("#1 T1 site 1"))
                .isLessThan(text.indexOf("#3 T3 site 3"));
        assertThat(text).as("the drawing-up list the Plan Panel shows").contains("Drawing up")
                .contains(DrawingUp.of(plan).lines());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).as("3 frames, a 12-row table and the rest").isGreaterThanOrEqualTo(4);
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                assertThat(largeText(doc, page)).as("page " + page).isEqualTo(SessionMapPdf.DRAFT);
            }
            assertThat(render(pdf)).hasSize(doc.getNumberOfPages());
        }
    }

    @Test
    void aValidlySignedPlanHasNoWatermarkButTheSignatureBlock() throws Exception {
        SessionPlan draft = SamplePlans.plan(SamplePlans.SESSION_1, 3, 2, true);
        PlanStore store = new PlanStore(dir.resolve("store"), Clock.systemDefaultZone(),
                new SeenSequences(dir.resolve("home/seen.json")), new SignerKeys(dir.resolve("home/keys")));
        SessionPlan signed;
        try (PlanSession session = PlanSession.open(store, draft)) {
            session.save("Dr A", "planned");
            signed = session.finalizePlan("Dr A. Planner", OffsetDateTime.parse("2026-11-26T09:30:00+01:00")).plan();
        }
        SignatureStatus status = store.signatureStatus(signed);
        assertThat(status.state()).isEqualTo(SignatureStatus.State.VALID);
        Path pdf = export(exported(signed, store.settings(), status), ExportOptions.DEFAULTS);
        String text = text(pdf);
        assertThat(text).contains("Signed by Dr A. Planner at 2026-11-26 09:30:00 CET (+01:00)",
                "SHA-256 of the signed content: " + signed.signature().contentSha256(), "status signed")
                .doesNotContain("Not signed", "treated as a draft");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                assertThat(largeText(doc, page)).as("page " + page).isEmpty();
            }
            assertThat(render(pdf)).hasSize(doc.getNumberOfPages());
        }
        // the same signature, not verified (no store's keyring): a draft again
        Path unverified = export(exported(signed, store.settings(), SignatureStatus.invalid(List.of("no keyring"))),
                ExportOptions.DEFAULTS);
        assertThat(text(unverified)).contains("Signature not valid — treated as a draft: no keyring")
                .doesNotContain("Signed by");
        try (PDDocument doc = Loader.loadPDF(unverified.toFile())) {
            assertThat(largeText(doc, 1)).isEqualTo(SessionMapPdf.DRAFT);
        }
    }

    @Test
    void aFollowUpSessionIsComparedWithTheCoursesPreviousOneAndCountedAgainstThePlannedSessions() throws Exception {
        SessionPlan first = SamplePlans.plan(SamplePlans.SESSION_1, 3, 1, true);
        PlanStore store = new PlanStore(dir.resolve("store"), Clock.systemDefaultZone(),
                new SeenSequences(dir.resolve("home/seen.json")), new SignerKeys(dir.resolve("home/keys")));
        try (PlanSession session = PlanSession.open(store, first)) {
            session.save("Dr A", "planned");
        }
        SessionPlan draft = SessionPlan.newDraft(first.courseId(), 2, first.date().plusWeeks(4), "Dr A. Planner",
                ChecklistItem.defaults());
        SessionPlan second = CopyForward.drop(PlanFixtures.id("target", 3), DropReason.OTHER,
                "pain moved to the left side").applyTo(CopyForward.from(first, draft));
        ExportedPlan exported = exported(second, store.settings(), SignatureStatus.UNSIGNED).inCourse(store);
        assertThat(exported.previous().id()).isEqualTo(first.id());

        String text = text(export(exported, ExportOptions.DEFAULTS));
        assertThat(text).contains("Session map — session 2 of 4 on " + second.date(),
                "Compared with session 1 of " + first.date(),
                "Session 1 → session 2: 0 added, 1 dropped, 0 changed, 2 unchanged",
                "dropped: site 3 · Supraspinous ligament (reason: other: pain moved to the left side)",
                "unchanged: site 1 · Supraspinous ligament");
        String deidentified = text(export(exported, new ExportOptions(ExportOptions.Paper.A4, true, false)));
        assertThat(deidentified).as("the drop's note is free text").contains(
                "dropped: site 3 · Supraspinous ligament (reason: other)")
                .doesNotContain("pain moved to the left side");

        String alone = text(export(exported(second, store.settings(), SignatureStatus.UNSIGNED),
                ExportOptions.DEFAULTS));
        assertThat(alone).as("exported without its store").contains("Session map — session 2 on ")
                .doesNotContain("Compared with");
        String firstMap = text(export(exported(first, store.settings(), SignatureStatus.UNSIGNED).inCourse(store),
                ExportOptions.DEFAULTS));
        assertThat(firstMap).contains("Session map — session 1 of 4 on ").doesNotContain("Compared with");
    }

    @Test
    void a4AndLetterPagesHaveTheirPaperSizes() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 2, 1, true);
        ExportedPlan exported = exported(plan, ClinicSettings.defaults(), SignatureStatus.UNSIGNED);
        Path a4 = export(exported, ExportOptions.DEFAULTS);
        Path letter = export(exported, new ExportOptions(ExportOptions.Paper.LETTER, false, false));
        try (PDDocument doc = Loader.loadPDF(a4.toFile())) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(595.28f, within(0.01f));
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isCloseTo(841.89f, within(0.01f));
        }
        try (PDDocument doc = Loader.loadPDF(letter.toFile())) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(612f);
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isEqualTo(792f);
        }
        assertThat(text(letter)).contains("#2 T2 site 2");
    }

    @Test
    void aDeidentifiedMapNamesNeitherThePatientNorThePhysiciansNorNotes() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 2, 1, true);
        Patient patient = plan.patient().orElseThrow();
        String text = text(export(exported(plan, ClinicSettings.defaults(), SignatureStatus.UNSIGNED),
                new ExportOptions(ExportOptions.Paper.A4, true, false)));
        assertThat(text).contains("Patient: de-identified", "#2 T2 site 2")
                .doesNotContain(patient.id(), patient.displayName(), "Dr A. Planner");
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
