package org.injectionplanner.export.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A de-identified export (PS3.15 Annex E Basic Profile, Clean Structured Content, Modified Dates) of a
 * signed plan on a copy of the sample study with identifying values filled in.
 */
class DeidentificationTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-10-01T11:00:00+02:00");

    /** The identifying values put into the source images' headers. */
    static Map<Integer, String> phi() {
        Map<Integer, String> phi = new LinkedHashMap<>();
        phi.put(Tag.PATIENT_NAME, "Doeblinger^Johanna^Q");
        phi.put(Tag.PATIENT_ID, "MRN-4711-XYZ");
        phi.put(Tag.PATIENT_BIRTH_DATE, "19590317");
        phi.put(Tag.ACCESSION_NUMBER, "ACC987654");
        phi.put(SrTags.INSTITUTION_NAME, "St Elsewhere Hospital");
        phi.put(SrTags.INSTITUTION_ADDRESS, "12 Harbour Road, Springfield");
        phi.put(Tag.REFERRING_PHYSICIAN_NAME, "Housewright^Gregor");
        phi.put(SrTags.PHYSICIANS_OF_RECORD, "Wilsonby^Jamie");
        phi.put(SrTags.PERFORMING_PHYSICIAN_NAME, "Quinnell^Michaela");
        phi.put(SrTags.OPERATORS_NAME, "Technova^Tina");
        phi.put(Tag.STUDY_ID, "STUDY-31337");
        return phi;
    }

    @TempDir
    Path dir;

    @Test
    void noIdentifyingValueOfTheSourceIsInAnyByteOfTheExport() throws Exception {
        Path images = SamplePlans.phiCopy(1, dir.resolve("images"), phi());
        SessionPlan plan = SamplePlans.signed(SamplePlans.draft(images, 1));
        Deidentification deid = Deidentification.create(true);
        Export export = export(plan, images, deid);

        List<String> forbidden = new ArrayList<>();
        for (String v : phi().values()) {
            forbidden.add(v);
            for (String part : v.split("[\\^ ,]")) {
                if (part.length() >= 4) {
                    forbidden.add(part);
                }
            }
        }
        forbidden.add("Jane Smith");
        forbidden.add("medial branch");
        forbidden.add("L4/5 supraspinous");
        forbidden.add("20261001");
        for (PlanImage i : plan.images()) {
            forbidden.add(i.sopInstanceUid());
            forbidden.add(i.seriesInstanceUid());
            forbidden.add(i.studyInstanceUid());
        }
        for (Target t : plan.targets()) {
            forbidden.add(SrExportTest.uid(t.id()));
        }
        for (NerveZone z : plan.zones()) {
            forbidden.add(SrExportTest.uid(z.id()));
        }
        for (String v : forbidden) {
            assertFalse(contains(export.sr, v), "the de-identified SR holds '" + v + "'");
            assertFalse(contains(export.pdf, v), "the de-identified Encapsulated PDF holds '" + v + "'");
        }
        // the check above can fail: the same export without de-identification holds the values
        Export plain = export(plan, images, null);
        assertTrue(contains(plain.sr, "MRN-4711-XYZ") && contains(plain.pdf, "Doeblinger^Johanna^Q"));
        assertTrue(contains(plain.sr, plan.images().get(0).sopInstanceUid()));
    }

    @Test
    void uidsAreRemappedConsistentlyAndDatesMovedTogether() throws Exception {
        Path images = SamplePlans.phiCopy(1, dir.resolve("images"), phi());
        SessionPlan plan = SamplePlans.signed(SamplePlans.draft(images, 1));
        Deidentification deid = Deidentification.create(true);
        Export export = export(plan, images, deid);
        DataSet sr = DicomFile.read(export.sr, "SR").dataSet();
        DataSet pdf = DicomFile.read(export.pdf, "PDF").dataSet();

        String study = plan.images().get(0).studyInstanceUid();
        assertEquals(deid.uid(study), sr.getString(Tag.STUDY_INSTANCE_UID));
        assertEquals(sr.getString(Tag.STUDY_INSTANCE_UID), pdf.getString(Tag.STUDY_INSTANCE_UID), "one study");
        Set<String> referenced = new HashSet<>();
        for (DataSet s : sr.getSequence(SrTags.CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE)) {
            for (DataSet series : s.getSequence(SrTags.REFERENCED_SERIES_SEQUENCE)) {
                for (DataSet sop : series.getSequence(SrTags.REFERENCED_SOP_SEQUENCE)) {
                    referenced.add(sop.getString(SrTags.REFERENCED_SOP_INSTANCE_UID));
                }
            }
        }
        Set<String> expected = new HashSet<>();
        plan.images().forEach(i -> expected.add(deid.uid(i.sopInstanceUid())));
        assertEquals(expected, referenced);
        Set<String> sources = new HashSet<>();
        pdf.getSequence(SrTags.SOURCE_INSTANCE_SEQUENCE)
                .forEach(s -> sources.add(s.getString(SrTags.REFERENCED_SOP_INSTANCE_UID)));
        assertEquals(expected, sources);

        SrDocument read = SrReader.read(sr);
        Set<String> tracking = new HashSet<>();
        read.sites().forEach(s -> tracking.add(s.trackingUid()));
        Set<String> expectedTracking = new HashSet<>();
        plan.targets().forEach(t -> expectedTracking.add(deid.uid(SrExportTest.uid(t.id()))));
        assertEquals(expectedTracking, tracking, "tracking UIDs remapped with the export's mapping");
        assertEquals(List.of("T2 L Iliolumbar ligament", "T1 M Supraspinous ligament",
                "T3 R Long posterior sacroiliac ligament"), read.sites().stream().map(SrSite::trackingIdentifier)
                .toList(), "the structures by name in place of the free-text labels");
        for (SrSite s : read.sites()) {
            assertEquals(deid.uid(plan.images().stream().filter(i -> deid.uid(i.sopInstanceUid())
                    .equals(s.sopInstanceUid())).findFirst().orElseThrow().sopInstanceUid()), s.sopInstanceUid());
        }

        assertTrue(deid.dayShift() <= -365 && deid.dayShift() >= -3650, "shift " + deid.dayShift());
        assertEquals(LocalDate.of(2026, 10, 1).plusDays(deid.dayShift()), sr.getDate(Tag.STUDY_DATE));
        assertEquals(sr.getDate(Tag.STUDY_DATE), pdf.getDate(Tag.STUDY_DATE));
        assertEquals(NOW.toLocalDate().plusDays(deid.dayShift()), sr.getDate(Tag.CONTENT_DATE));
        for (DataSet ds : List.of(sr, pdf)) {
            assertEquals("YES", ds.getString(SrTags.PATIENT_IDENTITY_REMOVED));
            assertEquals("MODIFIED", ds.getString(SrTags.LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED));
            List<String> methods = ds.getSequence(SrTags.DEIDENTIFICATION_METHOD_CODE_SEQUENCE).stream()
                    .map(i -> i.getString(SrTags.CODE_VALUE)).toList();
            assertEquals(List.of("113100", "113104", "113107"), methods);
            assertEquals(null, ds.getString(Tag.PATIENT_NAME));
            assertTrue(ds.contains(Tag.PATIENT_NAME), "type 2: present, empty");
        }
        assertEquals(Deidentification.DUMMY_NAME, read.verifyingObserver());
        assertEquals("VERIFIED", read.verificationFlag());
    }

    @Test
    void withoutTheDateOptionDatesAreRemovedAndTwoExportsShareNoUid() throws Exception {
        Path images = SamplePlans.phiCopy(1, dir.resolve("images"), phi());
        SessionPlan plan = SamplePlans.draft(images, 1);
        Export one = export(plan, images, Deidentification.create(false));
        Export two = export(plan, images, Deidentification.create(false));
        DataSet a = DicomFile.read(one.sr, "SR 1").dataSet();
        DataSet b = DicomFile.read(two.sr, "SR 2").dataSet();
        assertEquals(null, a.getString(Tag.STUDY_DATE));
        assertEquals("19000101", a.getString(Tag.CONTENT_DATE));
        assertEquals("REMOVED", a.getString(SrTags.LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED));
        assertNotEquals(a.getString(Tag.STUDY_INSTANCE_UID), b.getString(Tag.STUDY_INSTANCE_UID));
        assertEquals(List.of("113100", "113104"), a.getSequence(SrTags.DEIDENTIFICATION_METHOD_CODE_SEQUENCE)
                .stream().map(i -> i.getString(SrTags.CODE_VALUE)).toList());
    }

    /** The SR and the Encapsulated PDF of one export. */
    record Export(byte[] sr, byte[] pdf) {
    }

    static Export export(SessionPlan plan, Path images, Deidentification deid) throws Exception {
        SourceHeaders headers = SourceHeaders.of(plan, new SourceImages(images));
        DicomExportOptions options = DicomExportOptions.at(NOW).withDeidentification(deid);
        ByteArrayOutputStream sr = new ByteArrayOutputStream();
        SignatureStatus status = SamplePlans.statusOf(plan);
        SrExport.write(plan, SamplePlans.map(plan, status), SamplePlans.SETTINGS.catalogue(), headers, options, sr);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        EncapsulatedPdfExport.write(plan, TestPdf.withText("Session plan " + plan.sessionNumber()),
                "Session plan " + plan.sessionNumber(), headers, options.numbered(901, 1), pdf);
        return new Export(sr.toByteArray(), pdf.toByteArray());
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
