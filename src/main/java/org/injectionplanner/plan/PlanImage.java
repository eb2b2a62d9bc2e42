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
 */
public record PlanImage(String sopInstanceUid, String studyInstanceUid, String seriesInstanceUid,
        String description, int frames, String path, Patient patient, LocalDate studyDate) {

    public PlanImage {
        if (sopInstanceUid == null || sopInstanceUid.isBlank()) {
            throw new IllegalArgumentException("a plan image needs a SOP Instance UID");
        }
    }
}
