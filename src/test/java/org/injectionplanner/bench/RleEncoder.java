package org.injectionplanner.bench;

import java.io.ByteArrayOutputStream;

/**
 * A minimal RLE Lossless encoder (PS3.5 Annex G) for 8-bit frames, to make benchmark input: one
 * PackBits segment per sample plane, each row coded on its own, segments padded to even length.
 */
public final class RleEncoder {

    private RleEncoder() {
    }

    /**
     * Encodes one frame.
     *
     * @param interleaved the samples, pixel-interleaved ({@code samples} bytes per pixel)
     * @param rows height in pixels
     * @param columns width in pixels
     * @param samples samples per pixel (1 or 3)
     * @return the frame as RLE Lossless: 64-byte header, then the segments
     */
    public static byte[] encode(byte[] interleaved, int rows, int columns, int samples) {
        byte[][] segments = new byte[samples][];
        byte[] row = new byte[columns];
        for (int s = 0; s < samples; s++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    row[x] = interleaved[(y * columns + x) * samples + s];
                }
                packBits(row, out);
            }
            if ((out.size() & 1) == 1) {
                out.write(0);
            }
            segments[s] = out.toByteArray();
        }
        byte[] frame = new byte[64 + totalLength(segments)];
        putInt(frame, 0, samples);
        int offset = 64;
        for (int s = 0; s < samples; s++) {
            putInt(frame, 4 + 4 * s, offset);
            System.arraycopy(segments[s], 0, frame, offset, segments[s].length);
            offset += segments[s].length;
        }
        return frame;
    }

    private static int totalLength(byte[][] segments) {
        int total = 0;
        for (byte[] s : segments) {
            total += s.length;
        }
        return total;
    }

    private static void packBits(byte[] row, ByteArrayOutputStream out) {
        int i = 0;
        while (i < row.length) {
            int run = 1;
            while (i + run < row.length && run < 128 && row[i + run] == row[i]) {
                run++;
            }
            if (run >= 2) {
                out.write(1 - run);
                out.write(row[i]);
                i += run;
                continue;
            }
            int start = i;
            while (i < row.length && i - start < 128
                    && (i + 1 >= row.length || row[i + 1] != row[i])) {
                i++;
            }
            if (i == start) {
                i++;
            }
            out.write(i - start - 1);
            out.write(row, start, i - start);
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
