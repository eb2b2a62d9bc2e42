package org.injectionplanner.dicom;

import java.util.ArrayList;
import java.util.List;

/**
 * The Palette Color Lookup Tables (PS3.3 C.7.6.3.1.5–6 and C.7.9 for the segmented form), resolved to
 * 8-bit RGB: 16-bit entries are scaled by taking the high byte, unless no entry exceeds 255.
 */
final class PaletteColorLut {

    /** Most segments visited while expanding a segmented table (indirect segments revisit some). */
    static final int MAX_SEGMENT_VISITS = 1 << 20;

    private final int firstMapped;
    private final byte[] rgb;
    private final int entries;

    private PaletteColorLut(int firstMapped, byte[] rgb, int entries) {
        this.firstMapped = firstMapped;
        this.rgb = rgb;
        this.entries = entries;
    }

    static PaletteColorLut of(DataSet ds, java.util.function.Function<String, DicomException> fail)
            throws DicomException {
        double[] descriptor = ds.getDoubles(Tag.RED_PALETTE_LUT_DESCRIPTOR);
        if (descriptor.length < 3) {
            throw fail.apply("PALETTE COLOR image without a valid Red Palette Color Lookup Table Descriptor");
        }
        if (!(descriptor[0] >= 0 && descriptor[0] <= 65535)) {
            throw fail.apply("invalid Red Palette Color Lookup Table Descriptor: " + descriptor[0] + " entries");
        }
        int entries = descriptor[0] == 0 ? 65536 : (int) descriptor[0];
        int firstMapped = (int) descriptor[1];
        int nominalBits = (int) descriptor[2];
        int[][] luts = new int[3][];
        int[] dataTags = {Tag.RED_PALETTE_LUT_DATA, Tag.GREEN_PALETTE_LUT_DATA, Tag.BLUE_PALETTE_LUT_DATA};
        int[] segmentedTags = {Tag.SEGMENTED_RED_PALETTE_LUT_DATA, Tag.SEGMENTED_GREEN_PALETTE_LUT_DATA,
            Tag.SEGMENTED_BLUE_PALETTE_LUT_DATA};
        for (int c = 0; c < 3; c++) {
            byte[] data = ds.getBytes(dataTags[c]);
            if (data != null && data.length > 0) {
                boolean eightBit = data.length == entries || (data.length == entries + 1 && nominalBits == 8);
                luts[c] = eightBit ? unsignedBytes(data, entries) : unsignedWords(data);
            } else if (ds.getBytes(segmentedTags[c]) != null) {
                byte[] seg = ds.getBytes(segmentedTags[c]);
                int[] words = nominalBits == 8 ? unsignedBytes(seg, seg.length) : unsignedWords(seg);
                luts[c] = expandSegmented(words, nominalBits == 8, fail);
            } else {
                throw fail.apply("PALETTE COLOR image without palette lookup table data");
            }
            if (luts[c].length < entries) {
                throw fail.apply("palette lookup table has " + luts[c].length + " entries, descriptor says "
                        + entries);
            }
        }
        int max = 0;
        for (int[] lut : luts) {
            for (int i = 0; i < entries; i++) {
                max = Math.max(max, lut[i]);
            }
        }
        int shift = max > 255 ? 8 : 0;
        byte[] rgb = new byte[entries * 3];
        for (int i = 0; i < entries; i++) {
            for (int c = 0; c < 3; c++) {
                rgb[i * 3 + c] = (byte) (luts[c][i] >>> shift);
            }
        }
        return new PaletteColorLut(firstMapped, rgb, entries);
    }

    private static int[] unsignedBytes(byte[] data, int count) {
        int n = Math.min(count, data.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = data[i] & 0xFF;
        }
        return out;
    }

    private static int[] unsignedWords(byte[] data) {
        int[] out = new int[data.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8;
        }
        return out;
    }

