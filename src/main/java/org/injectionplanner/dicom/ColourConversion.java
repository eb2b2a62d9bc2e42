package org.injectionplanner.dicom;

/**
 * YCbCr to RGB with the full-range BT.601 (JFIF) equations, as DICOM defines for YBR_FULL
 * (PS3.3 C.7.6.3.1.2): R = Y + 1.402 (Cr − 128), G = Y − 0.344136 (Cb − 128) − 0.714136 (Cr − 128),
 * B = Y + 1.772 (Cb − 128), each rounded half up (floor(v + 0.5)) and clipped to 0..255, computed in
 * double precision.
 *
 * <p>Each result is Y plus an integer offset looked up by chroma (R by Cr, B by Cb, G by the pair),
 * clipped. Since Y is an integer, Y + offset equals the rounded double-precision value unless the
 * chroma terms sum to a rounding tie, where floating-point error can make the rounding depend on Y:
 * the (Cb, Cr) pairs near a tie in G are computed with the equation itself. R and B have no such
 * case (their one tie, ±221.5 for B, is exact in double precision). Grey pixels (Cb = Cr = 128), most
 * of an ultrasound image, take a short cut: R = G = B = Y. A test compares every Y, Cb, Cr with the
 * equations.
 */
final class ColourConversion {

    private static final double CR_TO_R = 1.402;
    private static final double CB_TO_G = 0.114 * 1.772 / 0.587;
    private static final double CR_TO_G = 0.299 * 1.402 / 0.587;
    private static final double CB_TO_B = 1.772;

    /** Marks a (Cb, Cr) pair in {@link #G_OFFSET} whose G is computed with the equation. */
    private static final int ON_TIE = Integer.MIN_VALUE;
    /** Distance from a rounding tie below which the G offset of a (Cb, Cr) pair is not trusted. */
    private static final double TIE_MARGIN = 1e-9;

    /** R − Y by Cr, B − Y by Cb, before clipping. */
    private static final int[] R_OFFSET = new int[256];
    private static final int[] B_OFFSET = new int[256];
    /** G − Y before clipping by (Cb << 8 | Cr), or {@link #ON_TIE}. */
    private static final int[] G_OFFSET = new int[256 * 256];
    /** The G terms of Cb and Cr, exactly as in the equation. */
    private static final double[] G_CB = new double[256];
    private static final double[] G_CR = new double[256];

    static {
        for (int c = 0; c < 256; c++) {
            R_OFFSET[c] = (int) Math.floor(CR_TO_R * (c - 128) + 0.5);
            B_OFFSET[c] = (int) Math.floor(CB_TO_B * (c - 128) + 0.5);
            G_CB[c] = CB_TO_G * (c - 128);
            G_CR[c] = CR_TO_G * (c - 128);
        }
        for (int cb = 0; cb < 256; cb++) {
            for (int cr = 0; cr < 256; cr++) {
                double shift = -G_CB[cb] - G_CR[cr];
                double fraction = shift - Math.floor(shift);
                G_OFFSET[cb << 8 | cr] = Math.abs(fraction - 0.5) < TIE_MARGIN
                        ? ON_TIE : (int) Math.floor(shift + 0.5);
            }
        }
    }

    private ColourConversion() {
    }

    private static byte clip(double v) {
        double rounded = Math.floor(v + 0.5);
        return (byte) (rounded < 0 ? 0 : rounded > 255 ? 255 : (int) rounded);
    }

    /** Clips to 0..255: negative values to 0, larger ones to 255. */
    private static int clip(int v) {
        return (v & ~0xFF) == 0 ? v : ~v >> 31 & 0xFF;
    }

    /** Converts interleaved Y, Cb, Cr samples to R, G, B in place. */
    static void ybrToRgb(byte[] pixels) {
        int[] rOffset = R_OFFSET;
        int[] gOffset = G_OFFSET;
        int[] bOffset = B_OFFSET;
        int end = pixels.length - pixels.length % 3;
        for (int i = 0; i < end; i += 3) {
            int y = pixels[i] & 0xFF;
            int cb = pixels[i + 1] & 0xFF;
            int cr = pixels[i + 2] & 0xFF;
            if (cb == 128 && cr == 128) {
                // grey, as most of an ultrasound image is: R = G = B = Y
                pixels[i + 1] = (byte) y;
                pixels[i + 2] = (byte) y;
                continue;
            }
            // the mask changes nothing but lets the JIT drop the bounds check
            int g = gOffset[(cb << 8 | cr) & 0xFFFF];
            pixels[i] = (byte) clip(y + rOffset[cr]);
            pixels[i + 1] = g != ON_TIE ? (byte) clip(y + g) : clip(y - G_CB[cb] - G_CR[cr]);
            pixels[i + 2] = (byte) clip(y + bOffset[cb]);
        }
    }
}
