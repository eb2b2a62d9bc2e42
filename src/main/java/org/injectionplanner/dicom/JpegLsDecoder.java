package org.injectionplanner.dicom;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decodes JPEG-LS (ITU-T T.87 | ISO/IEC 14495-1, Annex A), lossless and near-lossless: context
 * modelling with the median edge detector, bias correction and limited-length Golomb codes in regular
 * mode, run mode with run interruption samples, the three interleave modes (none, line, sample),
 * 2 to 16 bits per sample, restart intervals, the LSE preset coding parameters and CharLS's HP1–HP3
 * colour transforms. Samples are predicted from their neighbours a (left), b (above), c (above left)
 * and d (above right); each line is held with one extra sample at either end for the edges (A.2.1).
 * Instances are single-use and not thread-safe; {@link #decode} makes one per stream.
 */
final class JpegLsDecoder {

    /**
     * A decoded image: samples row by row, the components of a pixel together (R, G, B for colour),
     * in {@code bytes} when precision ≤ 8, else in {@code words} (unsigned 16-bit).
     */
    record Image(int width, int height, int components, int precision, byte[] bytes, short[] words) {
    }

    /** Run-length order of each run index (A.7.1.1, J[0..31]). */
    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10,
        11, 12, 13, 14, 15};
    private static final int CONTEXTS = 365;
    /** Golomb parameters beyond this only come from damaged data (16-bit errors need at most 17). */
    private static final int MAX_K = 24;
    /** A and |B| beyond this only come from damaged data; keeps the sums far from overflow. */
    private static final int MAX_ACCUMULATED = 1 << 24;
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);
    /**
     * Golomb codes of at most 8 bits by parameter k (0..7) and the next 8 bits: the mapped error
     * value shifted left by 8 plus the code's length, or 0 when the code is longer. Such codes never
     * reach the escape, whose unary part is at least LIMIT − qbpp − 1 ≥ 17 bits.
     */
    private static final int[] SHORT_CODES = shortCodes();
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final byte[] data;
    private final JpegLsHeader header;
    private final int width;
    private final int height;
    private final int components;
    private final byte[] outBytes;
    private final short[] outWords;

    // parameters of the current scan (C.2.4)
    private int near;
    private int maxVal;
    private int range;
    private int qbpp;
    private int limit;
    private int reset;
    private byte[] quantize;

    // context variables (A.2.1): A, B, C, N of the 365 regular contexts side by side, 4 ints each;
    // then those of the two run interruption contexts
    private final int[] ctx = new int[4 * CONTEXTS];
    private final int[] runA = new int[2];
    private final int[] runN = new int[2];
    private final int[] runNn = new int[2];
    private int runIndex;

    // bit reader: the unread bits left-aligned in cache; bytes after an FF give 7 bits (A.1)
    private int pos;
    private long cache;
    private int bits;
    private boolean afterFf;

    private JpegLsDecoder(byte[] data, JpegLsHeader header) {
        this.data = data;
        this.header = header;
        this.width = header.width;
        this.height = header.height;
        this.components = header.components();
        long samples = (long) width * height * components;
        this.outBytes = header.precision <= 8 ? new byte[(int) samples] : null;
        this.outWords = header.precision <= 8 ? null : new short[(int) samples];
    }

    /**
     * Decodes a whole JPEG-LS stream.
     *
     * @param header the stream's header as read by {@link JpegLsHeader#read}
     * @throws JpegLsHeader.Malformed naming the problem and its byte offset in the stream
     */
    static Image decode(byte[] data, JpegLsHeader header) throws JpegLsHeader.Malformed {
        JpegLsDecoder d = new JpegLsDecoder(data, header);
        d.decodeScans();
        return new Image(d.width, d.height, d.components, header.precision, d.outBytes, d.outWords);
    }

    private void decodeScans() throws JpegLsHeader.Malformed {
        boolean[] decoded = new boolean[components];
        int remaining = components;
        int marker = header.firstScan;
        while (true) {
            int code = data[marker + 1] & 0xFF;
            if (code == JpegLsHeader.EOI) {
                if (remaining > 0) {
                    throw new JpegLsHeader.Malformed("the JPEG-LS stream ends after " + (components - remaining)
                            + " of its " + components + " components", marker);
                }
                break;
            }
            if (code == JpegLsHeader.SOS) {
                if (remaining == 0) {
                    throw new JpegLsHeader.Malformed("a JPEG-LS scan after all components were decoded", marker);
                }
                remaining -= decodeScan(marker, decoded);
                marker = JpegLsHeader.markerAt(data, endOfScanData());
            } else if (code == JpegLsHeader.SOF55 || (code >= 0xD0 && code <= 0xD7)) {
                throw new JpegLsHeader.Malformed(String.format("marker FF%02X between JPEG-LS scans", code), marker);
            } else {
                header.readSegment(data, marker);
                marker = JpegLsHeader.markerAt(data, marker + 2 + JpegLsHeader.segmentLength(data, marker));
            }
        }
        if (header.colourTransform != 0) {
            inverseColourTransform();
        }
    }

    /** Decodes the scan whose SOS marker is at {@code marker}; returns its number of components. */
    private int decodeScan(int marker, boolean[] decoded) throws JpegLsHeader.Malformed {
        int length = JpegLsHeader.segmentLength(data, marker);
        int body = marker + 4;
        int ns = data[body] & 0xFF;
        if (ns < 1 || length != 6 + 2 * ns) {
            throw new JpegLsHeader.Malformed("JPEG-LS scan header with " + ns + " components has length " + length,
                    body);
        }
        int[] index = new int[ns];
        for (int i = 0; i < ns; i++) {
            int id = data[body + 1 + 2 * i] & 0xFF;
            int c = 0;
            while (c < components && header.componentIds[c] != id) {
                c++;
            }
            if (c == components || decoded[c]) {
                throw new JpegLsHeader.Malformed("JPEG-LS scan names component " + id + ", which the frame "
                        + (c == components ? "does not have" : "already decoded"), body + 1 + 2 * i);
            }
            decoded[c] = true;
            index[i] = c;
            if (data[body + 2 + 2 * i] != 0) {
                throw new JpegLsHeader.Malformed("JPEG-LS mapping tables are not supported (scan component " + id
                        + " names table " + (data[body + 2 + 2 * i] & 0xFF) + ")", body + 2 + 2 * i);
            }
        }
        int nearAt = body + 1 + 2 * ns;
        int interleave = data[nearAt + 1] & 0xFF;
        if (interleave > 2 || (interleave == 0 && ns > 1)) {
            throw new JpegLsHeader.Malformed("JPEG-LS interleave mode " + interleave + " with " + ns
                    + " components in the scan", nearAt + 1);
        }
        if ((data[nearAt + 2] & 0x0F) != 0) {
            throw new JpegLsHeader.Malformed("JPEG-LS point transform " + (data[nearAt + 2] & 0x0F)
                    + " is not supported", nearAt + 2);
        }
        setParameters(data[nearAt] & 0xFF, nearAt);
        resetContexts();
        pos = marker + 2 + length;
        cache = 0;
        bits = 0;
        afterFf = false;
        if (interleave == 2 && ns > 1) {
            decodeSampleInterleaved(index);
        } else {
            decodeLineInterleaved(index);
        }
        return ns;
    }

    /** MAXVAL, RANGE, qbpp, LIMIT, thresholds and RESET for a scan with the given NEAR (C.2.4). */
    private void setParameters(int nearValue, int at) throws JpegLsHeader.Malformed {
        int fullScale = (1 << header.precision) - 1;
        maxVal = header.maxVal != 0 ? header.maxVal : fullScale;
        if (maxVal > fullScale) {
            throw new JpegLsHeader.Malformed("JPEG-LS MAXVAL " + maxVal + " exceeds the " + header.precision
                    + "-bit sample range", at);
        }
        if (maxVal < 1 || nearValue > Math.min(255, maxVal / 2)) {
            throw new JpegLsHeader.Malformed("JPEG-LS NEAR " + nearValue + " is too large for MAXVAL " + maxVal, at);
        }
        near = nearValue;
        range = (maxVal + 2 * near) / (2 * near + 1) + 1;
        qbpp = ceilLog2(range);
        int bpp = Math.max(2, ceilLog2(maxVal + 1));
        limit = 2 * (bpp + Math.max(8, bpp));
        int t1;
        int t2;
        int t3;
        if (maxVal >= 128) {
            int factor = (Math.min(maxVal, 4095) + 128) / 256;
            t1 = clampThreshold(factor * (3 - 2) + 2 + 3 * near, near + 1);
            t2 = clampThreshold(factor * (7 - 3) + 3 + 5 * near, t1);
            t3 = clampThreshold(factor * (21 - 4) + 4 + 7 * near, t2);
        } else {
            int factor = 256 / (maxVal + 1);
            t1 = clampThreshold(Math.max(2, 3 / factor + 3 * near), near + 1);
            t2 = clampThreshold(Math.max(3, 7 / factor + 5 * near), t1);
            t3 = clampThreshold(Math.max(4, 21 / factor + 7 * near), t2);
        }
        t1 = header.t1 != 0 ? header.t1 : t1;
        t2 = header.t2 != 0 ? header.t2 : t2;
        t3 = header.t3 != 0 ? header.t3 : t3;
        if (t1 < near + 1 || t2 < t1 || t3 < t2 || t3 > maxVal) {
            throw new JpegLsHeader.Malformed("JPEG-LS thresholds T1 " + t1 + ", T2 " + t2 + ", T3 " + t3
                    + " are invalid for NEAR " + near + " and MAXVAL " + maxVal, at);
        }
        reset = header.reset != 0 ? header.reset : 64;
        if (reset < 3 || reset > Math.max(255, maxVal)) {
            throw new JpegLsHeader.Malformed("JPEG-LS RESET " + reset + " is out of range", at);
        }
        quantize = new byte[2 * maxVal + 1];
        for (int d = -maxVal; d <= maxVal; d++) {
            int q;
            if (d <= -t3) {
                q = -4;
            } else if (d <= -t2) {
                q = -3;
            } else if (d <= -t1) {
                q = -2;
            } else if (d < -near) {
                q = -1;
            } else if (d <= near) {
                q = 0;
            } else if (d < t1) {
                q = 1;
            } else if (d < t2) {
                q = 2;
            } else if (d < t3) {
                q = 3;
            } else {
                q = 4;
            }
            quantize[d + maxVal] = (byte) q;
        }
    }

    private int clampThreshold(int value, int lower) {
        return value > maxVal || value < lower ? lower : value;
    }

    private static int ceilLog2(int n) {
        return 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    /** Context initialisation (A.2.1), at the start of a scan and after each restart marker. */
    private void resetContexts() {
        int a = Math.max(2, (range + 32) / 64);
        for (int i = 0; i < ctx.length; i += 4) {
            ctx[i] = a;
            ctx[i + 1] = 0;
            ctx[i + 2] = 0;
            ctx[i + 3] = 1;
        }
        Arrays.fill(runA, a);
        Arrays.fill(runN, 1);
        Arrays.fill(runNn, 0);
        runIndex = 0;
    }

    /** Interleave modes none and line: each component's line in turn, each with its own run index. */
    private void decodeLineInterleaved(int[] index) throws JpegLsHeader.Malformed {
        int ns = index.length;
        int[][] previous = new int[ns][width + 2];
        int[][] current = new int[ns][width + 2];
        int[] runIndices = new int[ns];
        int restarts = 0;
        for (int y = 0; y < height; y++) {
            if (header.restartInterval > 0 && y > 0 && y % header.restartInterval == 0) {
                restart(restarts++);
                for (int i = 0; i < ns; i++) {
                    Arrays.fill(previous[i], 0);
                }
                Arrays.fill(runIndices, 0);
            }
            for (int i = 0; i < ns; i++) {
                int[] prev = previous[i];
                int[] cur = current[i];
                prev[width + 1] = prev[width];
                cur[0] = prev[1];
                runIndex = runIndices[i];
                decodeLine(prev, cur);
                runIndices[i] = runIndex;
                store(cur, y, index[i]);
                previous[i] = cur;
                current[i] = prev;
            }
        }
    }

    /** One line of one component (A.3 to A.7). */
    private void decodeLine(int[] prev, int[] cur) throws JpegLsHeader.Malformed {
        byte[] q = quantize;
        int off = maxVal;
        int x = 1;
        int rb = prev[0];
        int rd = prev[1];
        while (x <= width) {
            int ra = cur[x - 1];
            int rc = rb;
            rb = rd;
            rd = prev[x + 1];
            int context = (q[rd - rb + off] * 9 + q[rb - rc + off]) * 9 + q[rc - ra + off];
            if (context != 0) {
                cur[x] = decodeRegular(context, predict(ra, rb, rc));
                x++;
            } else {
                x += decodeRun(x, prev, cur);
                rb = prev[x - 1];
                rd = prev[x];
            }
        }
    }

    /** Interleave mode sample: all components of a pixel in turn, one run index. */
    private void decodeSampleInterleaved(int[] index) throws JpegLsHeader.Malformed {
        int ns = index.length;
        int[][] prev = new int[ns][width + 2];
        int[][] cur = new int[ns][width + 2];
        int[] contexts = new int[ns];
        int off = maxVal;
        int restarts = 0;
        for (int y = 0; y < height; y++) {
            if (header.restartInterval > 0 && y > 0 && y % header.restartInterval == 0) {
                restart(restarts++);
                for (int i = 0; i < ns; i++) {
                    Arrays.fill(prev[i], 0);
                }
            }
            for (int i = 0; i < ns; i++) {
                prev[i][width + 1] = prev[i][width];
                cur[i][0] = prev[i][1];
            }
            int x = 1;
            while (x <= width) {
                boolean run = true;
                for (int i = 0; i < ns; i++) {
                    int[] p = prev[i];
                    int ra = cur[i][x - 1];
                    int rb = p[x];
                    int rc = p[x - 1];
                    contexts[i] = (quantize[p[x + 1] - rb + off] * 9 + quantize[rb - rc + off]) * 9
                            + quantize[rc - ra + off];
                    run &= contexts[i] == 0;
                }
                if (run) {
                    x += decodeSampleInterleavedRun(x, prev, cur);
                } else {
                    for (int i = 0; i < ns; i++) {
                        int[] p = prev[i];
                        cur[i][x] = decodeRegular(contexts[i], predict(cur[i][x - 1], p[x], p[x - 1]));
                    }
                    x++;
                }
            }
            for (int i = 0; i < ns; i++) {
                store(cur[i], y, index[i]);
                int[] t = prev[i];
                prev[i] = cur[i];
                cur[i] = t;
            }
        }
    }

    /** The median edge detector (A.4.1). */
    private static int predict(int ra, int rb, int rc) {
        if (rc >= Math.max(ra, rb)) {
            return Math.min(ra, rb);
        }
        if (rc <= Math.min(ra, rb)) {
            return Math.max(ra, rb);
        }
        return ra + rb - rc;
    }

    /**
     * A regular-mode sample (A.4 to A.6): prediction correction, Golomb decoding of the mapped error,
     * context update with bias correction, reconstruction.
     *
     * @param context the signed context number (A.3.4), not 0
     */
    private int decodeRegular(int context, int predicted) throws JpegLsHeader.Malformed {
        int sign = context >> 31;
        int at = 4 * ((context ^ sign) - sign);
        int[] v = ctx;
        int a = v[at];
        int b = v[at + 1];
        int c = v[at + 2];
        int n = v[at + 3];
        int px = predicted + ((c ^ sign) - sign);
        if (px < 0) {
            px = 0;
        } else if (px > maxVal) {
            px = maxVal;
        }
        int k = golombParameter(n, a);
        int mapped = -1;
        if (k < 8) {
            if (bits < 8) {
                fill();
            }
            int code = bits >= 8 ? SHORT_CODES[k << 8 | (int) (cache >>> 56)] : 0;
            if (code != 0) {
                int length = code & 0xFF;
                cache <<= length;
                bits -= length;
                mapped = code >>> 8;
            }
        }
        if (mapped < 0) {
            mapped = decodeValue(k, limit);
        }
        int error = (mapped >>> 1) ^ -(mapped & 1);
        if (k == 0 && near == 0 && 2 * b + n - 1 < 0) {
            error = ~error;
        }
        // context update (A.6.1) and bias correction (A.6.2)
        a += Math.abs(error);
        b += error * (2 * near + 1);
        if (a >= MAX_ACCUMULATED || Math.abs(b) >= MAX_ACCUMULATED) {
            throw malformed("JPEG-LS prediction errors out of range (damaged scan data)");
        }
        if (n == reset) {
            a >>= 1;
            b >>= 1;
            n >>= 1;
        }
        n++;
        if (b + n <= 0) {
            b += n;
            if (b <= -n) {
                b = -n + 1;
            }
            if (c > -128) {
                c--;
            }
        } else if (b > 0) {
            b -= n;
            if (b > 0) {
                b = 0;
            }
            if (c < 127) {
                c++;
            }
        }
        v[at] = a;
        v[at + 1] = b;
        v[at + 2] = c;
        v[at + 3] = n;
        return reconstruct(px, (error ^ sign) - sign);
    }

    private static int[] shortCodes() {
        int[] table = new int[8 * 256];
        for (int k = 0; k < 8; k++) {
            for (int b = 1; b < 256; b++) {
                int high = Integer.numberOfLeadingZeros(b) - 24;
                int length = high + 1 + k;
                if (length <= 8) {
                    int low = (b >> (8 - length)) & ((1 << k) - 1);
                    table[k << 8 | b] = ((high << k) + low) << 8 | length;
                }
            }
        }
        return table;
    }

    /** The least k with N·2^k ≥ A (A.5.1). */
    private int golombParameter(int n, int a) throws JpegLsHeader.Malformed {
        int k = Math.max(0, Integer.numberOfLeadingZeros(n) - Integer.numberOfLeadingZeros(a));
        if ((n << k) < a) {
            k++;
        }
        if (k > MAX_K) {
            throw malformed("JPEG-LS context statistics out of range (damaged scan data)");
        }
        return k;
    }

    /** The sample from prediction and error, reduced modulo RANGE and clamped (A.4.4, A.5.2). */
    private int reconstruct(int predicted, int error) {
        int value = predicted + error * (2 * near + 1);
        if (value < -near) {
            value += range * (2 * near + 1);
        } else if (value > maxVal + near) {
            value -= range * (2 * near + 1);
        }
        return value < 0 ? 0 : Math.min(value, maxVal);
    }

    /**
     * Run mode in one component (A.7): the run of samples equal to a, then, unless the run reached the
     * end of the line, the run interruption sample.
     *
     * @return the number of samples decoded
     */
    private int decodeRun(int x, int[] prev, int[] cur) throws JpegLsHeader.Malformed {
        int ra = cur[x - 1];
        int count = runLength(width - x + 1);
        Arrays.fill(cur, x, x + count, ra);
        int end = x + count;
        if (end == width + 1) {
            return count;
        }
        int rb = prev[end];
        if (Math.abs(ra - rb) <= near) {
            cur[end] = reconstruct(ra, decodeInterruptionError(1));
        } else {
            int error = decodeInterruptionError(0);
            cur[end] = reconstruct(rb, rb > ra ? error : -error);
        }
        if (runIndex > 0) {
            runIndex--;
        }
        return count + 1;
    }

    /** Run mode across all components of sample-interleaved pixels; interruptions use context 0. */
    private int decodeSampleInterleavedRun(int x, int[][] prev, int[][] cur) throws JpegLsHeader.Malformed {
        int count = runLength(width - x + 1);
        for (int i = 0; i < prev.length; i++) {
            Arrays.fill(cur[i], x, x + count, cur[i][x - 1]);
        }
        int end = x + count;
        if (end == width + 1) {
            return count;
        }
        for (int i = 0; i < prev.length; i++) {
            int ra = cur[i][x - 1];
            int rb = prev[i][end];
            int error = decodeInterruptionError(0);
            cur[i][end] = reconstruct(rb, rb >= ra ? error : -error);
        }
        if (runIndex > 0) {
            runIndex--;
        }
        return count + 1;
    }

    /** The length of a run of at most {@code remaining} samples (A.7.1.2). */
    private int runLength(int remaining) throws JpegLsHeader.Malformed {
        int count = 0;
        while (readBit() == 1) {
            int full = 1 << J[runIndex];
            int n = Math.min(full, remaining - count);
            count += n;
            if (n == full && runIndex < 31) {
                runIndex++;
            }
            if (count == remaining) {
                return count;
            }
        }
        if (J[runIndex] > 0) {
            count += readBits(J[runIndex]);
        }
        if (count > remaining) {
            throw malformed("JPEG-LS run of " + count + " samples passes the end of the line ("
                    + remaining + " samples left)");
        }
        return count;
    }

    /** The error of a run interruption sample and its context update (A.7.2). */
    private int decodeInterruptionError(int type) throws JpegLsHeader.Malformed {
        int n = runN[type];
        int k = golombParameter(n, runA[type] + (n >> 1) * type);
        int mapped = decodeValue(k, limit - J[runIndex] - 1);
        int t = mapped + type;
        int map = t & 1;
        int magnitude = (t + map) >> 1;
        int error = ((k != 0 || 2 * runNn[type] >= n) == (map == 1)) ? -magnitude : magnitude;
        if (error < 0) {
            runNn[type]++;
        }
        int a = runA[type] + ((mapped + 1 - type) >> 1);
        if (a >= MAX_ACCUMULATED) {
            throw malformed("JPEG-LS run interruption errors out of range (damaged scan data)");
        }
        if (n == reset) {
            a >>= 1;
            n >>= 1;
            runNn[type] >>= 1;
        }
        runA[type] = a;
        runN[type] = n + 1;
        return error;
    }

    /** A limited-length Golomb code (A.5.3): unary high part, k low bits, or the escape of qbpp bits. */
    private int decodeValue(int k, int codeLimit) throws JpegLsHeader.Malformed {
        int high = readUnary(codeLimit);
        if (high < codeLimit - qbpp - 1) {
            return k == 0 ? high : (high << k) + readBits(k);
        }
        return readBits(qbpp) + 1;
    }

    /** Places a decoded line of component {@code component} into the image. */
    private void store(int[] line, int y, int component) {
        int at = y * width * components + component;
        if (outBytes != null) {
            if (components == 1) {
                for (int x = 0; x < width; x++) {
                    outBytes[at + x] = (byte) line[x + 1];
                }
            } else {
                for (int x = 1; x <= width; x++, at += components) {
                    outBytes[at] = (byte) line[x];
                }
            }
        } else {
            for (int x = 1; x <= width; x++, at += components) {
                outWords[at] = (short) line[x];
            }
        }
    }

    /**
     * Skips to and past restart marker RSTm, m = {@code number} mod 8 (the padding bits are dropped),
     * and starts the contexts afresh.
     */
    private void restart(int number) throws JpegLsHeader.Malformed {
        int expected = 0xD0 + (number & 7);
        int marker = JpegLsHeader.markerAt(data, endOfScanData());
        cache = 0;
        bits = 0;
        afterFf = false;
        int code = data[marker + 1] & 0xFF;
        if (code != expected) {
            throw new JpegLsHeader.Malformed(String.format("restart marker FF%02X expected, found FF%02X",
                    expected, code), marker);
        }
        pos = marker + 2;
        resetContexts();
    }

    /** HP1–HP3 inverse colour transforms (as CharLS writes them), modulo the sample type's range. */
    private void inverseColourTransform() throws JpegLsHeader.Malformed {
        if (components != 3) {
            throw new JpegLsHeader.Malformed("JPEG-LS colour transform HP" + header.colourTransform + " with "
                    + components + " components", 0);
        }
        int sampleRange = outBytes != null ? 256 : 65536;
        int mask = sampleRange - 1;
        int bias = sampleRange / 2;
        int pixels = width * height;
        for (int p = 0; p < pixels; p++) {
            int v1 = sample(3 * p);
            int v2 = sample(3 * p + 1);
            int v3 = sample(3 * p + 2);
            int r;
            int g;
            int b;
            switch (header.colourTransform) {
                case 1 -> {
                    r = v1 + v2 - bias;
                    g = v2;
                    b = v3 + v2 - bias;
                }
                case 2 -> {
                    r = (v1 + v2 - bias) & mask;
                    g = v2;
                    b = v3 + ((r + g) >> 1) - bias;
                }
                default -> {
                    g = v1 - ((v3 + v2) >> 2) + sampleRange / 4;
                    r = v3 + g - bias;
                    b = v2 + g - bias;
                }
            }
            setSample(3 * p, r & mask);
            setSample(3 * p + 1, g & mask);
            setSample(3 * p + 2, b & mask);
        }
    }

    private int sample(int i) {
        return outBytes != null ? outBytes[i] & 0xFF : outWords[i] & 0xFFFF;
    }

    private void setSample(int i, int v) {
        if (outBytes != null) {
            outBytes[i] = (byte) v;
        } else {
            outWords[i] = (short) v;
        }
    }

    // bit reader (A.1): the scan data ends at the first FF followed by a byte with its high bit set

    /**
     * Where the marker after the scan data (or interval) should be: the bytes read so far, and the
     * byte stuffed after a final FF, whose 7 bits are padding.
     */
    private int endOfScanData() {
        if (afterFf && pos < data.length && (data[pos] & 0x80) == 0) {
            pos++;
        }
        return pos;
    }

    private void fill() {
        if (!afterFf && pos + 8 <= data.length) {
            // fast path: the next 8 bytes hold no FF (no marker, no stuffed bit), so whole ones go in
            long word = (long) BIG_ENDIAN_LONG.get(data, pos);
            long inverted = ~word;
            if (((inverted - ONES) & ~inverted & HIGH_BITS) == 0) {
                int take = (64 - bits) >>> 3;
                int valid = bits + 8 * take;
                long keep = valid == 64 ? -1L : ~(-1L >>> valid);
                cache |= (word >>> bits) & keep;
                bits = valid;
                pos += take;
                return;
            }
        }
        while (bits <= 56 && pos < data.length) {
            int v = data[pos] & 0xFF;
            if (afterFf) {
                cache |= (long) (v & 0x7F) << (57 - bits);
                bits += 7;
            } else {
                if (v == 0xFF && (pos + 1 >= data.length || (data[pos + 1] & 0x80) != 0)) {
                    return;
                }
                cache |= (long) v << (56 - bits);
                bits += 8;
            }
            afterFf = v == 0xFF;
            pos++;
        }
    }

    private int readBit() throws JpegLsHeader.Malformed {
        if (bits == 0) {
            fill();
            if (bits == 0) {
                throw endOfData();
            }
        }
        int bit = (int) (cache >>> 63);
        cache <<= 1;
        bits--;
        return bit;
    }

    /** Reads 1 to 32 bits. */
    private int readBits(int n) throws JpegLsHeader.Malformed {
        if (bits < n) {
            fill();
            if (bits < n) {
                throw endOfData();
            }
        }
        int v = (int) (cache >>> (64 - n));
        cache <<= n;
        bits -= n;
        return v;
    }

    /** Counts zero bits up to the next one bit (consumed); more than {@code max} zeros are an error. */
    private int readUnary(int max) throws JpegLsHeader.Malformed {
        int count = 0;
        while (true) {
            if (cache != 0) {
                int zeros = Long.numberOfLeadingZeros(cache);
                // bits below the valid ones are always zero, so a one bit is a valid one
                cache = cache << zeros << 1;
                bits -= zeros + 1;
                count += zeros;
                if (count > max) {
                    break;
                }
                return count;
            }
            count += bits;
            bits = 0;
            if (count > max) {
                break;
            }
            fill();
            if (bits == 0) {
                throw endOfData();
            }
        }
        throw malformed("JPEG-LS Golomb code longer than its limit of " + max + " bits");
    }

    private JpegLsHeader.Malformed endOfData() {
        return malformed("the JPEG-LS scan data ends before all samples are decoded");
    }

    private JpegLsHeader.Malformed malformed(String message) {
        return new JpegLsHeader.Malformed(message, pos);
    }
}
