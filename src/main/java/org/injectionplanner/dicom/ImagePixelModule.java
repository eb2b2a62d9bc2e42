package org.injectionplanner.dicom;

/**
 * The Image Pixel attributes that say how to read frames.
 *
 * @param rows image height in pixels
 * @param columns image width in pixels
 * @param frames Number of Frames (1 when absent)
 * @param samplesPerPixel 1 (grey, palette) or 3 (colour)
 * @param bitsAllocated bits per stored sample, 8 or 16 (1 and 32 are rejected when decoding)
 * @param bitsStored significant bits per sample
 * @param pixelRepresentation 0 unsigned, 1 signed (two's complement)
 * @param photometric Photometric Interpretation, e.g. MONOCHROME2, RGB, YBR_FULL_422
 * @param planarConfiguration 0 colour-by-pixel, 1 colour-by-plane
 */
public record ImagePixelModule(int rows, int columns, int frames, int samplesPerPixel, int bitsAllocated,
        int bitsStored, int pixelRepresentation, String photometric, int planarConfiguration) {

    /** Reads the module from a data set; missing values take their usual defaults. */
    public static ImagePixelModule of(DataSet ds) {
        int bitsAllocated = ds.getInt(Tag.BITS_ALLOCATED, 8);
        String photometric = ds.getString(Tag.PHOTOMETRIC_INTERPRETATION);
        return new ImagePixelModule(
                ds.getInt(Tag.ROWS, 0), ds.getInt(Tag.COLUMNS, 0),
                Math.max(1, ds.getInt(Tag.NUMBER_OF_FRAMES, 1)),
                ds.getInt(Tag.SAMPLES_PER_PIXEL, 1), bitsAllocated,
                ds.getInt(Tag.BITS_STORED, bitsAllocated), ds.getInt(Tag.PIXEL_REPRESENTATION, 0),
                photometric == null ? "MONOCHROME2" : photometric.toUpperCase(java.util.Locale.ROOT),
                ds.getInt(Tag.PLANAR_CONFIGURATION, 0));
    }

    /** True for MONOCHROME1 and MONOCHROME2. */
    public boolean isMonochrome() {
        return photometric.startsWith("MONOCHROME");
    }

    /** Bytes per stored native frame (uncompressed), taking YBR_FULL_422's 2 bytes per pixel. */
    public long nativeFrameLength() {
        long pixels = (long) rows * columns;
        if (photometric.equals("YBR_FULL_422") || photometric.equals("YBR_PARTIAL_422")) {
            return pixels * 2 * (bitsAllocated / 8);
        }
        return pixels * samplesPerPixel * (bitsAllocated / 8);
    }
}
