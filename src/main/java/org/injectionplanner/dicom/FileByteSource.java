package org.injectionplanner.dicom;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file read through positional channel reads (no shared file pointer, so thread-safe). Only a regular
 * file (or a link to one) is opened: a FIFO would block the opening, a device has no end.
 */
final class FileByteSource implements ByteSource {

    private final FileChannel channel;
    private final long length;
    private final String name;

    FileByteSource(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException((attributes.isDirectory() ? "a folder" : "a device, FIFO or socket")
                    + ", not a regular file");
        }
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.length = channel.size();
        this.name = path.toString();
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void read(long position, byte[] dst, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(dst, off, len);
        long pos = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, pos);
            if (n < 0) {
                throw new EOFException("end of file at byte " + pos);
            }
            pos += n;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
