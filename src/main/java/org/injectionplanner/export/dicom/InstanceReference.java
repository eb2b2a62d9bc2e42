package org.injectionplanner.export.dicom;

import java.io.IOException;
import java.nio.file.Path;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.DicomFile;
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

    /** The identifiers of a DICOM file, e.g. the prior session's SR. */
    public static InstanceReference read(Path file) throws DicomExportException {
        try (DicomFile f = DicomFile.open(file)) {
            return of(f.dataSet());
        } catch (DicomException | IllegalArgumentException e) {
            throw new DicomExportException("cannot take the prior SR's identifiers from " + file + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new DicomExportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
