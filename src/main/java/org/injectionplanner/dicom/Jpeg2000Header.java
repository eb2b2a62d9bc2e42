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
 * @param tiles number of tiles the SIZ marker's tiling makes (Long.MAX_VALUE if a tile size is 0)
 */
record Jpeg2000Header(int width, int height, int components, int precision, boolean signed, long tiles) {

    /** Most tiles a codestream may have (tile indices are 16-bit, 0..65534). */
    static final int MAX_TILES = 65535;

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
                        (ssiz & 0x80) != 0, tiles(tiles(xsiz, u32(data, p + 16), u32(data, p + 24)),
                                tiles(ysiz, u32(data, p + 20), u32(data, p + 28))));
            }
        }
        return null;
    }

    /**
     * The offset of the first 0xFF 0xFF byte pair in the packet data of a codestream (the bitstream
     * after each SOD marker, and packed packet headers in PPM and PPT marker segments), or -1 if there
     * is none or the marker structure cannot be followed. A valid codestream never has one there (bit
     * stuffing keeps 0xFF from being followed by 0x90 or more), and JJ2000's packet header reader loops
     * forever on one, so such a codestream must not reach it.
     */
    static int packetDataDefect(byte[] data) {
        int pos = -1;
        for (int i = 0; i + 4 <= Math.min(data.length, 4096); i++) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0x4F && (data[i + 2] & 0xFF) == 0xFF
                    && (data[i + 3] & 0xFF) == 0x51) {
                pos = i + 2;
                break;
            }
        }
        if (pos < 0) {
            return -1;
        }
        int end = data.length;
        while (pos + 4 <= end && u16(data, pos) != 0xFF90) {
            int segmentEnd = pos + 2 + u16(data, pos + 2);
            if ((u16(data, pos) & 0xFF00) != 0xFF00 || segmentEnd > end) {
                return -1;
            }
            if (u16(data, pos) == 0xFF60) {
                int at = doubleFf(data, pos + 4, segmentEnd);
                if (at >= 0) {
                    return at;
                }
            }
            pos = segmentEnd;
        }
        while (pos + 12 <= end && u16(data, pos) == 0xFF90) {
            long length = u32(data, pos + 6);
            int tilePartEnd = length == 0 || pos + length > end ? end : (int) (pos + length);
            int p = pos + 2 + u16(data, pos + 2);
            while (p + 4 <= tilePartEnd && u16(data, p) != 0xFF93) {
                int segmentEnd = p + 2 + u16(data, p + 2);
                if ((u16(data, p) & 0xFF00) != 0xFF00 || segmentEnd > tilePartEnd) {
                    return -1;
                }
                if (u16(data, p) == 0xFF61) {
                    int at = doubleFf(data, p + 4, segmentEnd);
                    if (at >= 0) {
                        return at;
                    }
                }
                p = segmentEnd;
            }
            int at = doubleFf(data, p + 2, tilePartEnd);
            if (at >= 0 || tilePartEnd == end) {
                return at;
            }
            pos = tilePartEnd;
        }
        return -1;
    }

    /** The JP2 signature box (ISO/IEC 15444-1 §I.5.1) that starts a JP2 file, as opposed to a bare codestream. */
    private static final byte[] JP2_SIGNATURE = {0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, (byte) 0x87, 0x0A};

    /**
     * Why the boxes of a JP2 file do not fit in its bytes (ISO/IEC 15444-1 §I.4: each box's LBox, or XLBox when
     * LBox is 1, counts its header; 0 means "to the end"), or null for a JP2 file whose boxes fit and for a bare
     * codestream. A box claiming more bytes than remain would make a JP2 reader allocate that much.
     */
    static String jp2BoxProblem(byte[] data) {
        if (data.length < JP2_SIGNATURE.length
                || !java.util.Arrays.equals(data, 0, JP2_SIGNATURE.length, JP2_SIGNATURE, 0, JP2_SIGNATURE.length)) {
            return null;
        }
        long pos = 0;
        while (pos < data.length) {
            if (data.length - pos < 8) {
                return null; // too short for a box header: the fragment's padding to an even length
            }
            long length = u32(data, (int) pos);
            int header = 8;
            if (length == 1) {
                if (data.length - pos < 16) {
                    return "the JP2 box at byte " + pos + " is cut off in its extended length";
                }
                long high = u32(data, (int) pos + 8);
                length = high > Integer.MAX_VALUE ? Long.MAX_VALUE : high << 32 | u32(data, (int) pos + 12);
                header = 16;
            } else if (length == 0) {
                return null;
            }
            if (length < header || length > data.length - pos) {
                return "the JP2 box at byte " + pos + " claims " + length + " bytes but " + (data.length - pos)
                        + " remain";
            }
            pos += length;
        }
        return null;
    }

    private static int doubleFf(byte[] data, int from, int to) {
        for (int i = Math.max(0, from); i + 1 < to; i++) {
            if (data[i] == (byte) 0xFF && data[i + 1] == (byte) 0xFF) {
                return i;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    /** Tiles along one axis: ceil((size - tile offset) / tile size), Long.MAX_VALUE if invalid. */
    private static long tiles(long size, long tileSize, long tileOffset) {
        if (tileSize == 0 || tileOffset > size) {
            return Long.MAX_VALUE;
        }
        return (size - tileOffset + tileSize - 1) / tileSize;
    }

    /** Tiles across times tiles down, Long.MAX_VALUE if either exceeds {@link #MAX_TILES}. */
    private static long tiles(long across, long down) {
        return across > MAX_TILES || down > MAX_TILES ? Long.MAX_VALUE : across * down;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
    }
}
