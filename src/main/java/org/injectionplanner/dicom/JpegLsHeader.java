package org.injectionplanner.dicom;

/**
 * The frame and coding parameters of a JPEG-LS stream (ITU-T T.87 | ISO/IEC 14495-1): the SOF55
 * frame header, the LSE preset coding parameters (MAXVAL, thresholds T1–T3, RESET; 0 means the
 * default of C.2.4.1.1), the restart interval (DRI) and the HP colour transform that CharLS records
 * in an APP8 "mrfx" segment. Marker segments are read in stream order; a segment that comes between
 * scans updates the parameters of the scans after it.
 */
final class JpegLsHeader {

    static final int SOI = 0xD8;
    static final int EOI = 0xD9;
    static final int SOS = 0xDA;
    static final int DRI = 0xDD;
    static final int SOF55 = 0xF7;
    static final int LSE = 0xF8;

    /** A malformed or unsupported stream; {@code position} is the byte offset into the stream. */
    static final class Malformed extends Exception {
        final int position;

        Malformed(String message, int position) {
            super(message);
            this.position = position;
        }
    }

    /** Sample precision P in bits, 2..16. */
    int precision;
    /** Lines Y and samples per line X. */
    int height;
    int width;
    /** Component identifiers in frame order. */
    int[] componentIds = new int[0];
    /** Preset coding parameters as signalled (0: default). */
    int maxVal;
    int t1;
    int t2;
    int t3;
    int reset;
    /** Lines (MCU rows) between restart markers, 0 for none. */
    int restartInterval;
    /** CharLS colour transform: 0 none, 1 HP1, 2 HP2, 3 HP3. */
    int colourTransform;
    /** Offset of the first SOS marker. */
    int firstScan = -1;

    int components() {
        return componentIds.length;
    }

