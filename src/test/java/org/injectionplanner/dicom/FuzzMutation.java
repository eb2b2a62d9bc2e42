package org.injectionplanner.dicom;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One change the fuzzer makes to a seed. The operands are plain numbers (so that jqwik can shrink
 * them towards 0) that each operation reads modulo what it chooses from: a byte offset, an element
 * start, a length field, a value from a list. Offsets refer to the seed; after an insertion or
 * removal they are applied to the changed bytes as they are (clamped), which is fine for fuzzing.
 *
 * @param op what to do
 * @param a first operand (usually where)
 * @param b second operand (usually what)
 * @param c third operand (a count, a length or a variant)
 */
record FuzzMutation(Op op, int a, int b, int c) {

    /** The mutation operators. */
    enum Op {
        /** Flip bit {@code b % 8} of the byte at {@code a}. */
        FLIP_BIT,
        /** Set the byte at {@code a} to {@code b}. */
        SET_BYTE,
        /** Overwrite {@code c % 64 + 1} bytes at {@code a} with random bytes from seed {@code b}. */
        RANDOM_BYTES,
        /** Keep the first {@code a % length} bytes. */
        TRUNCATE,
        /** Insert a copy of {@code c % 4096 + 1} bytes from {@code a} at {@code b}. */
        DUPLICATE_CHUNK,
        /** Remove {@code c % 4096 + 1} bytes at {@code a}. */
        REMOVE_CHUNK,
        /** Set length field {@code a} to a huge or off-by-some value chosen by {@code b}. */
        HUGE_LENGTH,
        /** Set length field {@code a} to 0xFFFFFFFF (undefined) or 0xFFFF. */
        UNDEFINED_LENGTH,
        /** Replace the VR of the element starting at element start {@code a}. */
        SET_VR,
        /** Overwrite an attribute that steers decoding with a value from its list of odd values. */
        SET_VALUE,
        /** Insert an attribute that steers decoding at a top-level element start. */
        INSERT_ELEMENT,
        /** Make the image PALETTE COLOR with a segmented palette (some with loops and bad offsets). */
        INSERT_PALETTE,
        /** Set Rows and Columns, and the size in the first JPEG or JPEG 2000 header, to other values. */
        RESIZE,
        /** Insert {@code b}-chosen deep nesting of sequences at element start {@code a}. */
        DEEP_NESTING,
        /**
         * Set a field of the first JPEG SOF, JPEG 2000 SIZ or RLE header (chosen by {@code a}) to a value
         * chosen by {@code b}: precision, components, sampling, tiling, segment count and offsets.
         */
        CODEC_HEADER
    }

