package org.injectionplanner.store;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file writes: the bytes go to a temporary file in the target's folder, are forced to the
 * device ({@link FileChannel#force}), and the file is renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}; then the folder itself is forced where the platform allows
 * (POSIX; Windows refuses to open folders and needs no such step). A reader therefore sees the old file
 * or the new one, never a part; a crash leaves at most a {@code *.tmp} file behind.
 */
final class AtomicFiles {

    private static final System.Logger LOG = System.getLogger(AtomicFiles.class.getName());

    private static volatile boolean directorySyncUnsupportedLogged;

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
     * Writes {@code bytes} to a new file {@code target} atomically. The caller guarantees, by holding the
     * course lock and checking first, that no other writer creates {@code target}: a rename replaces an
     * existing file on POSIX, so the check is what keeps revisions immutable.
     *
     * @throws FileAlreadyExistsException if {@code target} exists (nothing is written)
     * @throws IOException if the write fails (no target is created)
     */
    static void create(Path target, byte[] bytes) throws IOException {
        Path temp = writeTemp(target, bytes);
        try {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "a revision is never overwritten");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(target.getParent());
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
