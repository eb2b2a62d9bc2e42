package org.injectionplanner.dicom;

/**
 * RLE Lossless (PS3.5 Annex G): a 64-byte header of 16 little-endian ULs (segment count, then segment
 * offsets), then PackBits-coded byte planes, most significant byte first for each sample.
 */
final class RleDecoder {

    private RleDecoder() {
    }

    /**
     * Decodes one frame into colour-by-plane order: for each sample, its bytes for all pixels, each
     * value little endian when {@code bytesPerSample} is 2.
     *
     * @param data the frame's fragments joined
     * @param pixels rows × columns
     * @param samples samples per pixel
     * @param bytesPerSample 1 or 2
     * @param fail builds the exception for a malformed frame
     */
    static byte[] decode(byte[] data, int pixels, int samples, int bytesPerSample,
            java.util.function.Function<String, DicomException> fail) throws DicomException {
        if (data.length < 64) {
            throw fail.apply("RLE frame shorter than its 64-byte header");
        }
        int segments = readInt(data, 0);
        int expected = samples * bytesPerSample;
        if (segments != expected) {
            throw fail.apply("RLE frame has " + segments + " segments, expected " + expected);
        }
        for (int s = 0; s < segments; s++) {
            long start = readInt(data, 4 + 4 * s) & 0xFFFFFFFFL;
            long end = s + 1 < segments ? readInt(data, 8 + 4 * s) & 0xFFFFFFFFL : data.length;
            if (start < 64 || start > data.length || end < start || end > data.length) {
                throw fail.apply("RLE segment " + (s + 1) + " offset " + start + " outside the frame");
            }
            // a replicate run turns 2 bytes into at most 128: a shorter segment cannot fill its plane
            if (pixels > 64 * (end - start) + 64) {
                throw fail.apply("RLE segment " + (s + 1) + " holds " + (end - start) + " bytes, too few for "
                        + pixels + " pixels");
            }
        }
        byte[] out = new byte[pixels * expected];
        for (int s = 0; s < segments; s++) {
            long start = readInt(data, 4 + 4 * s) & 0xFFFFFFFFL;
            long end = s + 1 < segments ? readInt(data, 8 + 4 * s) & 0xFFFFFFFFL : data.length;
            int sample = s / bytesPerSample;
            int byteInSample = s % bytesPerSample;
            // most significant byte first; stored little endian in the output
            int outByte = bytesPerSample - 1 - byteInSample;
            int base = sample * pixels * bytesPerSample;
            unpackBits(data, (int) start, (int) end, out, base + outByte, bytesPerSample, pixels);
        }
        return out;
    }

    private static void unpackBits(byte[] in, int pos, int end, byte[] out, int outStart, int stride,
            int count) {
        int n = 0;
        int o = outStart;
        while (pos < end && n < count) {
            int control = in[pos++];
            if (control >= 0) {
                int len = Math.min(control + 1, Math.min(end - pos, count - n));
                for (int i = 0; i < len; i++) {
                    out[o] = in[pos++];
                    o += stride;
                }
                n += len;
            } else if (control != -128) {
                if (pos >= end) {
                    break;
                }
                byte value = in[pos++];
                int len = Math.min(1 - control, count - n);
                for (int i = 0; i < len; i++) {
                    out[o] = value;
                    o += stride;
                }
                n += len;
            }
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