    private static final long[] HUGE = {0xFFFFFFFFL, 0xFFFFFFFEL, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFF0L,
        0xC0000000L, 0x40000000L, 0x00FFFFFFL, 0x01000001L, 0xFFFFL, 0xFFFEL, 1, 3, 0};
    private static final String[] VRS = {"SQ", "UN", "OB", "OW", "UT", "LO", "US", "UL", "FD", "AT", "xx",
        "\0\0", "OF", "SS", "DS", "IS", "CS", "PN", "OV", "UC"};
    private static final int[] NESTING = {1, 2, 8, 63, 64, 65, 100, 1000, 5000};
    private static final int[] SIZES = {0, 1, 2, 3, 7, 8, 255, 256, 1024, 4096, 8000, 9000, 16384, 30000, 65535};
    private static final String[] PHOTOMETRIC = {"MONOCHROME1", "MONOCHROME2", "RGB", "YBR_FULL", "YBR_FULL_422",
        "YBR_PARTIAL_422", "PALETTE COLOR", "YBR_ICT", "YBR_RCT", "HSV", "", "\\\\"};
    private static final String[] NUMBERS = {"0", "1", "2", "3", "-1", "65536", "2147483647", "2147483648",
        "99999999999", "1e9", "NaN", "Infinity", "-Infinity", "1e308", "1e-320", " 7", "\\\\", "3\\2", "x"};
    private static final String[] TRANSFER_SYNTAXES = {TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
        TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.JPEG_BASELINE_UID,
        "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80",
        "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.5",
        "1.2.840.10008.1.2.4.100", "1.2.3", ""};
    private static final String[] CHARSETS = {"ISO_IR 192", "ISO 2022 IR 87", "ISO 2022 IR 6\\ISO 2022 IR 149",
        "GB18030", "ISO_IR 13", "bogus", "\\\\\\"};
    private static final int[] US_VALUES = {0, 1, 2, 3, 4, 7, 8, 12, 15, 16, 24, 32, 255, 256, 0x7FFF, 0x8000,
        0xFFFF};
    private static final int[] STEERING_TAGS = {Tag.ROWS, Tag.COLUMNS, Tag.NUMBER_OF_FRAMES, Tag.BITS_ALLOCATED,
        Tag.BITS_STORED, Tag.HIGH_BIT, Tag.SAMPLES_PER_PIXEL, Tag.PLANAR_CONFIGURATION, Tag.PIXEL_REPRESENTATION,
        Tag.PHOTOMETRIC_INTERPRETATION, Tag.TRANSFER_SYNTAX_UID, Tag.SPECIFIC_CHARACTER_SET, Tag.FRAME_TIME,
        Tag.FRAME_TIME_VECTOR, Tag.CINE_RATE, Tag.RECOMMENDED_DISPLAY_FRAME_RATE, Tag.PIXEL_SPACING,
        Tag.RED_PALETTE_LUT_DESCRIPTOR, Tag.RED_PALETTE_LUT_DATA, Tag.EXTENDED_OFFSET_TABLE};

    /** Applies {@code mutations} in order to a copy of the seed. */
    static byte[] apply(FuzzSeed seed, List<FuzzMutation> mutations) {
        byte[] bytes = seed.bytes().clone();
        for (FuzzMutation m : mutations) {
            bytes = m.applyTo(seed, bytes);
        }
        return bytes;
    }