    /**
     * Reads the markers from SOI up to the first SOS.
     *
     * @throws Malformed if there is no SOI, no SOF55 before the first scan, or a segment is invalid
     */
    static JpegLsHeader read(byte[] data) throws Malformed {
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != SOI) {
            throw new Malformed("the JPEG-LS stream does not start with an SOI marker", 0);
        }
        JpegLsHeader h = new JpegLsHeader();
        int at = 2;
        while (true) {
            int marker = markerAt(data, at);
            int code = data[marker + 1] & 0xFF;
            if (code == SOS) {
                if (h.precision == 0) {
                    throw new Malformed("start of scan before the JPEG-LS frame header (SOF55)", marker);
                }
                h.firstScan = marker;
                return h;
            }
            if (code == EOI) {
                throw new Malformed("the JPEG-LS stream ends (EOI) before its first scan", marker);
            }
            if (code == SOF55) {
                if (h.precision != 0) {
                    throw new Malformed("a second JPEG-LS frame header (SOF55)", marker);
                }
                h.readFrame(data, marker);
            } else if (code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC) {
                throw new Malformed(String.format("start-of-frame marker FF%02X is not JPEG-LS (FFF7)", code),
                        marker);
            } else {
                h.readSegment(data, marker);
            }
            at = marker + 2 + segmentLength(data, marker);
        }
    }

    /**
     * Finds the marker at or after {@code at}: fill bytes FF before the code are skipped, anything
     * else is an error.
     *
     * @return the offset of the marker's last FF byte
     */
    static int markerAt(byte[] data, int at) throws Malformed {
        if (at >= data.length || (data[at] & 0xFF) != 0xFF) {
            throw new Malformed(at >= data.length ? "the JPEG-LS stream ends without an EOI marker"
                    : String.format("marker expected, found byte %02X", data[at] & 0xFF), Math.min(at, data.length));
        }
        while (at + 1 < data.length && (data[at + 1] & 0xFF) == 0xFF) {
            at++;
        }
        if (at + 1 >= data.length) {
            throw new Malformed("the JPEG-LS stream ends inside a marker", at);
        }
        return at;
    }

    /** The length field of the segment of the marker at {@code marker}, checked against the stream. */
    static int segmentLength(byte[] data, int marker) throws Malformed {
        if (marker + 4 > data.length) {
            throw new Malformed("the JPEG-LS stream ends inside a marker segment", marker);
        }
        int length = u16(data, marker + 2);
        if (length < 2 || marker + 2 + length > data.length) {
            throw new Malformed(String.format("marker segment FF%02X has length %d, %d bytes remain",
                    data[marker + 1] & 0xFF, length, data.length - marker - 2), marker + 2);
        }
        return length;
    }

    private void readFrame(byte[] data, int marker) throws Malformed {
        int length = segmentLength(data, marker);
        int body = marker + 4;
        if (length < 8) {
            throw new Malformed("JPEG-LS frame header (SOF55) too short", marker);
        }
        precision = data[body] & 0xFF;
        height = u16(data, body + 1);
        width = u16(data, body + 3);
        int n = data[body + 5] & 0xFF;
        if (precision < 2 || precision > 16) {
            throw new Malformed("JPEG-LS sample precision " + precision + " bits (2 to 16 are allowed)", body);
        }
        if (height == 0 || width == 0) {
            throw new Malformed("JPEG-LS frame of " + width + " × " + height + " samples (a zero size,"
                    + " defined later by DNL, is not supported)", body + 1);
        }
        if (n < 1 || length != 8 + 3 * n) {
            throw new Malformed("JPEG-LS frame header with " + n + " components has length " + length, body + 5);
        }
        componentIds = new int[n];
        for (int i = 0; i < n; i++) {
            int c = body + 6 + 3 * i;
            componentIds[i] = data[c] & 0xFF;
            for (int j = 0; j < i; j++) {
                if (componentIds[j] == componentIds[i]) {
                    throw new Malformed("JPEG-LS component identifier " + componentIds[i] + " occurs twice", c);
                }
            }
            if ((data[c + 1] & 0xFF) != 0x11) {
                throw new Malformed(String.format("JPEG-LS component %d has sampling factors %02X; only 1×1"
                        + " (no subsampling) is supported", componentIds[i], data[c + 1] & 0xFF), c + 1);
            }
        }
    }

    /** Applies an LSE, DRI or APP8 segment; skips other APPn and COM segments. */
    void readSegment(byte[] data, int marker) throws Malformed {
        int code = data[marker + 1] & 0xFF;
        int length = segmentLength(data, marker);
        int body = marker + 4;
        if (code == LSE) {
            readPresets(data, body, length);
        } else if (code == DRI) {
            if (length < 4 || length > 6) {
                throw new Malformed("restart interval segment (DRI) of length " + length, marker + 2);
            }
            long interval = 0;
            for (int i = body; i < marker + 2 + length; i++) {
                interval = interval << 8 | (data[i] & 0xFF);
            }
            restartInterval = (int) Math.min(Integer.MAX_VALUE, interval);
        } else if (code == 0xE8 && length == 7 && data[body] == 'm' && data[body + 1] == 'r'
                && data[body + 2] == 'f' && data[body + 3] == 'x') {
            colourTransform = data[body + 4] & 0xFF;
            if (colourTransform > 3) {
                throw new Malformed("JPEG-LS colour transform " + colourTransform + " is not supported (only"
                        + " none and HP1 to HP3)", body + 4);
            }
        } else if (!(code >= 0xE0 && code <= 0xEF) && code != 0xFE) {
            throw new Malformed(String.format("unexpected marker FF%02X in a JPEG-LS stream", code), marker);
        }
    }

    private void readPresets(byte[] data, int body, int length) throws Malformed {
        if (length < 3) {
            throw new Malformed("JPEG-LS preset parameters segment (LSE) too short", body - 2);
        }
        int id = data[body] & 0xFF;
        switch (id) {
            case 1 -> {
                if (length != 13) {
                    throw new Malformed("JPEG-LS preset coding parameters (LSE 1) of length " + length
                            + " (13 expected)", body - 2);
                }
                maxVal = u16(data, body + 1);
                t1 = u16(data, body + 3);
                t2 = u16(data, body + 5);
                t3 = u16(data, body + 7);
                reset = u16(data, body + 9);
            }
            case 2, 3 -> throw new Malformed("JPEG-LS mapping tables (LSE " + id + ") are not supported (DICOM"
                    + " keeps palettes in the data set, not in the JPEG-LS stream)", body);
            case 4 -> throw new Malformed("JPEG-LS oversize image dimensions (LSE 4) are not supported", body);
            default -> throw new Malformed("JPEG-LS preset parameters of unknown type " + id
                    + " (JPEG-LS part 2 extensions are not supported)", body);
        }
    }

    static int u16(byte[] data, int at) {
        return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
    }
}
