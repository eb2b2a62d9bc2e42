package org.injectionplanner.sample;

/**
 * Where the probe sits on the body for one frame: maps frame pixels to tissue millimetres and back.
 *
 * <p>Tissue coordinates: u in mm along the skin from the left edge of the image area in the reference
 * position (session 1, frame 0), d in mm below the skin. Frame coordinates: pixels, origin at the
 * top-left corner of the top-left pixel, x right, y down. The probe slides by {@code shiftMm} (the tissue
 * appears moved right by that much) and breathing compresses the tissue under the probe by the fraction
 * {@code compression} (the skin stays under the probe; deeper structures move up a little).
 *
 * @param layout the frame layout
 * @param shiftMm apparent lateral shift of the anatomy, mm (positive = to the right)
 * @param compression fractional compression of depth, e.g. 0.005 moves a point at 40 mm up by 0.2 mm
 */
record Probe(SyntheticUltrasound.Layout layout, double shiftMm, double compression) {

    /** Tissue u (mm) at the centre of frame column x. */
    double tissueU(int x) {
        return (x + 0.5 - layout.x0()) * layout.mmPerPixel() - shiftMm;
    }

    /** Tissue d (mm) at the centre of frame row y. */
    double tissueD(int y) {
        return (y + 0.5 - layout.y0()) * layout.mmPerPixel() * (1 - compression);
    }

    /** Frame x (pixels) of tissue u. */
    double frameX(double u) {
        return layout.x0() + (u + shiftMm) / layout.mmPerPixel();
    }

    /** Frame y (pixels) of tissue d. */
    double frameY(double d) {
        return layout.y0() + d / (1 - compression) / layout.mmPerPixel();
    }

    /** A length along x in tissue mm as frame pixels. */
    double pixelsX(double mm) {
        return mm / layout.mmPerPixel();
    }

    /** A length along y in tissue mm as frame pixels. */
    double pixelsY(double mm) {
        return mm / (1 - compression) / layout.mmPerPixel();
    }
}
