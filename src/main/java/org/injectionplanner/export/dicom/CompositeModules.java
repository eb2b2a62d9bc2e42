package org.injectionplanner.export.dicom;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.Dictionary;
import org.injectionplanner.dicom.Element;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.Uids;
import org.injectionplanner.dicom.Vr;

/**
 * The modules every exported object shares: Patient and General Study copied from the source image's
 * header (so the object files with the images), a new series, General Equipment and SOP Common.
 */
final class CompositeModules {

    static final String MANUFACTURER = "Injection Planner";
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

    /** Patient (C.7.1.1) and General Study (C.7.2.1) attributes copied, type 2 ones empty when absent. */
    private static final int[] TYPE2_COPIED = {Tag.PATIENT_NAME, Tag.PATIENT_ID, Tag.PATIENT_BIRTH_DATE,
        Tag.PATIENT_SEX, Tag.STUDY_DATE, Tag.STUDY_TIME, Tag.REFERRING_PHYSICIAN_NAME, Tag.STUDY_ID,
        Tag.ACCESSION_NUMBER};
    private static final int[] TYPE3_COPIED = {Tag.STUDY_DESCRIPTION};

    private CompositeModules() {
    }

    /**
     * A new data set (ISO_IR 192) with SOP Common, Patient, General Study from the source header and a new
     * series of the given modality, and General Equipment.
     */
    static DataSet start(String sopClassUid, DataSet source, String modality, DicomExportOptions options) {
        DataSet ds = new DataSet();
        ds.putString(Tag.SPECIFIC_CHARACTER_SET, Vr.CS, "ISO_IR 192");
        ds.putString(Tag.SOP_CLASS_UID, Vr.UI, sopClassUid);
        ds.putString(Tag.SOP_INSTANCE_UID, Vr.UI, Uids.random());
        OffsetDateTime at = options.createdAt();
        ds.putString(SrTags.INSTANCE_CREATION_DATE, Vr.DA, at.format(DA));
        ds.putString(SrTags.INSTANCE_CREATION_TIME, Vr.TM, at.format(TM));
        for (int tag : TYPE2_COPIED) {
            copy(source, ds, tag, true);
        }
        for (int tag : TYPE3_COPIED) {
            copy(source, ds, tag, false);
        }
        ds.putString(Tag.STUDY_INSTANCE_UID, Vr.UI, source.getString(Tag.STUDY_INSTANCE_UID));
        ds.putString(Tag.MODALITY, Vr.CS, modality);
        ds.putString(Tag.SERIES_INSTANCE_UID, Vr.UI, Uids.random());
        ds.putString(Tag.SERIES_NUMBER, Vr.IS, Integer.toString(options.seriesNumber()));
        ds.putString(Tag.INSTANCE_NUMBER, Vr.IS, Integer.toString(options.instanceNumber()));
        ds.putString(Tag.MANUFACTURER, Vr.LO, MANUFACTURER);
        ds.putString(SrTags.SOFTWARE_VERSIONS, Vr.LO, Uids.IMPLEMENTATION_VERSION_NAME);
        ds.putString(Tag.CONTENT_DATE, Vr.DA, at.format(DA));
        ds.putString(Tag.CONTENT_TIME, Vr.TM, at.format(TM));
        return ds;
    }

    /**
     * The data set with the smallest Specific Character Set that holds its text: none (the default
     * repertoire) when every text value is ASCII, which UTF-8 text then is byte for byte; else ISO_IR 192 as
     * written. Readers such as dcmtk's check the default repertoire fully and only warn on ISO_IR 192.
     */
    static DataSet minimalCharacterSet(DataSet ds) {
        if (!ascii(ds)) {
            return ds;
        }
        DataSet out = new DataSet();
        for (Element e : ds.elements()) {
            if (e.tag() != Tag.SPECIFIC_CHARACTER_SET) {
                out.put(e);
            }
        }
        return out;
    }

    private static boolean ascii(DataSet ds) {
        for (Element e : ds.elements()) {
            if (e.vr() == Vr.SQ) {
                for (DataSet item : e.items() == null ? List.<DataSet>of() : e.items()) {
                    if (!ascii(item)) {
                        return false;
                    }
                }
            } else if (e.vr().isCharacterSetText() && e.value() != null) {
                for (byte b : e.value()) {
                    if (b < 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Copies a text attribute, re-encoded in UTF-8; an absent one is written empty if {@code type2}. */
    private static void copy(DataSet source, DataSet target, int tag, boolean type2) {
        String text = source.getText(tag);
        if (text != null && !text.isEmpty()) {
            target.putString(tag, Dictionary.vrOf(tag), text);
        } else if (type2) {
            target.put(Element.of(tag, Dictionary.vrOf(tag), new byte[0]));
        }
    }

    /** A DT value with its offset. */
    static String dateTime(OffsetDateTime t) {
        return t.format(DT);
    }

    /**
     * A Hierarchical SOP Instance Reference (C.17.2.1): one item per study, each with its series and their
     * instances, in the order given.
     */
    static List<DataSet> references(List<InstanceReference> instances) {
        Map<String, Map<String, List<DataSet>>> studies = new LinkedHashMap<>();
        for (InstanceReference r : instances) {
            DataSet ref = ContentItems.item();
            ref.putString(SrTags.REFERENCED_SOP_CLASS_UID, Vr.UI, r.sopClassUid());
            ref.putString(SrTags.REFERENCED_SOP_INSTANCE_UID, Vr.UI, r.sopInstanceUid());
            studies.computeIfAbsent(r.studyInstanceUid(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.seriesInstanceUid(), k -> new ArrayList<>()).add(ref);
        }
        List<DataSet> items = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<DataSet>>> study : studies.entrySet()) {
            List<DataSet> series = new ArrayList<>();
            for (Map.Entry<String, List<DataSet>> s : study.getValue().entrySet()) {
                DataSet item = ContentItems.item();
                item.putString(Tag.SERIES_INSTANCE_UID, Vr.UI, s.getKey());
                item.putSequence(SrTags.REFERENCED_SOP_SEQUENCE, s.getValue());
                series.add(item);
            }
            DataSet item = ContentItems.item();
            item.putString(Tag.STUDY_INSTANCE_UID, Vr.UI, study.getKey());
            item.putSequence(SrTags.REFERENCED_SERIES_SEQUENCE, series);
            items.add(item);
        }
        return items;
    }
}
