package org.injectionplanner.scene;

/**
 * Which side of the patient the left and right edges of an ultrasound image face (the top edge is always
 * the skin, at the transducer face): "R" / "L" on a transverse image, "CRAN" / "CAUD" on a longitudinal one,
 * and on a transverse image where the patient's midline is taken to lie. The scene writes each marker at its
 * edge and marks the midline with a tick at the top edge.
 *
 * @param leftEdge the marker of the image's left edge (x = 0), e.g. "R"
 * @param rightEdge the marker of the image's right edge, e.g. "L"
 * @param midlineX the pixel x of the patient's midline on a transverse image, or null (none drawn)
 */
public record ImageOrientation(String leftEdge, String rightEdge, Double midlineX) {

    public ImageOrientation {
        if (leftEdge == null || leftEdge.isBlank() || rightEdge == null || rightEdge.isBlank()) {
            throw new IllegalArgumentException("an image orientation names both edges, got \"" + leftEdge
                    + "\" and \"" + rightEdge + "\"");
        }
        if (midlineX != null && !Double.isFinite(midlineX)) {
            throw new IllegalArgumentException("the midline's x must be finite, got " + midlineX);
        }
    }

    /** The side markers without a midline. */
    public ImageOrientation(String leftEdge, String rightEdge) {
        this(leftEdge, rightEdge, null);
    }
}
