package org.injectionplanner.dicom;

/**
 * What the markers before the first scan of a JPEG stream say: frame type, precision, components and
 * the colour-transform hints (JFIF APP0, Adobe APP14 transform, component identifiers, ICC profile),
 * read as libjpeg reads them.
 *
 * @param sofMarker the start-of-frame marker (0xC0..0xCF), or -1 if none was found
 * @param precision sample precision in bits
 * @param height lines in the frame (0 if not found)
 * @param width samples per line (0 if not found)
 * @param components number of components
 * @param componentIds component identifiers in frame order
 * @param jfif true if a JFIF APP0 segment is present
 * @param adobeTransform the Adobe APP14 transform flag, or -1 if there is no Adobe segment
 * @param iccProfile true if an APP2 segment holds (part of) an ICC profile
 */
record JpegHeader(int sofMarker, int precision, int height, int width, int components, int[] componentIds, boolean jfif,
        int adobeTransform, boolean iccProfile) {

    /**
     * Scans markers from SOI up to the first SOS; the first start-of-frame marker gives the frame
     * parameters. As in libjpeg, bytes between markers are skipped, a JFIF APP0 needs 14 bytes of data
     * and an Adobe APP14 12. Never throws; missing parts read as -1/0.
     */
    static JpegHeader scan(byte[] data) {
        int sof = -1;
        int precision = 0;
        int height = 0;
        int width = 0;
        int components = 0;
        int[] ids = new int[0];
        boolean jfif = false;
        int adobe = -1;
        boolean icc = false;
        int i = 2;
        while (i + 4 <= data.length) {
            if ((data[i] & 0xFF) != 0xFF) {
                i++;
                continue;
            }
            int marker = data[i + 1] & 0xFF;
            if (marker == 0xFF || marker == 0x00) {
                i += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                i += 2;
                continue;
            }
            int len = (data[i + 2] & 0xFF) << 8 | (data[i + 3] & 0xFF);
            int body = i + 4;
            if (marker == 0xDA || marker == 0xD9 || len < 2) {
                break;
            }
            if (marker == 0xE0 && len >= 2 + 14 && startsWith(data, body, "JFIF\0")) {
                jfif = true;
            } else if (marker == 0xEE && len >= 2 + 12 && body + 12 <= data.length && startsWith(data, body, "Adobe")) {
                adobe = data[body + 11] & 0xFF;
            } else if (marker == 0xE2 && startsWith(data, body, "ICC_PROFILE\0")) {
                icc = true;
            } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC && body + 6 <= data.length && sof < 0) {
                // the first SOF counts, as for the decoders (a second one is an error for them)
                sof = marker;
                precision = data[body] & 0xFF;
                height = (data[body + 1] & 0xFF) << 8 | (data[body + 2] & 0xFF);
                width = (data[body + 3] & 0xFF) << 8 | (data[body + 4] & 0xFF);
                components = data[body + 5] & 0xFF;
                ids = new int[components];
                for (int c = 0; c < components && body + 6 + 3 * c < data.length; c++) {
                    ids[c] = data[body + 6 + 3 * c] & 0xFF;
                }
            }
            i += 2 + len;
        }
        return new JpegHeader(sof, precision, height, width, components, ids, jfif, adobe, icc);
    }

    private static boolean startsWith(byte[] data, int at, String signature) {
        if (at + signature.length() > data.length) {
            return false;
        }
        for (int k = 0; k < signature.length(); k++) {
            if (data[at + k] != signature.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** True for lossless processes (SOF3, SOF7, SOF11, SOF15). */
    boolean isLossless() {
        return sofMarker == 0xC3 || sofMarker == 0xC7 || sofMarker == 0xCB || sofMarker == 0xCF;
    }

    /**
     * True if a 3-component stream labelled RGB actually holds YCbCr: it has a JFIF APP0, or
     * component IDs 1, 2, 3 without an Adobe transform 0 marker (docs/dicom.md §2.3).
     */
    boolean looksLikeYcbcr() {
        if (components != 3 || isLossless()) {
            return false;
        }
        if (adobeTransform == 0) {
            return false;
        }
        if (adobeTransform == 1 || jfif) {
            return true;
        }
        return componentIds.length == 3 && componentIds[0] == 1 && componentIds[1] == 2
                && componentIds[2] == 3;
    }

    /**
     * True if the JDK's JPEG reader takes this lossy 8-bit stream for YCbCr and has libjpeg convert it
     * to sRGB without a colour profile of its own: three components with an Adobe transform 1, or with
     * no Adobe segment and a JFIF APP0 or component IDs 1, 2, 3 (both libjpeg's and the JDK's rules);
     * no ICC profile, which the JDK would apply on top.
     */
    boolean readAsYcbcrByTheJdk() {
        // where an Adobe segment is present the JDK follows its transform alone
        return looksLikeYcbcr() && precision == 8 && !iccProfile && (adobeTransform < 0 || adobeTransform == 1);
    }
}
