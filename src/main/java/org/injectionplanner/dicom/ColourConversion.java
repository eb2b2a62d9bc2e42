package org.injectionplanner.dicom;

/**
 * YCbCr to RGB with the full-range BT.601 (JFIF) equations, as DICOM defines for YBR_FULL
 * (PS3.3 C.7.6.3.1.2): R = Y + 1.402 (Cr − 128), G = Y − 0.344136 (Cb − 128) − 0.714136 (Cr − 128),
 * B = Y + 1.772 (Cb − 128), each rounded half up (floor(v + 0.5)) and clipped to 0..255, computed in
 * double precision.
 */
final class ColourConversion {

    private static final double CR_TO_R = 1.402;
    private static final double CB_TO_G = 0.114 * 1.772 / 0.587;
    private static final double CR_TO_G = 0.299 * 1.402 / 0.587;
    private static final double CB_TO_B = 1.772;

    /** R by (Y << 8 | Cr), B by (Y << 8 | Cb). */
    private static final byte[] R_TABLE = new byte[256 * 256];
    private static final byte[] B_TABLE = new byte[256 * 256];
    /** The G terms of Cb and Cr, exactly as in the equation. */
    private static final double[] G_CB = new double[256];
    private static final double[] G_CR = new double[256];

    static {
        for (int y = 0; y < 256; y++) {
            for (int c = 0; c < 256; c++) {
                R_TABLE[y << 8 | c] = clip(y + CR_TO_R * (c - 128));
                B_TABLE[y << 8 | c] = clip(y + CB_TO_B * (c - 128));
            }
        }
        for (int c = 0; c < 256; c++) {
            G_CB[c] = CB_TO_G * (c - 128);
            G_CR[c] = CR_TO_G * (c - 128);
        }
    }

    private ColourConversion() {
    }

    private static byte clip(double v) {
        double rounded = Math.floor(v + 0.5);
        return (byte) (rounded < 0 ? 0 : rounded > 255 ? 255 : (int) rounded);
    }

    /** Converts interleaved Y, Cb, Cr samples to R, G, B in place. */
    static void ybrToRgb(byte[] pixels) {
        for (int i = 0; i + 2 < pixels.length; i += 3) {
            int y = pixels[i] & 0xFF;
            int cb = pixels[i + 1] & 0xFF;
            int cr = pixels[i + 2] & 0xFF;
            pixels[i] = R_TABLE[y << 8 | cr];
            pixels[i + 1] = clip(y - G_CB[cb] - G_CR[cr]);
            pixels[i + 2] = B_TABLE[y << 8 | cb];
        }
    }
}
