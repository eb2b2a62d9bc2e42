package org.injectionplanner.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * Builds DICOM byte streams by hand for tests, including malformed ones: element headers are written
 * exactly as asked (any length, any VR), nothing is checked or padded unless a helper says so.
 */
final class DicomBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean explicit;
    private final boolean bigEndian;

    private DicomBytes(boolean explicit, boolean bigEndian) {
        this.explicit = explicit;
        this.bigEndian = bigEndian;
    }

    /** Explicit VR little endian. */
    static DicomBytes explicitLittle() {
        return new DicomBytes(true, false);
    }

    /** Implicit VR little endian. */
    static DicomBytes implicitLittle() {
        return new DicomBytes(false, false);
    }

    /** Explicit VR big endian. */
    static DicomBytes explicitBig() {
        return new DicomBytes(true, true);
    }

    /** A builder with the given encoding. */
    static DicomBytes of(boolean explicit, boolean bigEndian) {
        return new DicomBytes(explicit, bigEndian);
    }

    /** The 128-byte preamble and "DICM". */
    DicomBytes preamble() {
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /**
     * A complete file meta group (explicit VR little endian, with its group length) naming the
     * transfer syntax; works in any builder.
     */
    DicomBytes meta(String transferSyntaxUid) {
        DicomBytes group = explicitLittle()
                .element(Tag.FILE_META_VERSION, Vr.OB, new byte[] {0, 1})
                .text(Tag.MEDIA_STORAGE_SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE)
                .text(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, Vr.UI, "1.2.3.4")
                .text(Tag.TRANSFER_SYNTAX_UID, Vr.UI, transferSyntaxUid);
        DicomBytes length = explicitLittle().ul(Tag.FILE_META_GROUP_LENGTH, group.size());
        out.writeBytes(length.toByteArray());
        out.writeBytes(group.toByteArray());
        return this;
    }

    /** A tag in the builder's byte order. */
    DicomBytes tag(int tag) {
        return u16(tag >>> 16).u16(tag & 0xFFFF);
    }

    /** An element header: tag, VR (explicit only) and length as given, even if it is wrong. */
    DicomBytes header(int tag, Vr vr, long length) {
        tag(tag);
        if (!explicit) {
            return u32(length);
        }
        out.write(vr.name().charAt(0));
        out.write(vr.name().charAt(1));
        if (vr.hasLongLength()) {
            return u16(0).u32(length);
        }
        return u16((int) length);
    }

    /** An element with its value as given (no padding). */
    DicomBytes element(int tag, Vr vr, byte[] value) {
        header(tag, vr, value.length);
        out.writeBytes(value);
        return this;
    }

    /** A text element, padded to even length with the VR's padding byte. */
    DicomBytes text(int tag, Vr vr, String value) {
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        if ((b.length & 1) == 1) {
            byte[] padded = new byte[b.length + 1];
            System.arraycopy(b, 0, padded, 0, b.length);
            padded[b.length] = vr.padding();
            b = padded;
        }
        return element(tag, vr, b);
    }

    /** An US element (16-bit values in the builder's byte order). */
    DicomBytes us(int tag, int... values) {
        return words(tag, Vr.US, values);
    }

    /** A 16-bit element of any VR (US, SS, OW). */
    DicomBytes words(int tag, Vr vr, int... values) {
        header(tag, vr, values.length * 2L);
        for (int v : values) {
            u16(v);
        }
        return this;
    }

    /** An UL element. */
    DicomBytes ul(int tag, long value) {
        header(tag, Vr.UL, 4);
        return u32(value);
    }

    /** An item header. */
    DicomBytes item(long length) {
        return tag(Tag.ITEM).u32(length);
    }

    /** An Item Delimitation. */
    DicomBytes itemDelimitation() {
        return tag(Tag.ITEM_DELIMITATION).u32(0);
    }

    /** A Sequence Delimitation. */
    DicomBytes sequenceDelimitation() {
        return tag(Tag.SEQUENCE_DELIMITATION).u32(0);
    }

    /** Raw bytes. */
    DicomBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** Raw bytes of another builder. */
    DicomBytes raw(DicomBytes other) {
        return raw(other.toByteArray());
    }

    /** A 16-bit value in the builder's byte order. */
    DicomBytes u16(int v) {
        if (bigEndian) {
            out.write(v >>> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >>> 8);
        }
        return this;
    }

    /** A 32-bit value in the builder's byte order. */
    DicomBytes u32(long v) {
        if (bigEndian) {
            return u16((int) (v >>> 16) & 0xFFFF).u16((int) v & 0xFFFF);
        }
        return u16((int) v & 0xFFFF).u16((int) (v >>> 16) & 0xFFFF);
    }

    /** True for explicit VR builders. */
    boolean explicit() {
        return explicit;
    }

    /** True for big-endian builders. */
    boolean bigEndian() {
        return bigEndian;
    }

    /** Bytes written so far. */
    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** Raw deflate (no zlib header), as Deflated Explicit VR Little Endian requires. */
    static byte[] deflate(byte[] data, boolean zlibHeader) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, !zlibHeader);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (!deflater.finished()) {
            int n = deflater.deflate(chunk);
            compressed.write(chunk, 0, n);
        }
        deflater.end();
        return compressed.toByteArray();
    }
}
