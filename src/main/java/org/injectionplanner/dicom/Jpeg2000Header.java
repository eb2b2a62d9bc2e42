package org.injectionplanner.dicom;

/** Reads the image size from the SIZ marker of a JPEG 2000 codestream (raw or inside a JP2 file). */
final class Jpeg2000Header {

    private Jpeg2000Header() {
    }

    /** {width, height} of the reference grid less its offsets, or null if no SIZ marker is found. */
    static int[] size(byte[] data) {
        int limit = Math.min(data.length - 24, 4096);
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
                return new int[] {(int) (xsiz - xo), (int) (ysiz - yo)};
            }
        }
        return null;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
    }
}