    private byte[] applyTo(FuzzSeed seed, byte[] in) {
        if (in.length == 0) {
            return in;
        }
        int at = Math.floorMod(a, in.length);
        return switch (op) {
            case FLIP_BIT -> {
                in[at] ^= (byte) (1 << Math.floorMod(b, 8));
                yield in;
            }
            case SET_BYTE -> {
                in[at] = (byte) b;
                yield in;
            }
            case RANDOM_BYTES -> {
                byte[] noise = new byte[Math.floorMod(c, 64) + 1];
                new Random(b).nextBytes(noise);
                yield overwrite(in, at, noise);
            }
            case TRUNCATE -> Arrays.copyOf(in, at);
            case DUPLICATE_CHUNK -> {
                int len = Math.min(Math.floorMod(c, 4096) + 1, in.length - at);
                yield insert(in, Math.floorMod(b, in.length + 1), Arrays.copyOfRange(in, at, at + len));
            }
            case REMOVE_CHUNK -> {
                int len = Math.min(Math.floorMod(c, 4096) + 1, in.length - at);
                byte[] out = new byte[in.length - len];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + len, out, at, in.length - at - len);
                yield out;
            }
            case HUGE_LENGTH -> setLength(seed, in, huge(in));
            case UNDEFINED_LENGTH -> setLength(seed, in, 0xFFFFFFFFL);
            case SET_VR -> {
                if (seed.elementStarts().length == 0) {
                    yield in;
                }
                int start = seed.elementStarts()[Math.floorMod(a, seed.elementStarts().length)];
                yield overwrite(in, start + 4, VRS[Math.floorMod(b, VRS.length)].getBytes(StandardCharsets.ISO_8859_1));
            }
            case SET_VALUE -> setValue(seed, in);
            case INSERT_ELEMENT -> insertAtTopLevel(seed, in, steeringElement(seed, STEERING_TAGS[
                    Math.floorMod(b, STEERING_TAGS.length)], c));
            case INSERT_PALETTE -> insertAtTopLevel(seed, in, palette(seed, b, c));
            case RESIZE -> resize(seed, in);
            case CODEC_HEADER -> {
                patchCodecHeader(in, a, b);
                yield in;
            }
            case DEEP_NESTING -> {
                int[] starts = seed.elementStarts();
                int where = starts.length == 0 ? at : starts[Math.floorMod(a, starts.length)];
                byte[] nested = nesting(seed, NESTING[Math.floorMod(b, NESTING.length)], c);
                yield insert(in, Math.min(where, in.length), nested);
            }
        };
    }

    private long huge(byte[] in) {
        int choice = Math.floorMod(b, HUGE.length + 2);
        if (choice == HUGE.length) {
            return in.length;
        }
        if (choice == HUGE.length + 1) {
            return in.length + 1L;
        }
        return HUGE[choice];
    }

    private byte[] setLength(FuzzSeed seed, byte[] in, long value) {
        long[] fields = seed.lengthFields();
        if (fields.length == 0) {
            return in;
        }
        long field = fields[Math.floorMod(a, fields.length)];
        int offset = (int) (field >>> 4);
        int width = (int) (field & 7);
        long v = width == 2 ? value & 0xFFFF : value;
        DicomBytes b = DicomBytes.of(true, (field & 8) != 0);
        if (width == 2) {
            b.u16((int) v);
        } else {
            b.u32(v);
        }
        return overwrite(in, offset, b.toByteArray());
    }

    private byte[] setValue(FuzzSeed seed, byte[] in) {
        List<FuzzSeed.Value> values = seed.values();
        if (values.isEmpty()) {
            return in;
        }
        FuzzSeed.Value v = values.get(Math.floorMod(a, values.size()));
        byte[] replacement = valueFor(v.tag(), b, seed.bigEndian());
        byte[] fitted = Arrays.copyOf(replacement, v.length());
        if (replacement.length < v.length()) {
            Arrays.fill(fitted, replacement.length, v.length(), (byte) (Math.floorMod(c, 2) == 0 ? ' ' : 0));
        }
        return overwrite(in, v.offset(), fitted);
    }

    /** An odd value for {@code tag}: numbers for numeric attributes, odd strings for text. */
    private static byte[] valueFor(int tag, int choice, boolean bigEndian) {
        Vr vr = Dictionary.vrOf(tag);
        if (tag == Tag.PHOTOMETRIC_INTERPRETATION) {
            return ascii(PHOTOMETRIC[Math.floorMod(choice, PHOTOMETRIC.length)]);
        }
        if (tag == Tag.TRANSFER_SYNTAX_UID) {
            return ascii(TRANSFER_SYNTAXES[Math.floorMod(choice, TRANSFER_SYNTAXES.length)]);
        }
        if (tag == Tag.SPECIFIC_CHARACTER_SET) {
            return ascii(CHARSETS[Math.floorMod(choice, CHARSETS.length)]);
        }
        if (vr == Vr.US || vr == Vr.SS || vr == Vr.OW) {
            DicomBytes b = DicomBytes.of(true, bigEndian);
            int count = vr == Vr.OW ? Math.floorMod(choice >> 8, 1024)
                    : tag == Tag.RED_PALETTE_LUT_DESCRIPTOR ? 3 : 1;
            Random r = new Random(choice);
            for (int i = 0; i < count; i++) {
                b.u16(US_VALUES[r.nextInt(US_VALUES.length)]);
            }
            return b.toByteArray();
        }
        if (vr == Vr.UL || vr == Vr.FD || vr == Vr.OV || vr == Vr.FL) {
            DicomBytes b = DicomBytes.of(true, bigEndian);
            Random r = new Random(choice);
            for (int i = 0; i < Math.floorMod(choice >> 4, 8) + 1; i++) {
                b.u32(HUGE[r.nextInt(HUGE.length)]);
            }
            return b.toByteArray();
        }
        return ascii(NUMBERS[Math.floorMod(choice, NUMBERS.length)]);
    }

    private static byte[] ascii(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return (b.length & 1) == 0 ? b : Arrays.copyOf(b, b.length + 1);
    }

    /** An element in the seed's encoding (explicit VR unless the seed is implicit). */
    private byte[] steeringElement(FuzzSeed seed, int tag, int choice) {
        DicomBytes b = DicomBytes.of(seed.explicit(), seed.bigEndian());
        Vr vr = Dictionary.vrOf(tag);
        if (seed.explicit() && Math.floorMod(choice, 7) == 6) {
            vr = Vr.values()[Math.floorMod(choice >> 3, Vr.values().length)];
        }
        return b.element(tag, vr == Vr.SQ ? Vr.UN : vr, valueFor(tag, choice, seed.bigEndian())).toByteArray();
    }

    private byte[] insertAtTopLevel(FuzzSeed seed, byte[] in, byte[] element) {
        int[] starts = seed.topLevelStarts();
        if (starts.length == 0) {
            return in;
        }
        int where = starts[Math.floorMod(a, starts.length)];
        return insert(in, Math.min(where, in.length), element);
    }

    /**
     * PALETTE COLOR with empty ordinary LUT data (so the segmented data is used) and one of several
     * segmented programs: valid, a self-referencing indirect segment, a fan-out of indirect segments
     * (exponential if expanded naively), an offset outside the table, a linear segment first, an
     * unknown opcode, a huge discrete length.
     */
    private static byte[] palette(FuzzSeed seed, int program, int descriptorChoice) {
        int[][] programs = {
            FuzzSeeds.segmentedLut(0xFFFF),
            {0, 1, 5, 2, 1, 3, 0},
            fanOut(20),
            {0, 1, 5, 2, 1, 0xFFFF, 0x7FFF},
            {1, 10, 200},
            {0, 1, 5, 9, 1, 1},
            {0, 0xFFFF, 1, 2, 3},
            {0, 1, 5, 2, 0xFFFF, 0, 0, 2, 0xFFFF, 0, 0},
        };
        int[][] descriptors = {{256, 0, 16}, {0, 0, 16}, {65535, 0, 8}, {1, 0, 8}, {0xFFFF, 0xFFFF, 0xFFFF},
            {256, 0x8000, 16}, {3, 0, 16}};
        int[] words = programs[Math.floorMod(program, programs.length)];
        int[] descriptor = descriptors[Math.floorMod(descriptorChoice, descriptors.length)];
        Vr descriptorVr = Math.floorMod(descriptorChoice >> 4, 3) == 0 ? Vr.SS : Vr.US;
        DicomBytes b = DicomBytes.of(seed.explicit(), seed.bigEndian())
                .us(Tag.SAMPLES_PER_PIXEL, 1)
                .text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "PALETTE COLOR")
                .words(Tag.RED_PALETTE_LUT_DESCRIPTOR, descriptorVr, descriptor)
                .words(Tag.GREEN_PALETTE_LUT_DESCRIPTOR, descriptorVr, descriptor)
                .words(Tag.BLUE_PALETTE_LUT_DESCRIPTOR, descriptorVr, descriptor)
                .header(Tag.RED_PALETTE_LUT_DATA, Vr.OW, 0)
                .header(Tag.GREEN_PALETTE_LUT_DATA, Vr.OW, 0)
                .header(Tag.BLUE_PALETTE_LUT_DATA, Vr.OW, 0)
                .words(Tag.SEGMENTED_RED_PALETTE_LUT_DATA, Vr.OW, words)
                .words(Tag.SEGMENTED_GREEN_PALETTE_LUT_DATA, Vr.OW, words)
                .words(Tag.SEGMENTED_BLUE_PALETTE_LUT_DATA, Vr.OW, words);
        return b.toByteArray();
    }

    /**
     * One discrete entry, then 8 layers of {@code k} segments: the indirect segments of each layer
     * re-expand all {@code k} segments of the next, the last layer's segments are empty. Nothing is
     * added to the table and the nesting stays within limits, but naive expansion visits k^8 segments.
     */
    static int[] fanOut(int k) {
        int layers = 8;
        int[] w = new int[3 + layers * 4 * k];
        w[0] = 0;
        w[1] = 1;
        w[2] = 7;
        for (int layer = 0; layer < layers; layer++) {
            int next = 3 + (layer + 1) * 4 * k;
            for (int i = 0; i < k; i++) {
                int at = 3 + layer * 4 * k + 4 * i;
                if (layer + 1 < layers) {
                    w[at] = 2;
                    w[at + 1] = k;
                    w[at + 2] = next;
                } else {
                    w[at + 1] = 0;
                    w[at + 2] = 0;
                    w[at + 3] = 0;
                }
            }
        }
        return w;
    }

    private byte[] resize(FuzzSeed seed, byte[] in) {
        int rows = SIZES[Math.floorMod(b, SIZES.length)];
        int columns = SIZES[Math.floorMod(c, SIZES.length)];
        byte[] out = in;
        patchCodestreamSize(out, rows, columns);
        DicomBytes size = DicomBytes.of(seed.explicit(), seed.bigEndian()).us(Tag.ROWS, rows).us(Tag.COLUMNS, columns);
        return insertAtTopLevel(seed, out, size.toByteArray());
    }

    /** Writes the size into the first JPEG SOF or JPEG 2000 SIZ marker segment found. */
    private static void patchCodestreamSize(byte[] b, int rows, int columns) {
        for (int i = 0; i + 24 < b.length; i++) {
            if ((b[i] & 0xFF) != 0xFF) {
                continue;
            }
            int m = b[i + 1] & 0xFF;
            boolean sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC
                    && (b[i + 2] & 0xFF) == 0 && (b[i + 3] & 0xFF) >= 8 && (b[i + 3] & 0xFF) < 64;
            if (sof) {
                put16(b, i + 5, rows);
                put16(b, i + 7, columns);
                return;
            }
            if (m == 0x4F && (b[i + 2] & 0xFF) == 0xFF && (b[i + 3] & 0xFF) == 0x51) {
                int p = i + 8;
                put32(b, p, columns);
                put32(b, p + 4, rows);
                put32(b, p + 8, 0);
                put32(b, p + 12, 0);
                return;
            }
        }
    }

    private static final int[] HEADER_VALUES = {0, 1, 2, 3, 4, 7, 8, 12, 15, 16, 17, 38, 64, 0x7F, 0x80, 0xFF,
        0x100, 0xFFFF, 0x10000, 0x7FFFFFFF, 0xFFFFFFFF};

    /**
     * Finds the first JPEG SOF (JPEG-LS SOF55 included), JPEG 2000 SIZ and RLE header, and overwrites
     * one field of one of them.
     */
    private static void patchCodecHeader(byte[] b, int which, int choice) {
        int sof = -1;
        int siz = -1;
        int rle = -1;
        for (int i = 0; i + 48 < b.length && (sof < 0 || siz < 0 || rle < 0); i++) {
            int m = b[i + 1] & 0xFF;
            boolean startOfFrame = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC || m == 0xF7;
            if ((b[i] & 0xFF) == 0xFF && sof < 0 && startOfFrame
                    && (b[i + 2] & 0xFF) == 0 && (b[i + 3] & 0xFF) >= 8 && (b[i + 3] & 0xFF) < 64) {
                sof = i;
            } else if ((b[i] & 0xFF) == 0xFF && siz < 0 && m == 0x4F && (b[i + 2] & 0xFF) == 0xFF
                    && (b[i + 3] & 0xFF) == 0x51) {
                siz = i;
            } else if (rle < 0 && b[i] >= 1 && b[i] <= 15 && b[i + 1] == 0 && b[i + 2] == 0 && b[i + 3] == 0
                    && b[i + 4] == 64 && b[i + 5] == 0 && b[i + 6] == 0 && b[i + 7] == 0) {
                rle = i;
            }
        }
        int value = HEADER_VALUES[Math.floorMod(choice, HEADER_VALUES.length)];
        int field = Math.floorMod(choice >> 8, 8);
        int target = Math.floorMod(which, 3);
        if (target == 0 && sof >= 0) {
            int[] offsets = {4, 9, 11, 12, 13, 10, 14, 15};
            b[sof + offsets[field]] = (byte) value;
        } else if (target == 1 && siz >= 0) {
            int[] offsets = {6, 16, 24, 28, 32, 40, 42, 43};
            int at = siz + offsets[field];
            if (offsets[field] == 42 || offsets[field] == 43) {
                b[at] = (byte) value;
            } else if (offsets[field] == 6 || offsets[field] == 40) {
                put16(b, at, value);
            } else {
                put32(b, at, value);
            }
        } else if (rle >= 0) {
            int at = rle + 4 * Math.floorMod(field, 4);
            for (int k = 0; k < 4; k++) {
                b[at + k] = (byte) (value >>> (8 * k));
            }
        }
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void put32(byte[] b, int at, int v) {
        put16(b, at, v >>> 16);
        put16(b, at + 2, v & 0xFFFF);
    }

    /**
     * {@code depth} nested sequences: undefined length in the seed's encoding, undefined-length UN
     * (read as implicit VR), or defined length; closed properly, left open, or closed with the wrong
     * delimiters, by {@code variant}.
     */
    private static byte[] nesting(FuzzSeed seed, int depth, int variant) {
        int style = Math.floorMod(variant, 3);
        int closing = Math.floorMod(variant >> 2, 3);
        if (style == 2) {
            DicomBytes inner = DicomBytes.of(seed.explicit(), seed.bigEndian()).text(0x00081155, Vr.UI, "1.2");
            byte[] body = inner.toByteArray();
            for (int i = 0; i < depth; i++) {
                DicomBytes level = DicomBytes.of(seed.explicit(), seed.bigEndian())
                        .header(0x00081115, Vr.SQ, body.length + 8L).item(body.length).raw(body);
                body = level.toByteArray();
            }
            return body;
        }
        boolean un = style == 1;
        DicomBytes head = DicomBytes.of(seed.explicit() || un, seed.bigEndian());
        DicomBytes body = DicomBytes.of(seed.explicit() && !un, seed.bigEndian() && !un);
        head.header(un ? 0x00091000 : 0x00081115, un ? Vr.UN : Vr.SQ, DicomParser.UNDEFINED);
        body.item(DicomParser.UNDEFINED);
        for (int i = 1; i < depth; i++) {
            body.header(0x00081115, Vr.SQ, DicomParser.UNDEFINED).item(DicomParser.UNDEFINED);
        }
        for (int i = 0; i < depth && closing != 2; i++) {
            if (closing == 0) {
                body.itemDelimitation().sequenceDelimitation();
            } else {
                body.sequenceDelimitation().itemDelimitation();
            }
        }
        return head.raw(body).toByteArray();
    }

    private static byte[] overwrite(byte[] in, int at, byte[] what) {
        if (at < 0 || at >= in.length) {
            return in;
        }
        System.arraycopy(what, 0, in, at, Math.min(what.length, in.length - at));
        return in;
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        byte[] out = new byte[in.length + what.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(in, at, out, at + what.length, in.length - at);
        return out;
    }
}
