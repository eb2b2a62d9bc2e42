package org.injectionplanner.dicom;

import java.io.IOException;

/**
 * A buffered reading position in a {@link ByteSource}, with little- or big-endian integer reads.
 * Reads past the end of the source raise {@link DicomException} naming the offset.
 */
final class Cursor {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final ByteSource source;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private long bufferStart;
    private int bufferLength;
    private long position;
    boolean bigEndian;
    int currentTag = -1;

    Cursor(ByteSource source, long position) {
        this.source = source;
        this.position = position;
    }

    long position() {
        return position;
    }

    void seek(long newPosition) {
        position = newPosition;
    }

    long length() {
        return source.length();
    }

    long remaining() {
        return source.length() - position;
    }

    String name() {
        return source.name();
    }

    DicomException error(String reason) {
        return new DicomException(source.name(), position, currentTag, reason);
    }

    DicomException error(long offset, String reason) {
        return new DicomException(source.name(), offset, currentTag, reason);
    }

    private void require(int n) throws DicomException {
        if (position + n > source.length()) {
            throw error("unexpected end of file: " + n + " bytes needed, "
                    + Math.max(0, source.length() - position) + " left");
        }
        if (position < bufferStart || position + n > bufferStart + bufferLength) {
            bufferStart = position;
            bufferLength = (int) Math.min(BUFFER_SIZE, source.length() - position);
            try {
                source.read(bufferStart, buffer, 0, bufferLength);
            } catch (IOException e) {
                throw new DicomException(source.name(), position, currentTag,
                        "cannot read the file: " + e.getMessage(), e);
            }
        }
    }

    int u8() throws DicomException {
        require(1);
        return buffer[(int) (position++ - bufferStart)] & 0xFF;
    }

    int u16() throws DicomException {
        require(2);
        int i = (int) (position - bufferStart);
        position += 2;
        int a = buffer[i] & 0xFF;
        int b = buffer[i + 1] & 0xFF;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    long u32() throws DicomException {
        require(4);
        int i = (int) (position - bufferStart);
        position += 4;
        long a = buffer[i] & 0xFF;
        long b = buffer[i + 1] & 0xFF;
        long c = buffer[i + 2] & 0xFF;
        long d = buffer[i + 3] & 0xFF;
        return bigEndian ? (a << 24) | (b << 16) | (c << 8) | d : (d << 24) | (c << 16) | (b << 8) | a;
    }

    /** A tag: group then element, each in the cursor's byte order. */
    int tag() throws DicomException {
        int group = u16();
        int element = u16();
        return (group << 16) | element;
    }

    /** Peeks at a little-endian tag without moving, or returns -1 at the end of the source. */
    int peekTagLittleEndian() throws DicomException {
        if (remaining() < 4) {
            return -1;
        }
        boolean saved = bigEndian;
        long at = position;
        bigEndian = false;
        int tag = tag();
        bigEndian = saved;
        position = at;
        return tag;
    }

    byte[] bytes(int n) throws DicomException {
        if (n < 0 || n > remaining()) {
            throw error("unexpected end of file: " + n + " bytes needed, " + Math.max(0, remaining())
                    + " left");
        }
        byte[] out = new byte[n];
        if (n <= BUFFER_SIZE) {
            require(n);
            System.arraycopy(buffer, (int) (position - bufferStart), out, 0, n);
        } else {
            try {
                source.read(position, out, 0, n);
            } catch (IOException e) {
                throw new DicomException(source.name(), position, currentTag,
                        "cannot read the file: " + e.getMessage(), e);
            }
        }
        position += n;
        return out;
    }

    void skip(long n) {
        position += n;
    }
}
