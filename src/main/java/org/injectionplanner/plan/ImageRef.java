package org.injectionplanner.plan;

/**
 * A frame of an image: the SOP Instance UID of the DICOM image and the frame number (1-based, as
 * DICOM's Referenced Frame Number and ImageJ's slice index).
 */
public record ImageRef(String sopInstanceUid, int frame) {

    public ImageRef {
        if (sopInstanceUid == null || sopInstanceUid.isBlank()) {
            throw new IllegalArgumentException("an image reference needs a SOP Instance UID");
        }
        if (frame < 1) {
            throw new IllegalArgumentException("frame numbers start at 1, got " + frame);
        }
    }
}
