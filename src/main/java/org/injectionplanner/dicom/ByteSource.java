package org.injectionplanner.dicom;

import java.io.Closeable;
import java.io.IOException;

/** Random-access bytes of a DICOM file; reads are positional and safe from several threads. */
public interface ByteSource extends Closeable {

    /** The number of bytes. */
    long length();

    /** Reads exactly {@code len} bytes at {@code position}; fails if fewer are there. */
    void read(long position, byte[] dst, int off, int len) throws IOException;

    /** A name for messages, such as the file's path. */
    String name();

    @Override
    default void close() throws IOException {
    }
}
