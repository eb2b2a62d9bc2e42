package org.injectionplanner.dicom;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Parses a Part 10 file (or a bare data set) into file meta and data set, leaving Pixel Data and
 * other large values in the file. Every length is checked against the bytes that remain; nesting and
 * element counts are capped; malformed input fails with {@link DicomException}.
 */
final class DicomParser {

    /** Undefined length (0xFFFFFFFF). */
    static final long UNDEFINED = 0xFFFFFFFFL;
    /** Deepest sequence nesting accepted (real files stay below 10). */
    static final int MAX_DEPTH = 64;
    /** Values larger than this stay in the file instead of being read into memory. */
    static final int MAX_IN_MEMORY_VALUE = 16 * 1024 * 1024;
    /** Most elements accepted in one file. */
    static final int MAX_ELEMENTS = 2_000_000;
    /** Most warnings listed; further ones are only counted. */
    static final int MAX_WARNINGS = 100;
    /** Largest inflated size of a deflated data set. */
    static final long MAX_INFLATED = 512L * 1024 * 1024;
    /** Deflated data sets may inflate to this size whatever their compressed size. */
    static final long UNCHECKED_INFLATED = 64L * 1024 * 1024;
    /** Above {@link #UNCHECKED_INFLATED}, the most a deflated data set may expand. */
    static final long MAX_INFLATION_RATIO = 256;

    /** What the parser found. */
    record Result(ByteSource source, DataSet meta, DataSet dataSet, TransferSyntax syntax,
            boolean hasFileMeta, List<String> warnings) {
    }

    private final Cursor in;
    private final List<String> warnings = new ArrayList<>();
    private int unlistedWarnings;
    private int elementCount;
    /** Where the last scan for trailing zeros started, and the first non-zero byte it found. */
    private long zeroScanStart = -1;
    private long firstNonZero = -1;

    private DicomParser(Cursor in) {
        this.in = in;
    }

    static Result parse(ByteSource source) throws DicomException {
        Cursor cursor = new Cursor(source, 0);
        DicomParser parser = new DicomParser(cursor);
        return parser.parseFile(source);
    }

    private Result parseFile(ByteSource source) throws DicomException {
        DataSet meta = new DataSet();
        boolean hasMeta = false;
        long start = 0;
        if (source.length() >= 132 && isDicmAt(128) && groupAt(132) == 0x0002) {
            start = 132;
        } else if (source.length() >= 6 && groupAt(0) == 0x0002) {
            start = 0;
        } else if (source.length() >= 132 && isDicmAt(128)) {
            // a zero preamble means the data set follows 'DICM'; else 'DICM' is part of a bare data set
            start = isZero(0, 128) ? 132 : 0;
            warn("'DICM' at byte 128 is not followed by file meta information; read as a bare data set"
                    + " from byte " + start);
        }
        TransferSyntax syntax;
        in.seek(start);
        if (groupAt(start) == 0x0002) {
            hasMeta = true;
            readFileMeta(meta);
            String tsUid = meta.getString(Tag.TRANSFER_SYNTAX_UID);
            if (tsUid == null) {
                syntax = sniff(in.position());
                warn("file meta has no Transfer Syntax UID; data set read as " + syntax.name());
            } else {
                syntax = TransferSyntax.of(tsUid);
            }
        } else {
            syntax = sniff(start);
        }
        ByteSource dataSource = source;
        Cursor cursor = in;
        if (syntax.deflated()) {
            dataSource = inflate(source, in.position());
            cursor = new Cursor(dataSource, in.position());
        }
        cursor.bigEndian = syntax.bigEndian();
        DicomParser body = cursor == in ? this : new DicomParser(cursor);
        DataSet dataSet = new DataSet();
        body.readDataSet(dataSet, -1, syntax.explicitVr(), 0, false);
        if (body != this) {
            body.warnings.forEach(this::warn);
            unlistedWarnings += body.unlistedWarnings;
        }
        List<String> all = new ArrayList<>(warnings);
        if (unlistedWarnings > 0) {
            all.add("... and " + unlistedWarnings + " more warnings");
        }
        return new Result(dataSource, meta, dataSet, syntax, hasMeta, List.copyOf(all));
    }

