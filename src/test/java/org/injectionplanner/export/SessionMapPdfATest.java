package org.injectionplanner.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The PDF session map validated against PDF/A-2b by veraPDF (the PDF Association's validator, in the test
 * JVM, offline): a draft with its DRAFT watermark over several frames and pages, and a de-identified Letter
 * map.
 */
class SessionMapPdfATest {

    @TempDir
    Path dir;

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private Path export(SessionPlan plan, ExportOptions options) throws Exception {
        ClinicSettings settings = ClinicSettings.defaults();
        ExportedPlan exported = new ExportedPlan(plan, settings, SafetyChecks.check(plan,
                SafetyContext.of(settings, null)), SignatureStatus.UNSIGNED, null);
        Path out = dir.resolve("map-" + System.nanoTime() + ".pdf");
        PlanExporter.export(exported, ExportFormat.PDF, out, options, null, ZoneId.of("Europe/Zurich"));
        return out;
    }

    /** What veraPDF says of {@code pdf} as PDF/A-2b: compliant, else every failed rule with its message. */
    private static ValidationResult validate(Path pdf) throws Exception {
        try (InputStream in = Files.newInputStream(pdf);
                PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_2_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            return validator.validate(parser);
        }
    }

    private static String failures(ValidationResult result) {
        return result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()
                        + " at " + a.getLocation().getContext())
                .distinct().collect(Collectors.joining("\n"));
    }

    @Test
    void aDraftMapOverSeveralFramesAndPagesIsPdfA2b() throws Exception {
        Path pdf = export(SamplePlans.plan(SamplePlans.SESSION_1, 10, 2, true), ExportOptions.DEFAULTS);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            assertThat(new PDFTextStripper().getText(doc)).contains("status draft (not signed)", "DR");
        }
        ValidationResult result = validate(pdf);
        assertThat(result.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFA_2_B);
        assertThat(result.getTotalAssertions()).isPositive();
        assertThat(result.isCompliant()).as(failures(result)).isTrue();
    }

    @Test
    void aDeidentifiedLetterMapIsPdfA2b() throws Exception {
        Path pdf = export(SamplePlans.plan(SamplePlans.SESSION_1, 2, 1, false),
                new ExportOptions(ExportOptions.Paper.LETTER, true, false));
        ValidationResult result = validate(pdf);
        assertThat(result.isCompliant()).as(failures(result)).isTrue();
    }

    @Test
    void veraPdfFindsWhatIsNotPdfA() throws Exception {
        Path pdf = export(SamplePlans.plan(SamplePlans.SESSION_1, 1, 1, true), ExportOptions.DEFAULTS);
        byte[] bytes = Files.readAllBytes(pdf);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        // the XMP packet's PDF/A identification, changed to a part that does not exist
        int part = text.indexOf("<pdfaid:part>2</pdfaid:part>");
        assertThat(part).as("the XMP names PDF/A part 2").isNotNegative();
        bytes[part + "<pdfaid:part>".length()] = '9';
        Path broken = Files.write(dir.resolve("broken.pdf"), bytes);
        ValidationResult result = validate(broken);
        assertThat(result.isCompliant()).isFalse();
        assertThat(failures(result)).as("PDF/A-2 clause 6.6.4, the PDF/A identification").contains("6.6.4-");
    }
}
