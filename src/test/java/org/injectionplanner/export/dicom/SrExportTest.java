package org.injectionplanner.export.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan SR of a plan on the sample study: what it holds, read back by the plugin's own reader. */
class SrExportTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-10-01T11:00:00+02:00");

    @TempDir
    Path dir;

    /** The SR's bytes for a plan whose signature verified to {@code status}. */
    static byte[] sr(SessionPlan plan, SignatureStatus status, DicomExportOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SrExport.write(plan, SamplePlans.map(plan, status), SamplePlans.SETTINGS.catalogue(),
                SourceHeaders.of(plan, new SourceImages(null)), options, out);
        return out.toByteArray();
    }

    static DataSet parse(byte[] bytes) throws Exception {
        return DicomFile.read(bytes, "exported SR").dataSet();
    }

    @Test
    void roundTripGivesTheSameSitesAndZones() throws Exception {
        SessionPlan plan = SamplePlans.draft(SamplePlans.folder(1), 1);
        SrDocument read = SrReader.read(parse(sr(plan, SignatureStatus.UNSIGNED, DicomExportOptions.at(NOW))));

        Set<List<Object>> expected = new HashSet<>();
        for (Target t : plan.targets()) {
            Injection i = plan.injectionAt(t.id()).orElseThrow();
            expected.add(List.of(uid(t.id()), t.image().sopInstanceUid(), t.image().frame(), floats(t.point()),
                    floats(i.path().entry()), t.side().snomedCode(), t.level() == null ? "-" : t.level().label(),
                    t.structureId()));
        }
        Set<List<Object>> actual = new HashSet<>();
        for (SrSite s : read.sites()) {
            actual.add(List.of(s.trackingUid(), s.sopInstanceUid(), s.frame(), s.target(), s.entry(),
                    s.laterality().value(), s.level() == null ? "-" : s.level().value().startsWith("2")
                            ? levelOf(s.level().value()) : s.level().value(), s.structure().value()));
        }
        assertEquals(expected, actual);
        assertEquals(List.of("T2 L iliolumbar", "T1 M L4/5 supraspinous", "T3 R Long posterior sacroiliac ligament"),
                read.sites().stream().map(SrSite::trackingIdentifier).toList(), "session order");
        assertEquals("52082005", read.sites().get(0).findingSite().value(), "ligament, SNOMED CT");
        assertEquals("SCT", read.sites().get(0).findingSite().scheme());

        Set<List<Object>> zonesExpected = new HashSet<>();
        for (NerveZone z : plan.zones()) {
            List<PixelPoint> ring = new ArrayList<>();
            z.shape().outline().forEach(p -> ring.add(floats(p)));
            ring.add(ring.get(0));
            zonesExpected.add(List.of(uid(z.id()), z.image().sopInstanceUid(), z.image().frame(), ring,
                    z.marginMm()));
        }
        Set<List<Object>> zonesActual = new HashSet<>();
        for (SrZone z : read.zones()) {
            zonesActual.add(List.of(z.trackingUid(), z.sopInstanceUid(), z.frame(), z.outline(), z.marginMm()));
        }
        assertEquals(zonesExpected, zonesActual);
        assertEquals("119410002", read.zones().get(0).kind().value(), "nerve, SNOMED CT");
    }

    @Test
    void measurementsAreGivenOnlyWhereCalibrated() throws Exception {
        SessionPlan plan = SamplePlans.draft(SamplePlans.folder(1), 1);
        SrDocument read = SrReader.read(parse(sr(plan, SignatureStatus.UNSIGNED, DicomExportOptions.at(NOW))));
        SrSite calibrated = site(read, SamplePlans.T1);
        Target t1 = plan.target(SamplePlans.T1).orElseThrow();
        assertEquals(t1.depthMm(), calibrated.depthMm(), 1e-9);
        assertEquals(1.5, calibrated.volumeMl());
        assertTrue(calibrated.pathLengthMm() > 0 && calibrated.angleDeg() > 0 && calibrated.minClearanceMm() > 0);
        assertNull(calibrated.comment());

        SrSite outside = site(read, SamplePlans.T3);
        assertTrue(plan.target(SamplePlans.T3).orElseThrow().depthMm() == null, "the fixture's T3 is uncalibrated");
        assertNull(outside.depthMm());
        assertNull(outside.pathLengthMm());
        assertNull(outside.angleDeg());
        assertEquals(0.8, outside.volumeMl());
        assertTrue(outside.comment().contains("depth (not calibrated)"), outside.comment());
        assertTrue(outside.comment().contains("path length and angle (not calibrated"), outside.comment());
    }

    @Test
    void signedPlanWithAValidSignatureIsCompleteAndVerified() throws Exception {
        SessionPlan signed = SamplePlans.signed(SamplePlans.draft(SamplePlans.folder(1), 1));
        SrDocument valid = SrReader.read(parse(sr(signed, SignatureStatus.VALID, DicomExportOptions.at(NOW))));
        assertEquals("COMPLETE", valid.completionFlag());
        assertEquals("VERIFIED", valid.verificationFlag());
        assertEquals("Dr Jane Smith", valid.verifyingObserver());

        SrDocument invalid = SrReader.read(parse(sr(signed, SignatureStatus.invalid(List.of("content changed")),
                DicomExportOptions.at(NOW))));
        assertEquals("PARTIAL", invalid.completionFlag());
        assertEquals("UNVERIFIED", invalid.verificationFlag());
        assertNull(invalid.verifyingObserver());

        SessionPlan draft = SamplePlans.draft(SamplePlans.folder(1), 1);
        SrDocument partial = SrReader.read(parse(sr(draft, SignatureStatus.UNSIGNED, DicomExportOptions.at(NOW))));
        assertEquals("PARTIAL", partial.completionFlag());
        assertEquals("UNVERIFIED", partial.verificationFlag());
    }

    @Test
    void followUpSessionCarriesThePriorSrAndKeepsTheTrackingUids() throws Exception {
        SessionPlan first = SamplePlans.draft(SamplePlans.folder(1), 1);
        Path firstFile = dir.resolve("session-1-sr.dcm");
        Files.write(firstFile, sr(first, SignatureStatus.UNSIGNED, DicomExportOptions.at(NOW)));
        SrDocument one = SrReader.read(firstFile);
        assertNull(one.predecessor());

        SessionPlan second = SamplePlans.draft(SamplePlans.folder(2), 2);
        SrDocument two = SrReader.read(parse(sr(second, SignatureStatus.UNSIGNED,
                DicomExportOptions.at(NOW).withPredecessor(SrExport.predecessor(firstFile, second,
                        SourceHeaders.of(second, new SourceImages(null)))))));
        assertEquals(one.reference(), two.predecessor());
        assertNotEquals(one.reference().sopInstanceUid(), two.reference().sopInstanceUid());
        assertEquals(set(one.sites().stream().map(SrSite::trackingUid).toList()),
                set(two.sites().stream().map(SrSite::trackingUid).toList()), "a site keeps its tracking UID");
        assertNotEquals(set(one.sites().stream().map(SrSite::sopInstanceUid).toList()),
                set(two.sites().stream().map(SrSite::sopInstanceUid).toList()), "on the new session's images");
    }

    @Test
    void theSrIsFiledWithTheImagesInANewSeries() throws Exception {
        SessionPlan plan = SamplePlans.draft(SamplePlans.folder(1), 1);
        DataSet ds = parse(sr(plan, SignatureStatus.UNSIGNED, DicomExportOptions.at(NOW)));
        DataSet image;
        try (DicomFile f = DicomFile.open(Path.of(plan.images().get(0).path()))) {
            image = f.dataSet();
        }
        assertEquals(SrExport.COMPREHENSIVE_SR, ds.getString(Tag.SOP_CLASS_UID));
        assertEquals("SR", ds.getString(Tag.MODALITY));
        for (int tag : new int[] {Tag.STUDY_INSTANCE_UID, Tag.PATIENT_ID, Tag.PATIENT_NAME, Tag.ACCESSION_NUMBER,
            Tag.STUDY_DATE, Tag.STUDY_ID}) {
            assertEquals(image.getString(tag), ds.getString(tag), Tag.toString(tag));
        }
        assertNotEquals(image.getString(Tag.SERIES_INSTANCE_UID), ds.getString(Tag.SERIES_INSTANCE_UID));
        Set<String> referenced = new HashSet<>();
        for (DataSet study : ds.getSequence(SrTags.CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE)) {
            assertEquals(image.getString(Tag.STUDY_INSTANCE_UID), study.getString(Tag.STUDY_INSTANCE_UID));
            for (DataSet series : study.getSequence(SrTags.REFERENCED_SERIES_SEQUENCE)) {
                for (DataSet sop : series.getSequence(SrTags.REFERENCED_SOP_SEQUENCE)) {
                    referenced.add(series.getString(Tag.SERIES_INSTANCE_UID) + "/"
                            + sop.getString(SrTags.REFERENCED_SOP_CLASS_UID) + "/"
                            + sop.getString(SrTags.REFERENCED_SOP_INSTANCE_UID));
                }
            }
        }
        Set<String> images = new HashSet<>();
        for (PlanImage i : plan.images()) {
            try (DicomFile f = DicomFile.open(Path.of(i.path()))) {
                images.add(i.seriesInstanceUid() + "/" + f.dataSet().getString(Tag.SOP_CLASS_UID) + "/"
                        + i.sopInstanceUid());
            }
        }
        assertEquals(images, referenced);
    }

    @Test
    void headersAreFoundAsTheFramesAreAndAMissingImageIsNamedWithEveryPlaceLooked() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        // the recorded paths hold the images: an images folder without them does not hide them
        SessionPlan plan = SamplePlans.draft(SamplePlans.folder(1), 1);
        String cine = plan.images().get(2).sopInstanceUid();
        assertEquals(cine, SourceHeaders.of(plan, new SourceImages(empty)).header(cine)
                .getString(Tag.SOP_INSTANCE_UID));

        Path moved = SamplePlans.copy(1, dir.resolve("moved"));
        SessionPlan gone = SamplePlans.draft(moved, 1);
        try (var files = Files.list(moved)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(moved);
        DicomExportException e = assertThrows(DicomExportException.class,
                () -> SourceHeaders.of(gone, new SourceImages(empty)));
        assertEquals("image with SOP Instance UID " + gone.images().get(0).sopInstanceUid() + " not found; looked"
                + " at the recorded path " + gone.images().get(0).path() + " (no such file); in the study folder "
                + moved + " (no such folder); in the images folder " + empty
                + " (0 DICOM image(s), none with that UID)", e.getMessage());

        SourceHeaders fromFolder = SourceHeaders.of(gone, new SourceImages(SamplePlans.folder(1)));
        assertEquals(cine, fromFolder.header(cine).getString(Tag.SOP_INSTANCE_UID));
    }

    @Test
    void badInputIsNamed() throws Exception {
        SessionPlan plan = SamplePlans.draft(SamplePlans.folder(1), 1);
        Path image = Path.of(plan.images().get(0).path());
        DicomExportException notSr = assertThrows(DicomExportException.class, () -> SrReader.read(image));
        assertTrue(notSr.getMessage().contains("not a Comprehensive SR"), notSr.getMessage());
        DicomExportException notPdf = assertThrows(DicomExportException.class, () -> EncapsulatedPdfExport.build(
                plan, "<html>".getBytes(StandardCharsets.US_ASCII), "map",
                SourceHeaders.of(plan, new SourceImages(null)), DicomExportOptions.at(NOW)));
        assertTrue(notPdf.getMessage().contains("not a PDF"), notPdf.getMessage());
    }

    private static SrSite site(SrDocument doc, UUID target) {
        return doc.sites().stream().filter(s -> s.trackingUid().equals(uid(target))).findFirst().orElseThrow();
    }

    /** A UUID as a 2.25 UID, computed here independently of the code under test. */
    static String uid(UUID id) {
        ByteBuffer b = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }

    private static PixelPoint floats(PixelPoint p) {
        return new PixelPoint((float) p.x(), (float) p.y());
    }

    private static String levelOf(String snomed) {
        for (SpinalLevel l : SpinalLevel.values()) {
            if (snomed.equals(l.snomedCode())) {
                return l.label();
            }
        }
        return "?";
    }

    private static Set<String> set(List<String> values) {
        return new HashSet<>(values);
    }
}