    private void warn(String warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        } else {
            unlistedWarnings++;
        }
    }

    /** Builds the warning only if it is listed (for defects that can repeat for every element). */
    private void warn(Supplier<String> warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning.get());
        } else {
            unlistedWarnings++;
        }
    }

    private boolean isZero(long from, int count) throws DicomException {
        in.seek(from);
        for (int i = 0; i < count; i++) {
            if (in.u8() != 0) {
                return false;
            }
        }
        return true;
    }

    private boolean isDicmAt(long pos) throws DicomException {
        in.seek(pos);
        return in.u8() == 'D' && in.u8() == 'I' && in.u8() == 'C' && in.u8() == 'M';
    }

    private int groupAt(long pos) throws DicomException {
        if (pos + 2 > in.length()) {
            return -1;
        }
        in.seek(pos);
        in.bigEndian = false;
        int g = in.u16();
        in.seek(pos);
        return g;
    }

    /** Group 0002 is explicit VR little endian; it ends at the first tag of another group. */
    private void readFileMeta(DataSet meta) throws DicomException {
        in.bigEndian = false;
        while (true) {
            int tag = in.peekTagLittleEndian();
            if (tag == -1 || Tag.group(tag) != 0x0002) {
                return;
            }
            readElement(meta, -1, true, 0);
        }
    }

    /** Decides implicit or explicit VR little endian from the first element of a bare data set. */
    private TransferSyntax sniff(long pos) throws DicomException {
        if (pos + 6 > in.length()) {
            throw in.error(pos, "too short to be a DICOM file");
        }
        in.seek(pos + 4);
        int b0 = in.u8();
        int b1 = in.u8();
        in.seek(pos);
        return TransferSyntax.of(Vr.of(b0, b1) != null
                ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    /**
     * Inflates the raw-deflate data set after the file meta into memory. The inflated size is bounded
     * by {@link #MAX_INFLATED} and by what the compressed size warrants ({@link #MAX_INFLATION_RATIO},
     * above {@link #UNCHECKED_INFLATED}); a stream that ends early is an error.
     */
    private ByteSource inflate(ByteSource source, long dataStart) throws DicomException {
        long compressedLength = source.length() - dataStart;
        if (compressedLength > Integer.MAX_VALUE - 16) {
            throw in.error(dataStart, "deflated data set too large");
        }
        long limit = Math.min(MAX_INFLATED, Math.max(UNCHECKED_INFLATED, MAX_INFLATION_RATIO * compressedLength));
        Inflater inflater = null;
        try {
            byte[] compressed = new byte[(int) compressedLength];
            source.read(dataStart, compressed, 0, compressed.length);
            boolean zlibHeader = compressed.length > 2 && (compressed[0] & 0xFF) == 0x78
                    && ((compressed[0] & 0xFF) << 8 | (compressed[1] & 0xFF)) % 31 == 0;
            if (zlibHeader) {
                warn("deflated data set has a zlib header (non-standard); read anyway");
            }
            inflater = new Inflater(!zlibHeader);
            inflater.setInput(compressed);
            byte[] out = new byte[(int) Math.min(limit + 1, dataStart + compressedLength * 4 + 64 * 1024)];
            source.read(0, out, 0, (int) dataStart);
            int size = (int) dataStart;
            while (!inflater.finished()) {
                if (size == out.length) {
                    if (out.length > limit) {
                        throw in.error(dataStart, "deflated data set inflates to more than "
                                + limit / (1024 * 1024) + " MiB from " + compressedLength + " bytes");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(limit + 1, 2L * out.length));
                }
                int n = inflater.inflate(out, size, out.length - size);
                size += n;
                if (n == 0 && inflater.needsDictionary()) {
                    throw in.error(dataStart, "deflated data set is corrupt: it needs a preset dictionary");
                }
                if (n == 0 && !inflater.finished()) {
                    throw in.error(source.length(), "deflated data set is truncated: the deflate stream ends"
                            + " after " + (size - dataStart) + " inflated bytes without its final block");
                }
            }
            return new ArrayByteSource(out, size, source.name() + " (inflated)");
        } catch (DataFormatException e) {
            throw in.error(dataStart, "deflated data set is corrupt: " + e.getMessage());
        } catch (IOException e) {
            throw in.error(dataStart, "cannot read the file: " + e.getMessage());
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    /**
     * Reads elements into {@code ds} until {@code end} (exclusive; -1 = end of file) or, inside an
     * undefined-length item, until the Item Delimitation.
     */
    private void readDataSet(DataSet ds, long end, boolean explicit, int depth, boolean undefinedItem)
            throws DicomException {
        while (true) {
            if (end >= 0 && in.position() >= end) {
                if (in.position() > end) {
                    throw in.error(end, "element runs past the end of its item");
                }
                return;
            }
            if (in.remaining() == 0) {
                if (undefinedItem) {
                    throw in.error("item not terminated: end of file inside a sequence item");
                }
                return;
            }
            if (depth == 0 && end < 0 && in.remaining() < 8) {
                if (restIsZero()) {
                    return;
                }
                throw in.error(in.remaining() + " stray bytes at the end of the file");
            }
            long elementStart = in.position();
            int tag = in.tag();
            in.currentTag = tag;
            if (tag == Tag.ITEM_DELIMITATION) {
                in.u32();
                if (undefinedItem) {
                    return;
                }
                warn(() -> "stray Item Delimitation at byte " + elementStart + " ignored");
                continue;
            }
            if (tag == Tag.SEQUENCE_DELIMITATION) {
                in.u32();
                if (depth == 0) {
                    warn("stray Sequence Delimitation at byte " + elementStart
                            + "; the rest of the file is ignored");
                    in.seek(in.length());
                    return;
                }
                throw in.error(elementStart, "Sequence Delimitation found where an item element was expected");
            }
            if (Tag.group(tag) == 0xFFFE) {
                throw in.error(elementStart, "item tag found where a data element was expected");
            }
            if (depth == 0 && tag == 0 && restIsZero()) {
                in.seek(in.length());
                return;
            }
            in.seek(elementStart);
            readElement(ds, end, explicit, depth);
        }
    }

    /**
     * True if every byte from the position to the end of the file is zero (trailing padding). Each
     * byte is scanned at most once per run of zeros, so long zero runs cost linear time.
     */
    private boolean restIsZero() throws DicomException {
        long at = in.position();
        if (at < zeroScanStart || at > firstNonZero) {
            long p = at;
            while (p < in.length() && in.u8() == 0) {
                p++;
            }
            zeroScanStart = at;
            firstNonZero = p;
            in.seek(at);
        }
        return firstNonZero >= in.length();
    }

    private void readElement(DataSet ds, long end, boolean explicit, int depth) throws DicomException {
        if (++elementCount > MAX_ELEMENTS) {
            throw in.error("more than " + MAX_ELEMENTS + " elements: not a plausible image file");
        }
        long elementStart = in.position();
        int tag = in.tag();
        in.currentTag = tag;
        Vr vr;
        long length;
        if (explicit) {
            int b0 = in.u8();
            int b1 = in.u8();
            vr = Vr.of(b0, b1);
            if (vr == null) {
                // The writer switched to implicit VR here (seen inside sequences): re-read as implicit.
                in.seek(elementStart + 4);
                vr = Dictionary.vrOf(tag);
                length = in.u32();
                warn(() -> "element " + Tag.toString(tag) + " at byte " + elementStart
                        + " has no valid VR; read as implicit VR");
            } else if (vr.hasLongLength()) {
                in.u16();
                length = in.u32();
            } else {
                length = in.u16();
            }
        } else {
            vr = Dictionary.vrOf(tag);
            length = in.u32();
        }
        long valueStart = in.position();
        long limit = end >= 0 ? end : in.length();

        if (tag == Tag.PIXEL_DATA && depth == 0) {
            readPixelData(ds, vr, length, valueStart);
            return;
        }
        if (length == UNDEFINED) {
            if (vr == Vr.SQ || vr == Vr.UN || !explicit) {
                // Undefined-length UN holds a sequence in implicit VR little endian (CP-246).
                boolean itemsExplicit = vr == Vr.SQ && explicit;
                List<DataSet> items = readItems(UNDEFINED, itemsExplicit, depth, ds.charset(),
                        vr == Vr.SQ ? in.bigEndian : false);
                ds.put(new Element(tag, Vr.SQ, valueStart, null, items, null));
                return;
            }
            if (vr == Vr.OB || vr == Vr.OW) {
                BulkData bulk = readFragments(valueStart, "the undefined-length value of " + Tag.toString(tag), false);
                ds.put(new Element(tag, vr, valueStart, null, null, bulk));
                return;
            }
            throw in.error(elementStart, "undefined length is not allowed for VR " + vr);
        }
        if (length > limit - valueStart) {
            throw in.error(elementStart, "value length " + length + " exceeds the "
                    + Math.max(0, limit - valueStart) + " bytes remaining"
                    + (end >= 0 ? " in its item" : " in the file"));
        }
        if (vr == Vr.SQ) {
            List<DataSet> items = readItems(length, explicit, depth, ds.charset(), in.bigEndian);
            ds.put(new Element(tag, Vr.SQ, valueStart, null, items, null));
            return;
        }
        if (vr == Vr.UN && Dictionary.vrOf(tag) == Vr.SQ && length > 0) {
            boolean byteOrder = in.bigEndian;
            try {
                List<DataSet> items = readItems(length, false, depth, ds.charset(), false);
                ds.put(new Element(tag, Vr.SQ, valueStart, null, items, null));
                return;
            } catch (DicomException notASequence) {
                in.seek(valueStart);
                in.bigEndian = byteOrder;
                in.currentTag = tag;
                warn(Tag.toString(tag) + " is UN and does not parse as a sequence; kept as bytes");
            }
        }
        if (length > MAX_IN_MEMORY_VALUE) {
            ds.put(new Element(tag, vr, valueStart, null, null,
                    new BulkData(valueStart, length, length, List.of(), new long[0], in.bigEndian, false)));
            in.seek(valueStart + length);
            return;
        }
        byte[] value = in.bytes((int) length);
        if (in.bigEndian && vr.swapUnit() > 1) {
            swap(value, vr.swapUnit());
        }
        ds.put(new Element(tag, vr, valueStart, value, null, null));
    }

    private static void swap(byte[] v, int unit) {
        for (int i = 0; i + unit <= v.length; i += unit) {
            for (int a = i, b = i + unit - 1; a < b; a++, b--) {
                byte t = v[a];
                v[a] = v[b];
                v[b] = t;
            }
        }
    }

    private List<DataSet> readItems(long length, boolean explicit, int depth, Charset charset,
            boolean bigEndian) throws DicomException {
        if (depth + 1 > MAX_DEPTH) {
            throw in.error("sequences nested deeper than " + MAX_DEPTH + " levels");
        }
        boolean savedOrder = in.bigEndian;
        in.bigEndian = bigEndian;
        int sequenceTag = in.currentTag;
        long start = in.position();
        long end = length == UNDEFINED ? -1 : start + length;
        List<DataSet> items = new ArrayList<>();
        while (true) {
            if (end >= 0 && in.position() >= end) {
                break;
            }
            long itemStart = in.position();
            int tag = in.tag();
            long itemLength = in.u32();
            if (tag == Tag.SEQUENCE_DELIMITATION) {
                if (end >= 0) {
                    warn("Sequence Delimitation inside a defined-length sequence at byte " + itemStart);
                }
                break;
            }
            if (tag != Tag.ITEM) {
                in.currentTag = sequenceTag;
                throw in.error(itemStart, "expected an item in sequence " + Tag.toString(sequenceTag)
                        + " but found " + Tag.toString(tag));
            }
            DataSet item = new DataSet(charset);
            if (itemLength == UNDEFINED) {
                readDataSet(item, end, explicit, depth + 1, true);
            } else {
                long limit = end >= 0 ? end : in.length();
                if (itemLength > limit - in.position()) {
                    throw in.error(itemStart, "item length " + itemLength + " exceeds the "
                            + (limit - in.position()) + " bytes remaining");
                }
                readDataSet(item, in.position() + itemLength, explicit, depth + 1, false);
            }
            items.add(item);
        }
        in.bigEndian = savedOrder;
        in.currentTag = sequenceTag;
        return items;
    }

    private void readPixelData(DataSet ds, Vr vr, long length, long valueStart) throws DicomException {
        if (length == UNDEFINED) {
            ds.put(new Element(Tag.PIXEL_DATA, vr == Vr.UN ? Vr.OB : vr, valueStart, null, null,
                    readFragments(valueStart, "encapsulated Pixel Data", true)));
            return;
        }
        long available = Math.min(length, in.remaining());
        if (available < length) {
            warn("Pixel Data declares " + length + " bytes but only " + available + " remain");
        }
        ds.put(new Element(Tag.PIXEL_DATA, vr, valueStart, null, null,
                new BulkData(valueStart, length, available, List.of(), new long[0], in.bigEndian, false)));
        in.seek(valueStart + available);
    }

    /**
     * Reads the item structure of encapsulated data (Basic Offset Table, then fragments).
     *
     * @param what the value in words, for messages
     * @param offsetTable true if the first item is a Basic Offset Table (Pixel Data)
     */
    private BulkData readFragments(long valueStart, String what, boolean offsetTable) throws DicomException {
        boolean savedOrder = in.bigEndian;
        in.bigEndian = false;
        List<BulkData.Fragment> fragments = new ArrayList<>();
        long[] bot = offsetTable ? null : new long[0];
        long total = 0;
        while (true) {
            if (in.remaining() < 8) {
                if (in.remaining() == 0 && !fragments.isEmpty()) {
                    warn(what + " has no Sequence Delimitation (file ends)");
                    break;
                }
                throw in.error(what + " ends without a Sequence Delimitation");
            }
            long itemStart = in.position();
            int tag = in.tag();
            long len = in.u32();
            if (tag == Tag.SEQUENCE_DELIMITATION) {
                break;
            }
            if (tag != Tag.ITEM) {
                throw in.error(itemStart, "expected an item in " + what + " but found "
                        + Tag.toString(tag));
            }
            if (len == UNDEFINED || len > in.remaining()) {
                throw in.error(itemStart, "fragment length " + len + " exceeds the " + in.remaining()
                        + " bytes remaining");
            }
            if (bot == null) {
                if (len % 4 != 0) {
                    throw in.error(itemStart, "Basic Offset Table length " + len + " is not a multiple of 4");
                }
                bot = new long[(int) (len / 4)];
                for (int i = 0; i < bot.length; i++) {
                    bot[i] = in.u32();
                }
            } else {
                fragments.add(new BulkData.Fragment(itemStart, in.position(), (int) len));
                total += len;
                in.skip(len);
            }
        }
        in.bigEndian = savedOrder;
        return new BulkData(valueStart, total, total, List.copyOf(fragments),
                bot == null ? new long[0] : bot, false, true);
    }
}
