package org.injectionplanner.export.dicom;

import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.Tag;

/**
 * The identifiers of a stored instance: an image the SR references, or an SR written earlier (a prior
 * session's plan SR, for the Predecessor Documents Sequence of the next).
 *
 * @param studyInstanceUid its study
 * @param seriesInstanceUid its series
 * @param sopClassUid its SOP class
 * @param sopInstanceUid its SOP instance
 */
public record InstanceReference(String studyInstanceUid, String seriesInstanceUid, String sopClassUid,
        String sopInstanceUid) {

    public InstanceReference {
        if (studyInstanceUid == null || seriesInstanceUid == null || sopClassUid == null
                || sopInstanceUid == null) {
            throw new IllegalArgumentException("an SR reference needs study, series, SOP class and instance UIDs");
        }
    }

    /** The identifiers of a data set. */
    public static InstanceReference of(DataSet sr) {
        return new InstanceReference(sr.getString(Tag.STUDY_INSTANCE_UID), sr.getString(Tag.SERIES_INSTANCE_UID),
                sr.getString(Tag.SOP_CLASS_UID), sr.getString(Tag.SOP_INSTANCE_UID));
    }
}
