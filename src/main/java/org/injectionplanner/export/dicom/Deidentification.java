package org.injectionplanner.export.dicom;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.Element;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.Uids;
import org.injectionplanner.dicom.Vr;

/**
 * De-identification of the exported objects by the PS3.15 Annex E Basic Application Level
 * Confidentiality Profile with the Clean Structured Content Option (the plan SR's content keeps the
 * plan, nothing of the patient), optionally with Retain Longitudinal Temporal Information with Modified
 * Dates (every date moved by one offset). One instance is shared by all files of one export, so that a UID
 * is replaced by the same new UID in every file (the SR's references to the PDF's study stay consistent)
 * and all dates move together. Not thread-safe.
 */
public final class Deidentification {

    /** Put where a person's name must stand (Annex E action D: a dummy value). */
    public static final String DUMMY_NAME = "ANONYMOUS";

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    /** UIDs replaced (action U): instances, series, studies, references to them, content UIDREFs. */
    private static final Set<Integer> REMAPPED_UIDS = Set.of(Tag.SOP_INSTANCE_UID, Tag.STUDY_INSTANCE_UID,
            Tag.SERIES_INSTANCE_UID, SrTags.REFERENCED_SOP_INSTANCE_UID, SrTags.UID,
            Tag.MEDIA_STORAGE_SOP_INSTANCE_UID);
    /** Removed (action X). */
    private static final Set<Integer> REMOVED = Set.of(SrTags.INSTITUTION_NAME, SrTags.INSTITUTION_ADDRESS,
            SrTags.STATION_NAME, SrTags.PHYSICIANS_OF_RECORD, SrTags.PERFORMING_PHYSICIAN_NAME,
            SrTags.PHYSICIANS_READING_STUDY, SrTags.OPERATORS_NAME, Tag.STUDY_DESCRIPTION, Tag.SERIES_DESCRIPTION,
            Tag.SERIES_DATE, Tag.SERIES_TIME);
    /** Emptied (action Z). */
    private static final Set<Integer> EMPTIED = Set.of(Tag.PATIENT_NAME, Tag.PATIENT_ID, Tag.PATIENT_BIRTH_DATE,
            Tag.PATIENT_SEX, Tag.ACCESSION_NUMBER, Tag.REFERRING_PHYSICIAN_NAME, Tag.STUDY_ID);
    /** Dates kept but moved with the option; emptied (type 2) or removed (type 3) without it. */
    private static final Set<Integer> TYPE2_DATES = Set.of(Tag.STUDY_DATE, Tag.STUDY_TIME,
            SrTags.ACQUISITION_DATE_TIME);
    private static final Set<Integer> TYPE3_DATES = Set.of(SrTags.INSTANCE_CREATION_DATE,
            SrTags.INSTANCE_CREATION_TIME);
    /** Type 1 dates: moved with the option, a dummy value (action D) without it. */
    private static final Set<Integer> TYPE1_DATES = Set.of(Tag.CONTENT_DATE, Tag.CONTENT_TIME,
            SrTags.VERIFICATION_DATE_TIME);

    private final Map<String, String> uids = new HashMap<>();
    private final boolean retainModifiedDates;
    private final int dayShift;

    private Deidentification(boolean retainModifiedDates, int dayShift) {
        this.retainModifiedDates = retainModifiedDates;
        this.dayShift = dayShift;
    }

    /**
     * A new de-identification for one export.
     *
     * @param retainModifiedDates true for the Retain Longitudinal Temporal Information with Modified Dates
     *        option: dates are moved back by one random offset of 1 to 10 years (whole days, the same for all
     *        files of the export), times kept; false removes or blanks them
     */
    public static Deidentification create(boolean retainModifiedDates) {
        int shift = retainModifiedDates ? -(365 + new SecureRandom().nextInt(9 * 365 + 1)) : 0;
        return new Deidentification(retainModifiedDates, shift);
    }

    /** The offset in days added to every date (negative), 0 without the option. */
    public int dayShift() {
        return dayShift;
    }

