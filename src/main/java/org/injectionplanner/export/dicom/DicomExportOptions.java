package org.injectionplanner.export.dicom;

import java.time.OffsetDateTime;

/**
 * How the DICOM objects of one export are made.
 *
 * @param createdAt when the objects are made (Instance Creation and Content Date/Time), with its offset
 * @param seriesNumber the Series Number of the new series
 * @param instanceNumber the Instance Number of the object
 * @param organization the Verifying Organization of a signed plan's SR (e.g. the clinic)
 * @param predecessor the prior session's SR, for the Predecessor Documents Sequence, or null
 * @param deidentification the de-identification shared by all files of a de-identified export, or null
 */
public record DicomExportOptions(OffsetDateTime createdAt, int seriesNumber, int instanceNumber,
        String organization, InstanceReference predecessor, Deidentification deidentification) {

    /** The organization named when none is given. */
    public static final String DEFAULT_ORGANIZATION = "Injection Planner";

    public DicomExportOptions {
        if (createdAt == null) {
            throw new IllegalArgumentException("a DICOM export needs its creation time");
        }
        if (seriesNumber < 1 || instanceNumber < 1) {
            throw new IllegalArgumentException("series and instance numbers start at 1");
        }
        if (organization == null || organization.isBlank()) {
            throw new IllegalArgumentException("a DICOM export needs an organization name (Verifying Organization)");
        }
    }

    /** Series 900, instance 1, the default organization, no predecessor, not de-identified. */
    public static DicomExportOptions at(OffsetDateTime createdAt) {
        return new DicomExportOptions(createdAt, 900, 1, DEFAULT_ORGANIZATION, null, null);
    }

    /** These options with the prior session's SR as predecessor (null: none). */
    public DicomExportOptions withPredecessor(InstanceReference prior) {
        return new DicomExportOptions(createdAt, seriesNumber, instanceNumber, organization, prior, deidentification);
    }

    /** These options de-identified with the export's shared de-identification (null: not de-identified). */
    public DicomExportOptions withDeidentification(Deidentification d) {
        return new DicomExportOptions(createdAt, seriesNumber, instanceNumber, organization, predecessor, d);
    }

    /** These options with another series and instance number. */
    public DicomExportOptions numbered(int series, int instance) {
        return new DicomExportOptions(createdAt, series, instance, organization, predecessor, deidentification);
    }
}
