package org.injectionplanner.store;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file writes: the bytes go to a temporary file in the target's folder, are forced to the
 * device ({@link FileChannel#force}), and the file is renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE} (or, for a file that must be new, hard-linked to it); then the
 * folder itself is forced where the platform allows (POSIX; Windows refuses to open folders and needs no
 * such step). A reader therefore sees the old file
 * or the new one, never a part; a crash leaves at most a {@code *.tmp} file behind.
 */
final class AtomicFiles {

    private static final System.Logger LOG = System.getLogger(AtomicFiles.class.getName());

    private static volatile boolean directorySyncUnsupportedLogged;
    private static volatile boolean hardLinksUnsupportedLogged;

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code target} atomically, replacing it if it exists.
     *
     * @throws IOException if the write fails (the target is then unchanged)
     */
    static void replace(Path target, byte[] bytes) throws IOException {
        Path temp = writeTemp(target, bytes);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(target.getParent());
    }

    /**
     * Writes {@code bytes} to a new file {@code target} atomically and never over an existing one: the
     * forced temporary file is hard-linked to {@code target}, which the operating system refuses as one
     * step when {@code target} exists (no check-then-rename), so of two writers creating the same file,
     * lock or not, exactly one succeeds. On a file system without hard links the file is created with
     * {@link StandardOpenOption#CREATE_NEW} (equally exclusive) and written in place; a crash there can
     * leave a partial file, which {@code verify-store} reports.
     *
     * @throws FileAlreadyExistsException if {@code target} exists (nothing is written)
     * @throws IOException if the write fails (no target is created)
     */
    static void createNew(Path target, byte[] bytes) throws IOException {
        Path temp = writeTemp(target, bytes);
        try {
            Files.createLink(target, temp);
        } catch (UnsupportedOperationException e) {
            linksUnsupported(target, e.toString());
            writeExclusive(target, bytes);
        } catch (FileSystemException e) {
            if (e instanceof FileAlreadyExistsException || Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString(), null, "a revision is never overwritten");
            }
            if (!Files.exists(temp)) {
                throw e;
            }
            linksUnsupported(target, e.toString());
            writeExclusive(target, bytes);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(target.getParent());
    }

    private static void linksUnsupported(Path target, String why) {
        if (!hardLinksUnsupportedLogged) {
            hardLinksUnsupportedLogged = true;
            LOG.log(Level.WARNING, "the file system of {0} has no hard links ({1}); new revisions are written in "
                    + "place", target.getParent(), why);
        }
    }

    private static void writeExclusive(Path target, byte[] bytes) throws IOException {
        FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (ch) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    /** Deletes {@code file} if it exists and forces its folder. */
    static void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) {
            syncDirectory(file.getParent());
        }
    }

    private static Path writeTemp(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        while (true) {
            String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            Path temp = dir.resolve(target.getFileName() + "." + suffix + StoreLayout.TEMP_SUFFIX);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
                return temp;
            } catch (FileAlreadyExistsException e) {
                LOG.log(Level.DEBUG, "temporary name {0} taken; drawing another", temp.getFileName());
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
        }
    }

    /** Forces a folder's entries to the device, where the platform can open folders. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            if (!directorySyncUnsupportedLogged) {
                directorySyncUnsupportedLogged = true;
                LOG.log(Level.DEBUG, "folders cannot be forced to disk on this platform: {0}", e.toString());
            }
        }
    }
}
