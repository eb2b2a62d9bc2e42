package org.injectionplanner.dicom;

import java.io.EOFException;

/** Bytes held in memory (deflated files after inflation, and tests). */
final class ArrayByteSource implements ByteSource {

    private final byte[] data;
    private final int length;
    private final String name;

    ArrayByteSource(byte[] data, int length, String name) {
        this.data = data;
        this.length = length;
        this.name = name;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void read(long position, byte[] dst, int off, int len) throws EOFException {
        if (position < 0 || position + len > length) {
            throw new EOFException("end of data at byte " + length);
        }
        System.arraycopy(data, (int) position, dst, off, len);
    }

    @Override
    public String name() {
        return name;
    }
}
