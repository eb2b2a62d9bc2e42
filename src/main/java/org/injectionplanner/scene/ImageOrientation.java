package org.injectionplanner.scene;

/**
 * Which side of the patient the left and right edges of an ultrasound image face (the top edge is always
 * the skin, at the transducer face): "R" / "L" on a transverse image, "CRAN" / "CAUD" on a longitudinal one.
 * The scene writes each at its edge.
 *
 * @param leftEdge the marker of the image's left edge (x = 0), e.g. "R"
 * @param rightEdge the marker of the image's right edge, e.g. "L"
 */
public record ImageOrientation(String leftEdge, String rightEdge) {

    public ImageOrientation {
        if (leftEdge == null || leftEdge.isBlank() || rightEdge == null || rightEdge.isBlank()) {
            throw new IllegalArgumentException("an image orientation names both edges, got \"" + leftEdge
                    + "\" and \"" + rightEdge + "\"");
        }
    }
}
