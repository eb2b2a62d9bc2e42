package org.injectionplanner.plan;

/**
 * An image the plan's annotations were placed on.
 *
 * @param sopInstanceUid the image's SOP Instance UID (what annotations refer to)
 * @param studyInstanceUid its study
 * @param seriesInstanceUid its series
 * @param description e.g. the series description, without patient identifiers
 * @param frames number of frames
 * @param path where the file was opened from (a hint for reopening; the UID is the identity)
 */
public record PlanImage(String sopInstanceUid, String studyInstanceUid, String seriesInstanceUid,
        String description, int frames, String path) {

    public PlanImage {
        if (sopInstanceUid == null || sopInstanceUid.isBlank()) {
            throw new IllegalArgumentException("a plan image needs a SOP Instance UID");
        }
    }
}
