package org.injectionplanner.dicom;

import java.util.ArrayList;
import java.util.List;

/**
 * A file the fuzzer starts from, with the places worth mutating: element starts (where elements can
 * be inserted), length fields, and the values of the attributes that steer pixel decoding. They are
 * found by reading the seed with the reader itself; a seed that does not read still gets the item
 * headers found by scanning its bytes.
 *
 * @param name the seed's name (corpus file name or a generated name)
 * @param bytes the file
 * @param explicit true if the data set is explicit VR
 * @param bigEndian true if the data set is big endian
 * @param elementStarts byte offsets of element headers, at any depth
 * @param topLevelStarts byte offsets of top-level element headers (inserting there keeps the file
 *     well formed)
 * @param lengthFields length fields: {@code offset << 4 | (bigEndian ? 8 : 0) | width} (width 2 or 4)
 * @param values values of attributes that steer decoding
 * @param codec the pixel codec of its transfer syntax, or null if the seed does not read
 */
record FuzzSeed(String name, byte[] bytes, boolean explicit, boolean bigEndian, int[] elementStarts,
        int[] topLevelStarts, long[] lengthFields, List<Value> values, TransferSyntax.Codec codec) {

    /** Most item headers taken from a byte scan (large pixel data holds many chance matches). */
    private static final int MAX_SCANNED_ITEMS = 4096;

    /**
     * The value of one attribute in the file.
     *
     * @param tag the tag
     * @param offset byte offset of the value
     * @param length value length in bytes
     */
    record Value(int tag, int offset, int length) {
    }

    @Override
    public String toString() {
        return name + " (" + bytes.length + " bytes)";
    }

    /**
     * How often the fuzzer picks this seed relative to others: the codecs with the most decoder code
     * behind them (JPEG 2000, JPEG Lossless, JPEG-LS) most, other compressed data more than native data.
     */
    int weight() {
        if (codec == null) {
            return 1;
        }
        return switch (codec) {
            case JPEG_2000, JPEG_LOSSLESS, JPEG_LS -> 6;
            case RLE, JPEG_BASELINE, JPEG_EXTENDED -> 3;
            default -> 1;
        };
    }

    /** Reads {@code bytes} to find its mutation points. */
    static FuzzSeed of(String name, byte[] bytes) {
        List<Integer> starts = new ArrayList<>();
        List<Integer> topLevel = new ArrayList<>();
        List<Long> lengths = new ArrayList<>();
        List<Value> values = new ArrayList<>();
        boolean explicit = true;
        boolean bigEndian = false;
        TransferSyntax.Codec codec = null;
        try {
            DicomFile file = DicomFile.read(bytes, name);
            codec = file.transferSyntax().codec();
            explicit = file.transferSyntax().explicitVr();
            bigEndian = file.transferSyntax().bigEndian();
            collect(file.meta(), true, false, 0, starts, topLevel, lengths, values);
            if (!file.transferSyntax().deflated()) {
                collect(file.dataSet(), explicit, bigEndian, 0, starts, topLevel, lengths, values);
            }
        } catch (DicomException unreadable) {
            // mutation points come from the byte scan alone
        }
        scanItems(bytes, bigEndian, lengths);
        return new FuzzSeed(name, bytes, explicit, bigEndian, toArray(starts), toArray(topLevel),
                lengths.stream().mapToLong(Long::longValue).toArray(), List.copyOf(values), codec);
    }

    private static void collect(DataSet ds, boolean explicit, boolean bigEndian, int depth, List<Integer> starts,
            List<Integer> topLevel, List<Long> lengths, List<Value> values) {
        for (Element e : ds.elements()) {
            long v = e.valueOffset();
            if (v < 12) {
                continue;
            }
            boolean longLength = !explicit || e.vr().hasLongLength();
            long start = v - (explicit && longLength ? 12 : 8);
            long lengthAt = v - (longLength ? 4 : 2);
            starts.add((int) start);
            if (depth == 0) {
                topLevel.add((int) start);
            }
            lengths.add(lengthAt << 4 | (bigEndian ? 8 : 0) | (longLength ? 4 : 2));
            if (e.value() != null) {
                values.add(new Value(e.tag(), (int) v, e.value().length));
            }
            for (DataSet item : ds.getSequence(e.tag())) {
                collect(item, explicit, bigEndian, depth + 1, starts, topLevel, lengths, values);
            }
        }
    }

    /** Item, Item Delimitation and Sequence Delimitation tags found anywhere: their length fields. */
    private static void scanItems(byte[] b, boolean bigEndian, List<Long> lengths) {
        int found = 0;
        for (int i = 0; i + 8 <= b.length && found < MAX_SCANNED_ITEMS; i++) {
            boolean little = (b[i] & 0xFF) == 0xFE && (b[i + 1] & 0xFF) == 0xFF && (b[i + 3] & 0xFF) == 0xE0;
            boolean big = (b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xFE && (b[i + 2] & 0xFF) == 0xE0;
            if (little || big && bigEndian) {
                lengths.add((long) (i + 4) << 4 | (little ? 0 : 8) | 4);
                found++;
            }
        }
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
