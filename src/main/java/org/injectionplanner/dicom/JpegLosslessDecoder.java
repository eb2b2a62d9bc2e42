package org.injectionplanner.dicom;

import java.io.IOException;
import java.util.Arrays;

/**
 * Decodes a JPEG Lossless (Process 14, ITU-T T.81 Annex H) stream whose entropy-coded data ends early,
 * exactly as the IJG libjpeg with the lossless extension (the one dcmtk builds on) does when its source
 * runs dry: the row in which the data runs out is finished with zero bits (prediction continues), and
 * every row after it holds the mid-grey value 2^(P − 1) (libjpeg resets the predictor for each row it
 * cannot read). The complete streams of DICOM files are read by {@link ImageIoCodecs}; this decoder is
 * for the truncated ones, which that reader refuses.
 *
 * <p>Supported: one scan holding every component, sampling factors 1 × 1, predictors 1–7, any point
 * transform, precision 2–16, no restart interval (what DICOM encoders write).
 */
final class JpegLosslessDecoder {

    /**
     * The decoded frame and where its data ran out.
     *
     * @param decoded the samples, as {@link ImageIoCodecs} gives them
     * @param firstMissingRow the row (from 0) in which the entropy-coded data ran out; {@code height}
     *     when it sufficed
     */
    record Result(ImageIoCodecs.Decoded decoded, int firstMissingRow) {
    }

    private final byte[] data;
    private int pos;
    private int precision;
    private int height;
    private int width;
    private int components;
    private final int[][] tableBits = new int[4][];
    private final int[][] tableValues = new int[4][];
    private int[] componentTable;
    private int predictor;
    private int pointTransform;

    private JpegLosslessDecoder(byte[] data) {
        this.data = data;
    }

    /** True if the stream has no end-of-image marker at its end (DICOM may pad it with one 0 byte). */
    static boolean isTruncated(byte[] stream) {
        int end = stream.length;
        if (end > 0 && stream[end - 1] == 0) {
            end--;
        }
        return end < 2 || (stream[end - 2] & 0xFF) != 0xFF || (stream[end - 1] & 0xFF) != 0xD9;
    }

    /** Decodes the stream; IOException names what it cannot decode. */
    static Result decode(byte[] stream) throws IOException {
        return new JpegLosslessDecoder(stream).run();
    }

