package org.injectionplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.DicomWriter;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.Vr;
import org.injectionplanner.export.SamplePlans;
import org.injectionplanner.export.dicom.DicomTools;
import org.injectionplanner.export.dicom.SrDocument;
import org.injectionplanner.export.dicom.SrReader;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.PlanJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export PLAN --format F --out PATH ...} end to end on a plan over the sample studies of session 1. */
class ExportCommandTest {

    private static final Path SESSION_2 = Path.of("sample-dicom", "session-2");

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
    void srAndAllFindTheImagesAtTheRecordedPathsWhenTheImagesFolderLacksThem() throws Exception {
        SessionPlan sample = SamplePlans.plan(SamplePlans.SESSION_1, 2, 1, true);
        Path plan = planFile(sample);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path sr = dir.resolve("map-sr.dcm");
        CliRun srRun = CliRun.of("export", plan.toString(), "--format", "sr", "--out", sr.toString(), "--images",
                elsewhere.toString());
        assertThat(srRun.status()).as(srRun.err()).isZero();
        assertThat(SrReader.read(sr).reference().studyInstanceUid())
                .isEqualTo(sample.images().get(0).studyInstanceUid());
        // an images folder holding other images (the second session's) does not hide the recorded ones either
        CliRun all = CliRun.of("export", plan.toString(), "--format", "all", "--out", dir.resolve("all").toString(),
                "--images", SESSION_2.toString());
        assertThat(all.status()).as(all.err()).isZero();
        assertThat(dir.resolve("all/session-map-sr.dcm")).exists();
        assertThat(dir.resolve("all/session-map-pdf.dcm")).exists();

        Path gone = dir.resolve("moved/gone.dcm");
        Files.writeString(plan, Files.readString(plan).replace(
                sample.images().get(0).path().replace("\\", "\\\\"), gone.toString().replace("\\", "\\\\")));
        Path out = dir.resolve("missing-sr.dcm");
        CliRun missing = CliRun.of("export", plan.toString(), "--format", "sr", "--out", out.toString(), "--images",
                elsewhere.toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("SOP Instance UID " + sample.images().get(0).sopInstanceUid()
                + " not found", "at the recorded path " + gone + " (no such file)",
                "in the study folder " + gone.getParent() + " (no such folder)",
                "in the images folder " + elsewhere + " (0 DICOM image(s), none with that UID)");
        assertThat(out).doesNotExist();
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

    @Test
    void aFollowUpSrCarriesThePriorSessionsSrGivenWithPredecessor() throws Exception {
        Path first = dir.resolve("session-1-sr.dcm");
        CliRun one = CliRun.of("export", planFile(SamplePlans.plan(SamplePlans.SESSION_1, 2, 1, true)).toString(),
                "--format", "sr", "--out", first.toString());
        assertThat(one.status()).as(one.err()).isZero();
        Path secondPlan = planFile(SamplePlans.plan(SESSION_2, 2, 1, true));
        Path second = dir.resolve("session-2-sr.dcm");
        CliRun two = CliRun.of("export", secondPlan.toString(), "--format", "sr", "--out", second.toString(),
                "--predecessor", first.toString());
        assertThat(two.status()).as(two.err()).isZero();
        SrDocument prior = SrReader.read(first);
        SrDocument followUp = SrReader.read(second);
        assertThat(prior.predecessor()).isNull();
        assertThat(followUp.predecessor()).isEqualTo(prior.reference());
        assertThat(followUp.reference().studyInstanceUid()).isNotEqualTo(prior.reference().studyInstanceUid());
        if (DicomTools.onPath("dsrdump")) {
            DicomTools.Run dump = DicomTools.run("dsrdump", second.toString());
            assertThat(dump.exit()).as(dump.output()).isZero();
            DicomTools.assertNoLine(dump, "W:", second);
            DicomTools.assertNoLine(dump, "E:", second);
            assertThat(dump.output()).containsPattern("Predecessor Docs *: 1\\R");
        }
        if (DicomTools.onPath("dciodvfy")) {
            DicomTools.Run check = DicomTools.run("dciodvfy", second.toString());
            assertThat(check.output()).contains("ComprehensiveSR");
            DicomTools.assertNoLine(check, "Error", second);
        }
    }

    @Test
    void aPredecessorOfAnotherPatientOrKindOrForAnotherFormatIsExitTwoAndWritesNothing() throws Exception {
        Path first = dir.resolve("session-1-sr.dcm");
        Path firstPlan = planFile(SamplePlans.plan(SamplePlans.SESSION_1, 1, 1, true));
        assertThat(CliRun.of("export", firstPlan.toString(), "--format", "sr", "--out", first.toString()).status())
                .isZero();
        Path mapPdf = dir.resolve("session-1-pdf.dcm");
        assertThat(CliRun.of("export", firstPlan.toString(), "--format", "pdf-dicom", "--out", mapPdf.toString())
                .status()).isZero();
        DataSet other;
        try (DicomFile f = DicomFile.open(first)) {
            other = f.dataSet();
        }
        other.putString(Tag.PATIENT_ID, Vr.LO, "OTHER-0002");
        Path otherPatient = dir.resolve("other-patient-sr.dcm");
        DicomWriter.write(otherPatient, other);
        Path plan = planFile(SamplePlans.plan(SESSION_2, 1, 1, true));
        Path out = dir.resolve("out/follow-up-sr.dcm");

        CliRun wrongPatient = CliRun.of("export", plan.toString(), "--format", "sr", "--out", out.toString(),
                "--predecessor", otherPatient.toString());
        assertThat(wrongPatient.status()).isEqualTo(2);
        assertThat(wrongPatient.err()).contains("the predecessor SR " + otherPatient + " is of another patient: "
                + "Patient ID OTHER-0002, the plan's images have DEMO-0001");
        CliRun notSr = CliRun.of("export", plan.toString(), "--format", "sr", "--out", out.toString(),
                "--predecessor", mapPdf.toString());
        assertThat(notSr.status()).isEqualTo(2);
        assertThat(notSr.err()).contains("the predecessor " + mapPdf + " is not a Comprehensive SR: its SOP Class "
                + "UID is 1.2.840.10008.5.1.4.1.1.104.1");
        CliRun missing = CliRun.of("export", plan.toString(), "--format", "sr", "--out", out.toString(),
                "--predecessor", dir.resolve("none.dcm").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("the predecessor SR " + dir.resolve("none.dcm") + " does not exist");
        CliRun pdf = CliRun.of("export", plan.toString(), "--format", "pdf", "--out", out.toString(),
                "--predecessor", first.toString());
        assertThat(pdf.status()).isEqualTo(2);
        assertThat(pdf.err()).contains("belongs to an SR export: use the format sr or all");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
