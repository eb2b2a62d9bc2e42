package org.injectionplanner.plan;

import java.time.LocalDate;

/**
 * An image the plan's annotations were placed on.
 *
 * @param sopInstanceUid the image's SOP Instance UID (what annotations refer to)
 * @param studyInstanceUid its study
 * @param seriesInstanceUid its series
 * @param description e.g. the series description, without patient identifiers
 * @param frames number of frames
 * @param path where the file was opened from (a hint for reopening; the UID is the identity)
 * @param patient the patient its header names, or null when not recorded (plans saved before it was kept)
 * @param studyDate its Study Date, or null when absent
 * @param sides which way its edges face in the patient, or null when not known (not set and not in its header,
 *        or a plan saved before they were kept)
 */
public record PlanImage(String sopInstanceUid, String studyInstanceUid, String seriesInstanceUid,
        String description, int frames, String path, Patient patient, LocalDate studyDate, ImageSides sides) {

    public PlanImage {
        if (sopInstanceUid == null || sopInstanceUid.isBlank()) {
            throw new IllegalArgumentException("a plan image needs a SOP Instance UID");
        }
    }

    /** An image whose sides are not known. */
    public PlanImage(String sopInstanceUid, String studyInstanceUid, String seriesInstanceUid, String description,
            int frames, String path, Patient patient, LocalDate studyDate) {
        this(sopInstanceUid, studyInstanceUid, seriesInstanceUid, description, frames, path, patient, studyDate, null);
    }

    /** This image with its sides set (null: not known). */
    public PlanImage withSides(ImageSides newSides) {
        return new PlanImage(sopInstanceUid, studyInstanceUid, seriesInstanceUid, description, frames, path, patient,
                studyDate, newSides);
    }
}