    /** The replacement of a UID: a new random {@code 2.25} UID, the same for the same UID in this export. */
    public String uid(String original) {
        return uids.computeIfAbsent(original, u -> Uids.random());
    }

    /** A date moved by this export's offset. */
    public LocalDate shift(LocalDate date) {
        return date.plusDays(dayShift);
    }

    /**
     * The data set de-identified: identifying attributes removed, emptied or replaced, UIDs remapped, dates
     * moved (or removed), Patient Identity Removed YES and the De-identification Method (Code) Sequence
     * added. The data set given is left unchanged.
     */
    public DataSet apply(DataSet source) {
        DataSet out = clean(source);
        out.putString(SrTags.PATIENT_IDENTITY_REMOVED, Vr.CS, "YES");
        out.putString(SrTags.DEIDENTIFICATION_METHOD, Vr.LO, "PS3.15 E Basic Profile, Clean Structured Content"
                + (retainModifiedDates ? ", Modified Dates" : ""));
        List<DataSet> methods = new ArrayList<>();
        methods.add(new Code("113100", "DCM", "Basic Application Confidentiality Profile").item());
        methods.add(new Code("113104", "DCM", "Clean Structured Content Option").item());
        if (retainModifiedDates) {
            methods.add(new Code("113107", "DCM", "Retain Longitudinal Temporal Information Modified Dates Option")
                    .item());
        }
        out.putSequence(SrTags.DEIDENTIFICATION_METHOD_CODE_SEQUENCE, methods);
        out.putString(SrTags.LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED, Vr.CS,
                retainModifiedDates ? "MODIFIED" : "REMOVED");
        return out;
    }

    private DataSet clean(DataSet source) {
        DataSet out = new DataSet(source.charset());
        Element charset = source.get(Tag.SPECIFIC_CHARACTER_SET);
        if (charset != null) {
            out.put(charset);
        }
        for (Element e : source.elements()) {
            int tag = e.tag();
            if (tag == Tag.SPECIFIC_CHARACTER_SET || REMOVED.contains(tag) || Tag.group(tag) % 2 == 1) {
                continue;
            }
            if (e.vr() == Vr.SQ) {
                List<DataSet> items = new ArrayList<>();
                for (DataSet item : e.items() == null ? List.<DataSet>of() : e.items()) {
                    items.add(clean(item));
                }
                out.putSequence(tag, items);
            } else if (EMPTIED.contains(tag)) {
                out.put(Element.of(tag, e.vr(), new byte[0]));
            } else if (REMAPPED_UIDS.contains(tag)) {
                String uid = source.getString(tag);
                out.putString(tag, Vr.UI, uid == null ? "" : uid(uid));
            } else if (e.vr() == Vr.PN) {
                out.putString(tag, Vr.PN, DUMMY_NAME);
            } else if (tag == SrTags.VERIFYING_ORGANIZATION) {
                out.putString(tag, e.vr(), DUMMY_NAME);
            } else if (TYPE2_DATES.contains(tag) || TYPE3_DATES.contains(tag) || TYPE1_DATES.contains(tag)) {
                putDate(out, source, e);
            } else {
                out.put(e);
            }
        }
        return out;
    }

    private void putDate(DataSet out, DataSet source, Element e) {
        String value = source.getString(e.tag());
        if (retainModifiedDates) {
            out.put(Element.of(e.tag(), e.vr(), value == null ? new byte[0]
                    : shifted(e.vr(), value).getBytes(StandardCharsets.ISO_8859_1)));
        } else if (TYPE1_DATES.contains(e.tag())) {
            String dummy = e.vr() == Vr.DA ? "19000101" : e.vr() == Vr.TM ? "000000" : "19000101000000";
            out.putString(e.tag(), e.vr(), dummy);
        } else if (TYPE2_DATES.contains(e.tag())) {
            out.put(Element.of(e.tag(), e.vr(), new byte[0]));
        }
    }

    private String shifted(Vr vr, String value) {
        if (vr == Vr.TM || value.length() < 8) {
            return value;
        }
        LocalDate date = LocalDate.parse(value.substring(0, 8), DA);
        return shift(date).format(DA) + value.substring(8);
    }
}
