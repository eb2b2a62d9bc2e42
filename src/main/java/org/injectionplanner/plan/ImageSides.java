package org.injectionplanner.plan;

import java.util.Locale;
import java.util.Optional;
import org.injectionplanner.dicom.PatientOrientation;

/**
 * Which way an image's left and right edges face in the patient (the top edge is the skin, at the transducer
 * face), where the patient's midline lies on a transverse image, and who says so. The right edge faces the
 * opposite of the left.
 *
 * @param leftEdge the direction the left edge (x = 0) faces, e.g. {@link PatientDirection#RIGHT} on a
 *        transverse image shown by the usual convention (the patient's right on the screen's left)
 * @param midlineX on a transverse image, the pixel x of the patient's midline (the spinous process on a
 *        transverse lumbar view; by default the image's centre column, x = width / 2); null on a longitudinal
 *        image
 * @param source whether the DICOM header said it or a physician set it
 * @param by for {@link Source#DICOM_HEADER}, the element and value that said it (e.g. {@code Patient Orientation
 *        (0020,0020) "L\A"}); for {@link Source#PHYSICIAN}, who set it ("" when left out of a de-identified
 *        export)
 */
public record ImageSides(PatientDirection leftEdge, Double midlineX, Source source, String by) {

    /** Where an image's sides came from. */
    public enum Source { DICOM_HEADER, PHYSICIAN }

    public ImageSides {
        if (leftEdge == null || source == null) {
            throw new IllegalArgumentException("image sides need the left edge's direction and their source");
        }
        if (leftEdge.transverse() != (midlineX != null)) {
            throw new IllegalArgumentException(leftEdge.transverse()
                    ? "a transverse image's sides need the midline's x" : "a longitudinal image has no midline x");
        }
        if (midlineX != null && !(Double.isFinite(midlineX) && midlineX >= 0)) {
            throw new IllegalArgumentException("the midline's x must be a pixel x of the image, got " + midlineX);
        }
        by = by == null ? "" : PlanText.line(by.strip(), "who set the image's sides");
        if (source == Source.DICOM_HEADER && by.isEmpty()) {
            throw new IllegalArgumentException("image sides from the DICOM header name the element that gave them");
        }
    }

    /**
     * The sides Patient Orientation (0020,0020) gives an image {@code width} pixels wide: its row direction's
     * most significant letter is what the right edge faces (R, L, H or F); empty where it is A or P (the image
     * is not across or along the back) or the header has none.
     */
    public static Optional<ImageSides> fromHeader(PatientOrientation orientation, int width) {
        PatientDirection right = orientation == null ? null : PatientDirection.ofDicomLetter(orientation.rightEdge());
        if (right == null) {
            return Optional.empty();
        }
        PatientDirection left = right.opposite();
        return Optional.of(new ImageSides(left, left.transverse() ? width / 2.0 : null, Source.DICOM_HEADER,
                "Patient Orientation (0020,0020) \"" + orientation.value() + "\""));
    }

    /** The direction the right edge faces. */
    public PatientDirection rightEdge() {
        return leftEdge.opposite();
    }

    /** Whether the image is transverse (its edges face patient-right and -left). */
    public boolean transverse() {
        return leftEdge.transverse();
    }

    /**
     * The patient's side a point at pixel x lies on, by the half of the image it is in from the midline;
     * empty on a longitudinal image.
     */
    public Optional<Side> sideAt(double x) {
        if (!transverse()) {
            return Optional.empty();
        }
        return Optional.of(x < midlineX ? leftEdge.side() : rightEdge().side());
    }

    /** "left edge R, right edge L (from the DICOM header: …)" or "… (set by Dr A)". */
    public String describe() {
        String where = source == Source.DICOM_HEADER ? "from the DICOM header: " + by
                : by.isEmpty() ? "set by a physician" : "set by " + by;
        String midline = midlineX == null ? "" : String.format(Locale.ROOT, ", midline at x = %.1f", midlineX);
        return "left edge " + leftEdge.marker() + ", right edge " + rightEdge().marker() + midline + " (" + where
                + ")";
    }
}
