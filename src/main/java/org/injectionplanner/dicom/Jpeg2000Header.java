package org.injectionplanner.dicom;

/**
 * Reads the SIZ marker of a JPEG 2000 codestream (raw or inside a JP2 file): the image size and the
 * precision and signedness of the first component.
 *
 * @param width the reference grid width less its horizontal offset, in pixels
 * @param height the reference grid height less its vertical offset, in pixels
 * @param components number of components (Csiz)
 * @param precision bits per sample of the first component (Ssiz & 0x7F, plus 1)
 * @param signed true if the first component's samples are signed (Ssiz bit 7)
 */
record Jpeg2000Header(int width, int height, int components, int precision, boolean signed) {

    /** The header of a codestream, or null if no valid SIZ marker is found in its first 4 KiB. */
    static Jpeg2000Header read(byte[] data) {
        int limit = Math.min(data.length - 43, 4096);
        for (int i = 0; i < limit; i++) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0x4F
                    && (data[i + 2] & 0xFF) == 0xFF && (data[i + 3] & 0xFF) == 0x51) {
                int p = i + 8; // skip SOC, SIZ marker, Lsiz, Rsiz
                long xsiz = u32(data, p);
                long ysiz = u32(data, p + 4);
                long xo = u32(data, p + 8);
                long yo = u32(data, p + 12);
                if (xsiz < xo || ysiz < yo || xsiz - xo > Integer.MAX_VALUE || ysiz - yo > Integer.MAX_VALUE) {
                    return null;
                }
                int components = (data[p + 32] & 0xFF) << 8 | (data[p + 33] & 0xFF);
                int ssiz = data[p + 34] & 0xFF;
                return new Jpeg2000Header((int) (xsiz - xo), (int) (ysiz - yo), components, (ssiz & 0x7F) + 1,
                        (ssiz & 0x80) != 0);
            }
        }
        return null;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
    }
}