    private Result run() throws IOException {
        readHeaders();
        Huffman[] tables = new Huffman[components];
        for (int c = 0; c < components; c++) {
            int t = componentTable[c];
            if (tableBits[t] == null) {
                throw new IOException("the JPEG Lossless scan uses Huffman table " + t + ", which is not defined");
            }
            tables[c] = new Huffman(tableBits[t], tableValues[t]);
        }
        BitReader bits = new BitReader(data, pos);
        int stride = width * components;
        int[] previous = new int[stride];
        int[] current = new int[stride];
        // the samples as libjpeg stores them: 8-bit in bytes, wider ones in 16 bits
        byte[] bytes = precision <= 8 ? new byte[height * stride] : null;
        short[] shorts = precision <= 8 ? null : new short[height * stride];
        int firstMissingRow = height;
        int initial = 1 << (precision - pointTransform - 1);
        for (int y = 0; y < height; y++) {
            if (bits.insufficient) {
                // libjpeg: zero differences and a predictor reset for every row it cannot read
                Arrays.fill(current, initial);
            } else {
                decodeRow(bits, tables, y == 0, initial, previous, current);
                if (bits.insufficient) {
                    firstMissingRow = y;
                }
            }
            for (int i = 0; i < stride; i++) {
                int value = current[i] << pointTransform;
                if (bytes != null) {
                    bytes[y * stride + i] = (byte) value;
                } else {
                    shorts[y * stride + i] = (short) value;
                }
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        Object samples = bytes != null ? bytes : shorts;
        return new Result(new ImageIoCodecs.Decoded(width, height, components, samples), firstMissingRow);
    }

    /** Decodes one row of every component into {@code current}, predicting from {@code previous}. */
    private void decodeRow(BitReader bits, Huffman[] tables, boolean firstRow, int initial, int[] previous,
            int[] current) {
        for (int x = 0; x < width; x++) {
            for (int c = 0; c < components; c++) {
                int diff = tables[c].decodeDifference(bits);
                int i = x * components + c;
                int prediction;
                if (firstRow) {
                    prediction = x == 0 ? initial : current[i - components];
                } else if (x == 0) {
                    prediction = previous[i];
                } else {
                    prediction = predict(current[i - components], previous[i], previous[i - components]);
                }
                current[i] = (prediction + diff) & 0xFFFF;
            }
        }
    }

    /** The predictors of T.81 Table H.1 (Ra left, Rb above, Rc above left), as libjpeg computes them. */
    private int predict(int ra, int rb, int rc) {
        return switch (predictor) {
            case 1 -> ra;
            case 2 -> rb;
            case 3 -> rc;
            case 4 -> ra + rb - rc;
            case 5 -> ra + ((rb - rc) >> 1);
            case 6 -> rb + ((ra - rc) >> 1);
            default -> (ra + rb) >> 1;
        };
    }

    private void readHeaders() throws IOException {
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            throw new IOException("no JPEG start-of-image marker");
        }
        pos = 2;
        boolean frame = false;
        while (true) {
            while (pos < data.length && (data[pos] & 0xFF) == 0xFF && pos + 1 < data.length
                    && (data[pos + 1] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos + 4 > data.length || (data[pos] & 0xFF) != 0xFF) {
                throw new IOException("the JPEG stream ends or is damaged before its scan, at byte " + pos);
            }
            int marker = data[pos + 1] & 0xFF;
            int length = u16(pos + 2);
            int body = pos + 4;
            if (length < 2 || body + length - 2 > data.length) {
                throw new IOException("JPEG marker segment FF" + Integer.toHexString(marker).toUpperCase()
                        + " at byte " + pos + " runs past the end of the stream");
            }
            switch (marker) {
                case 0xC3 -> {
                    readFrame(body);
                    frame = true;
                }
                case 0xC4 -> readTables(body, body + length - 2);
                case 0xDD -> {
                    if (u16(body) != 0) {
                        throw new IOException("a truncated JPEG Lossless stream with restart markers cannot be read");
                    }
                }
                case 0xDA -> {
                    if (!frame) {
                        throw new IOException("the JPEG scan comes before a lossless start-of-frame (SOF3)");
                    }
                    readScan(body);
                    pos = body + length - 2;
                    return;
                }
                default -> {
                    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC8 && marker != 0xCC) {
                        throw new IOException("not a JPEG Lossless (SOF3) stream: start-of-frame FF"
                                + Integer.toHexString(marker).toUpperCase());
                    }
                }
            }
            pos = body + length - 2;
        }
    }

    private void readFrame(int at) throws IOException {
        precision = data[at] & 0xFF;
        height = u16(at + 1);
        width = u16(at + 3);
        components = data[at + 5] & 0xFF;
        if (precision < 2 || precision > 16 || height == 0 || width == 0 || components < 1 || components > 4) {
            throw new IOException("unsupported JPEG Lossless frame: precision " + precision + ", " + width + " × "
                    + height + ", " + components + " components");
        }
        for (int c = 0; c < components; c++) {
            int sampling = data[at + 6 + 3 * c + 1] & 0xFF;
            if (sampling != 0x11) {
                throw new IOException("JPEG Lossless component " + (c + 1) + " is subsampled, which a truncated"
                        + " stream cannot be read with");
            }
        }
    }

    private void readTables(int at, int end) throws IOException {
        while (at < end) {
            int id = data[at] & 0x0F;
            int[] bits = new int[17];
            int total = 0;
            for (int l = 1; l <= 16; l++) {
                bits[l] = data[at + l] & 0xFF;
                total += bits[l];
            }
            if (id > 3 || total > 256 || at + 17 + total > end) {
                throw new IOException("damaged JPEG Huffman table at byte " + at);
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = data[at + 17 + i] & 0xFF;
            }
            tableBits[id] = bits;
            tableValues[id] = values;
            at += 17 + total;
        }
    }

    private void readScan(int at) throws IOException {
        int count = data[at] & 0xFF;
        if (count != components) {
            throw new IOException("the JPEG Lossless scan holds " + count + " of " + components
                    + " components; a truncated stream is read only from one scan of all");
        }
        componentTable = new int[count];
        for (int c = 0; c < count; c++) {
            componentTable[c] = (data[at + 2 + 2 * c] & 0xFF) >> 4;
        }
        int end = at + 1 + 2 * count;
        predictor = data[end] & 0xFF;
        pointTransform = data[end + 2] & 0x0F;
        if (predictor < 1 || predictor > 7 || pointTransform >= precision) {
            throw new IOException("unsupported JPEG Lossless scan: predictor " + predictor + ", point transform "
                    + pointTransform);
        }
    }

    private int u16(int at) {
        return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
    }

    /**
     * Entropy-coded bits, as libjpeg reads them: FF 00 is a data byte FF, fill bytes FF are skipped, and a
     * marker or the end of the stream ends the data; bits needed beyond it are zeros and set
     * {@link #insufficient}.
     */
    private static final class BitReader {
        private final byte[] data;
        private int pos;
        private int current;
        private int left;
        private boolean ended;
        boolean insufficient;

        BitReader(byte[] data, int pos) {
            this.data = data;
            this.pos = pos;
        }

        int bit() {
            if (left == 0) {
                current = nextByte();
                left = 8;
            }
            left--;
            return current >> left & 1;
        }

        int bits(int n) {
            int v = 0;
            for (int i = 0; i < n; i++) {
                v = v << 1 | bit();
            }
            return v;
        }

        private int nextByte() {
            if (!ended && pos < data.length) {
                int b = data[pos] & 0xFF;
                if (b != 0xFF) {
                    pos++;
                    return b;
                }
                int at = pos + 1;
                while (at < data.length && (data[at] & 0xFF) == 0xFF) {
                    at++;
                }
                if (at < data.length && data[at] == 0) {
                    pos = at + 1;
                    return 0xFF;
                }
                ended = true;
            }
            ended = true;
            insufficient = true;
            return 0;
        }
    }

    /** A Huffman table of sample-difference categories (T.81 Annex C), decoded bit by bit. */
    private static final class Huffman {
        private final int[] maxCode = new int[18];
        private final int[] valueOffset = new int[17];
        private final int[] values;

        Huffman(int[] bits, int[] values) {
            this.values = values;
            int code = 0;
            int k = 0;
            for (int l = 1; l <= 16; l++) {
                valueOffset[l] = k - code;
                code += bits[l];
                k += bits[l];
                maxCode[l] = bits[l] == 0 ? -1 : code - 1;
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }

        /** The next sample difference: a category, then that many bits (T.81 H.1.2.2, F.2.2.1). */
        int decodeDifference(BitReader in) {
            int code = 0;
            int l = 1;
            for (; l <= 16; l++) {
                code = code << 1 | in.bit();
                if (code <= maxCode[l]) {
                    break;
                }
            }
            if (l > 16) {
                return 0; // libjpeg: a code longer than 16 bits is corrupt data, read as difference 0
            }
            int s = values[valueOffset[l] + code];
            if (s == 0) {
                return 0;
            }
            if (s >= 16) {
                return 32768;
            }
            int r = in.bits(s);
            return r < 1 << (s - 1) ? r - (1 << s) + 1 : r;
        }
    }
}
