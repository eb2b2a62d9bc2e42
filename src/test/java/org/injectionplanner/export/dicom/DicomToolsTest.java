package org.injectionplanner.export.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported objects checked by other implementations: dicom3tools' {@code dciodvfy} (no error), dcmtk's
 * {@code dsrdump} (renders the SR with no error or warning) and pydicom (reads both). A test whose tool is
 * not installed is skipped, saying which tool is missing.
 */
class DicomToolsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-10-02T09:30:00+02:00");

    @TempDir
    static Path dir;

    private static List<Path> srs;
    private static List<Path> pdfs;

    @BeforeAll
    static void export() throws Exception {
        SessionPlan first = SamplePlans.signed(SamplePlans.draft(SamplePlans.folder(1), 1));
        Path signed = dir.resolve("session-1-signed-sr.dcm");
        Files.write(signed, SrExportTest.sr(first, SignatureStatus.VALID, DicomExportOptions.at(NOW)));
        SessionPlan second = SamplePlans.draft(SamplePlans.folder(2), 2);
        Path followUp = dir.resolve("session-2-draft-sr.dcm");
        Files.write(followUp, SrExportTest.sr(second, SignatureStatus.UNSIGNED,
                DicomExportOptions.at(NOW).withPredecessor(SrExport.predecessor(signed, second,
                        SourceHeaders.of(second, new SourceImages(null))))));
        Path images = SamplePlans.phiCopy(1, dir.resolve("phi"), DeidentificationTest.phi());
        DeidentificationTest.Export deid = DeidentificationTest.export(
                SamplePlans.signed(SamplePlans.draft(images, 1)), images, Deidentification.create(true));
        DeidentificationTest.Export plain = DeidentificationTest.export(second, SamplePlans.folder(2), null);
        Path deidSr = Files.write(dir.resolve("deidentified-sr.dcm"), deid.sr());
        srs = List.of(signed, followUp, deidSr);
        pdfs = List.of(Files.write(dir.resolve("map-pdf.dcm"), plain.pdf()),
                Files.write(dir.resolve("deidentified-map-pdf.dcm"), deid.pdf()));
    }

    @Test
    void dciodvfyReportsNoError() throws Exception {
        assumeTrue(DicomTools.onPath("dciodvfy"), "dciodvfy (dicom3tools) is not installed: skipped");
        for (Path f : srs) {
            DicomTools.Run r = DicomTools.run("dciodvfy", f.toString());
            assertTrue(r.output().contains("ComprehensiveSR"), f + ": " + r.output());
            DicomTools.assertNoLine(r, "Error", f);
        }
        for (Path f : pdfs) {
            DicomTools.Run r = DicomTools.run("dciodvfy", f.toString());
            assertTrue(r.output().contains("EncapsulatedPDF"), f + ": " + r.output());
            DicomTools.assertNoLine(r, "Error", f);
        }
    }

    @Test
    void dsrdumpRendersTheSrWithoutErrorOrWarning() throws Exception {
        assumeTrue(DicomTools.onPath("dsrdump"), "dsrdump (dcmtk) is not installed: skipped");
        for (Path f : srs) {
            DicomTools.Run r = DicomTools.run("dsrdump", f.toString());
            assertEquals(0, r.exit(), f + ": " + r.output());
            DicomTools.assertNoLine(r, "W:", f);
            DicomTools.assertNoLine(r, "E:", f);
            DicomTools.assertNoLine(r, "F:", f);
            assertTrue(r.output().contains("Imaging Measurement Report"), r.output());
            assertTrue(r.output().contains("(SCOORD") || r.output().contains("SCOORD:"), r.output());
            assertTrue(r.output().contains("selected from IMAGE"), r.output());
        }
        DicomTools.Run followUp = DicomTools.run("dsrdump", "+Pt", srs.get(1).toString());
        assertTrue(followUp.output().contains("Predecessor"), followUp.output());
        assertTrue(followUp.output().contains("TID 1500"), followUp.output());
    }

    @Test
    void pydicomReadsBoth() throws Exception {
        String python = pythonWithPydicom();
        assumeTrue(python != null, "pydicom is not installed for python3: skipped");
        String script = String.join("\n",
                "import sys, pydicom",
                "for name in sys.argv[1:]:",
                "    d = pydicom.dcmread(name)",
                "    if d.SOPClassUID.endswith('.88.33'):",
                "        groups = d.ContentSequence[-1].ContentSequence",
                "        uids = [i.UID for g in groups for i in g.ContentSequence if i.ValueType == 'UIDREF']",
                "        print('SR', len(groups), len(set(uids)))",
                "    else:",
                "        doc = d.EncapsulatedDocument",
                "        print('PDF', d.MIMETypeOfEncapsulatedDocument, doc[:5].decode('ascii'),",
                "              int(d.EncapsulatedDocumentLength) <= len(doc))");
        List<String> command = new ArrayList<>(List.of(python, "-c", script));
        srs.forEach(p -> command.add(p.toString()));
        pdfs.forEach(p -> command.add(p.toString()));
        DicomTools.Run r = DicomTools.run(command.toArray(String[]::new));
        assertEquals(0, r.exit(), r.output());
        assertEquals(List.of("SR 5 5", "SR 5 5", "SR 5 5", "PDF application/pdf %PDF- True",
                "PDF application/pdf %PDF- True"), r.output().lines().toList());
    }

    /** The first Python that imports pydicom: {@code python3} on the path, else the system one. */
    private static String pythonWithPydicom() throws InterruptedException {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                if (DicomTools.run(python, "-c", "import pydicom").exit() == 0) {
                    return python;
                }
            } catch (IOException absent) {
                // not installed: try the next
            }
        }
        return null;
    }
}