    /** Expands segmented LUT data (discrete, linear and indirect segments, PS3.3 C.7.9.2). */
    private static int[] expandSegmented(int[] data, boolean eightBit,
            java.util.function.Function<String, DicomException> fail) throws DicomException {
        List<Integer> lut = new ArrayList<>();
        expand(data, 0, eightBit, Integer.MAX_VALUE, lut, 0, new int[1], fail);
        return lut.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Expands up to {@code maxSegments} segments from {@code start}; {@code visits[0]} counts the
     * segments visited in all, so that indirect segments cannot make the work grow exponentially.
     */
    private static void expand(int[] data, int start, boolean eightBit, int maxSegments, List<Integer> lut,
            int depth, int[] visits, java.util.function.Function<String, DicomException> fail)
            throws DicomException {
        if (depth > 8) {
            throw fail.apply("segmented palette has indirect segments nested too deeply");
        }
        int offset = start;
        int segments = 0;
        while (offset + 1 < data.length && segments < maxSegments) {
            if (++visits[0] > MAX_SEGMENT_VISITS) {
                throw fail.apply("segmented palette expands to more than " + MAX_SEGMENT_VISITS
                        + " segments (indirect segments loop)");
            }
            int opcode = data[offset];
            int length = data[offset + 1];
            offset += 2;
            if (lut.size() + (long) length > 65536 * 2) {
                throw fail.apply("segmented palette expands beyond 65536 entries");
            }
            switch (opcode) {
                case 0 -> {
                    for (int i = 0; i < length && offset < data.length; i++) {
                        lut.add(data[offset++]);
                    }
                }
                case 1 -> {
                    if (lut.isEmpty() || offset >= data.length) {
                        throw fail.apply("segmented palette starts with a linear segment");
                    }
                    int y0 = lut.get(lut.size() - 1);
                    int y1 = data[offset++];
                    if (y0 == y1 || length == 0) {
                        for (int i = 0; i < length; i++) {
                            lut.add(y1);
                        }
                    } else {
                        // numpy.around(numpy.linspace(y0 + step, y1, length)), step = (y1 - y0) / length
                        double step = (double) (y1 - y0) / length;
                        double first = y0 + step;
                        double delta = (y1 - first) / Math.max(1, length - 1);
                        for (int i = 0; i < length; i++) {
                            double v = i == length - 1 ? y1 : first + i * delta;
                            lut.add((int) Math.rint(v));
                        }
                    }
                }
                case 2 -> {
                    if (lut.isEmpty() || offset + 1 >= data.length) {
                        throw fail.apply("segmented palette starts with an indirect segment");
                    }
                    long byteOffset;
                    if (eightBit) {
                        if (offset + 3 >= data.length) {
                            throw fail.apply("segmented palette indirect segment is truncated");
                        }
                        byteOffset = ((long) data[offset + 3] << 24) | (data[offset + 2] << 16)
                                | (data[offset + 1] << 8) | data[offset];
                        offset += 4;
                    } else {
                        byteOffset = ((long) data[offset + 1] << 16) | data[offset];
                        offset += 2;
                    }
                    if (byteOffset >= data.length) {
                        throw fail.apply("segmented palette indirect segment points outside the table");
                    }
                    expand(data, (int) byteOffset, eightBit, length, lut, depth + 1, visits, fail);
                }
                default -> throw fail.apply("segmented palette has unknown segment type " + opcode);
            }
            segments++;
        }
    }

    /** Maps stored indices (8- or 16-bit, unsigned) to interleaved RGB. */
    byte[] apply(int[] indices) {
        byte[] out = new byte[indices.length * 3];
        for (int i = 0; i < indices.length; i++) {
            int idx = indices[i] - firstMapped;
            idx = idx < 0 ? 0 : Math.min(idx, entries - 1);
            out[3 * i] = rgb[3 * idx];
            out[3 * i + 1] = rgb[3 * idx + 1];
            out[3 * i + 2] = rgb[3 * idx + 2];
        }
        return out;
    }
}
