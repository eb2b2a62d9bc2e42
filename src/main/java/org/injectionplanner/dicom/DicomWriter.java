package org.injectionplanner.dicom;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes Part 10 files in Explicit VR Little Endian (optionally with encapsulated pixel data): a
 * 128-byte preamble, {@code DICM}, file meta with a correct group length, then the data set in
 * ascending tag order with explicit lengths everywhere and values padded to even length per VR.
 * Files are written to a temporary file and moved into place, so a reader never sees half a file.
 */
public final class DicomWriter {

    private DicomWriter() {
    }

    /** Writes a data set whose Pixel Data, if any, is an ordinary (native) element. */
    public static void write(Path file, DataSet dataSet) throws IOException {
        write(file, dataSet, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, null);
    }

    /**
     * Writes a data set with encapsulated pixel data: one fragment per frame, and a Basic Offset Table
     * so that any frame can be found directly.
     *
     * @param transferSyntaxUid the compressed transfer syntax the frames are encoded in
     * @param frames the encoded frames, in order
     */
    public static void writeEncapsulated(Path file, DataSet dataSet, String transferSyntaxUid, List<byte[]> frames)
            throws IOException {
        write(file, dataSet, transferSyntaxUid, frames);
    }

    /**
     * Writes a data set whose Pixel Data, if any, is an ordinary element, as a Part 10 stream (preamble,
     * file meta, data set) to {@code out}, which is neither buffered nor closed here.
     */
    public static void write(OutputStream out, DataSet dataSet) throws IOException {
        writePart10(out, dataSet, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, null);
    }

    private static void write(Path file, DataSet dataSet, String tsUid, List<byte[]> frames) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile, whose owner-only permissions the renamed file would keep
        Path tmp = dir.resolve("." + file.getFileName() + "."
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                writePart10(out, dataSet, tsUid, frames);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writePart10(OutputStream out, DataSet dataSet, String tsUid, List<byte[]> frames)
            throws IOException {
        String sopClass = dataSet.getString(Tag.SOP_CLASS_UID);
        String sopInstance = dataSet.getString(Tag.SOP_INSTANCE_UID);
        if (sopClass == null || sopInstance == null) {
            throw new IllegalArgumentException("a data set needs SOP Class UID and SOP Instance UID to be written");
        }
        DataSet meta = new DataSet();
        meta.put(Element.of(Tag.FILE_META_VERSION, Vr.OB, new byte[] {0, 1}));
        meta.putString(Tag.MEDIA_STORAGE_SOP_CLASS_UID, Vr.UI, sopClass);
        meta.putString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, Vr.UI, sopInstance);
        meta.putString(Tag.TRANSFER_SYNTAX_UID, Vr.UI, tsUid);
        meta.putString(Tag.IMPLEMENTATION_CLASS_UID, Vr.UI, Uids.IMPLEMENTATION_CLASS_UID);
        meta.putString(Tag.IMPLEMENTATION_VERSION_NAME, Vr.SH, Uids.IMPLEMENTATION_VERSION_NAME);
        ByteArrayOutputStream metaBytes = new ByteArrayOutputStream();
        writeElements(metaBytes, meta);

        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        writeHeader(out, Tag.FILE_META_GROUP_LENGTH, Vr.UL, 4);
        out.write(le32(metaBytes.size()));
        metaBytes.writeTo(out);
        for (Element e : dataSet.elements()) {
            if (Tag.group(e.tag()) == 0x0002) {
                continue;
            }
            if (e.tag() == Tag.PIXEL_DATA && frames != null) {
                writeEncapsulatedPixelData(out, frames);
            } else {
                writeElement(out, e);
            }
        }
        if (frames != null && !dataSet.contains(Tag.PIXEL_DATA)) {
            writeEncapsulatedPixelData(out, frames);
        }
    }

    /** Encodes the elements of a data set (explicit VR little endian). */
    static void writeElements(OutputStream out, DataSet ds) throws IOException {
        for (Element e : ds.elements()) {
            writeElement(out, e);
        }
    }

    private static void writeElement(OutputStream out, Element e) throws IOException {
        if (e.vr() == Vr.SQ) {
            ByteArrayOutputStream items = new ByteArrayOutputStream();
            for (DataSet item : e.items() == null ? List.<DataSet>of() : e.items()) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                writeElements(body, item);
                items.write(le16(0xFFFE));
                items.write(le16(0xE000));
                items.write(le32(body.size()));
                body.writeTo(items);
            }
            writeHeader(out, e.tag(), Vr.SQ, items.size());
            items.writeTo(out);
            return;
        }
        if (e.value() == null) {
            throw new IOException("element " + Tag.toString(e.tag()) + " has no value in memory to write");
        }
        byte[] value = e.value();
        boolean odd = (value.length & 1) == 1;
        writeHeader(out, e.tag(), e.vr(), value.length + (odd ? 1 : 0));
        out.write(value);
        if (odd) {
            out.write(e.vr().padding());
        }
    }

    private static void writeEncapsulatedPixelData(OutputStream out, List<byte[]> frames) throws IOException {
        out.write(le16(0x7FE0));
        out.write(le16(0x0010));
        out.write(new byte[] {'O', 'B', 0, 0});
        out.write(le32(-1));
        ByteBuffer bot = ByteBuffer.allocate(frames.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        long offset = 0;
        for (byte[] f : frames) {
            if (offset > 0xFFFFFFFFL) {
                throw new IOException("encapsulated frames exceed the 4 GiB Basic Offset Table range");
            }
            bot.putInt((int) offset);
            offset += 8 + f.length + (f.length & 1);
        }
        out.write(le16(0xFFFE));
        out.write(le16(0xE000));
        out.write(le32(bot.capacity()));
        out.write(bot.array());
        for (byte[] f : frames) {
            boolean odd = (f.length & 1) == 1;
            out.write(le16(0xFFFE));
            out.write(le16(0xE000));
            out.write(le32(f.length + (odd ? 1 : 0)));
            out.write(f);
            if (odd) {
                out.write(0);
            }
        }
        out.write(le16(0xFFFE));
        out.write(le16(0xE0DD));
        out.write(le32(0));
    }

    private static void writeHeader(OutputStream out, int tag, Vr vr, long length) throws IOException {
        if (length > 0xFFFFFFFEL || (!vr.hasLongLength() && length > 0xFFFF)) {
            throw new IOException("value of " + Tag.toString(tag) + " is too long for VR " + vr + ": " + length);
        }
        out.write(le16(tag >>> 16));
        out.write(le16(tag & 0xFFFF));
        out.write(vr.name().charAt(0));
        out.write(vr.name().charAt(1));
        if (vr.hasLongLength()) {
            out.write(0);
            out.write(0);
            out.write(le32((int) length));
        } else {
            out.write(le16((int) length));
        }
    }

    private static byte[] le16(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8)};
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
