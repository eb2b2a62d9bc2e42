package org.injectionplanner.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Optional;
import org.injectionplanner.planfile.PlanFormatException;

/**
 * Reads the files of a plan store (plans, revisions, autosaves, settings, head records) without trusting
 * what is in the folder (docs/plan-format.md §4): only a regular file is opened, so a FIFO (whose opening
 * would block), a device such as {@code /dev/zero} (endless) or a folder is refused before it is opened;
 * at most {@link #MAX_BYTES} are read, however large the file claims or grows to be. A file of the store
 * must moreover not be a symbolic link and must lie inside the store's real folder, so a revision linked
 * to a copy elsewhere, or a course folder linked out of the store, is refused. A file named by the user
 * (on the command line, in a dialog) may be a link to a regular file.
 *
 * <p>The type is checked before the file is opened; a file swapped for a FIFO between the check and the
 * opening is not caught (only someone writing the folder at that moment could do it).
 */
public final class StoreFiles {

    /** The largest store or plan file read, bytes (32 MiB; a plan with hundreds of targets has ~1 MB). */
    public static final long MAX_BYTES = 32L << 20;

    private StoreFiles() {
    }

    /**
     * The bytes of {@code file}, a file of the store in {@code root}: a regular file, not a symbolic link,
     * inside {@code root} once every link of its folders is resolved, at most {@link #MAX_BYTES}.
     *
     * @throws StoreException if it is missing, of another kind, outside the store, too large or unreadable
     */
    static byte[] readInStore(Path root, Path file) throws StoreException {
        BasicFileAttributes attributes = attributes(file, LinkOption.NOFOLLOW_LINKS);
        requireRegular(file, attributes);
        requireInside(root, file);
        return read(file, attributes, LinkOption.NOFOLLOW_LINKS);
    }

    /** Reads a document from its bytes; {@code source} names the file in errors. */
    @FunctionalInterface
    interface DocumentParser<T> {
        T parse(byte[] bytes, String source) throws PlanFormatException;
    }

    /**
     * The document in {@code file}, a file of the store in {@code root} read as {@link #readInStore} does, or
     * empty when there is no such file.
     *
     * @throws StoreException if it is there but cannot be read, or {@code parser} refuses it (naming the field)
     */
    static <T> Optional<T> readIfPresent(Path root, Path file, DocumentParser<T> parser) throws StoreException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parse(readInStore(root, file), file.toString()));
        } catch (PlanFormatException e) {
            throw StoreException.of(e);
        }
    }

    /**
     * The bytes of {@code file}, named by the user: a regular file or a link to one, at most
     * {@link #MAX_BYTES}.
     *
     * @throws StoreException if it is missing, of another kind, too large or unreadable
     */
    public static byte[] readNamed(Path file) throws StoreException {
        BasicFileAttributes attributes = attributes(file);
        requireRegular(file, attributes);
        return read(file, attributes);
    }

    /**
     * Refuses {@code path} unless its real location (every symbolic link resolved) lies inside the real
     * folder of {@code root}.
     *
     * @throws StoreException if it leads out of the store or cannot be resolved
     */
    static void requireInside(Path root, Path path) throws StoreException {
        Path realRoot;
        Path real;
        try {
            realRoot = root.toRealPath();
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new StoreException(path + ": no such file", e);
        } catch (IOException e) {
            throw new StoreException(path + ": cannot resolve: " + reason(e), e);
        }
        if (!real.startsWith(realRoot)) {
            throw new StoreException(path + ": leads out of the plan store (to " + real + ") through a symbolic "
                    + "link; refused");
        }
    }

    /** The attributes of {@code path}, following links unless told not to. */
    static BasicFileAttributes attributes(Path path, LinkOption... options) throws StoreException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, options);
        } catch (NoSuchFileException e) {
            throw new StoreException(path + ": no such file", e);
        } catch (IOException e) {
            throw new StoreException(path + ": cannot read: " + reason(e), e);
        }
    }

    /** What kind of thing {@code attributes} describe, for messages: "a symbolic link", "a folder" … */
    static String kind(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (attributes.isDirectory()) {
            return "a folder";
        }
        return attributes.isRegularFile() ? "a file" : "a device, FIFO or socket";
    }

    private static void requireRegular(Path file, BasicFileAttributes attributes) throws StoreException {
        if (!attributes.isRegularFile()) {
            throw new StoreException(file + ": " + kind(attributes) + ", not a regular file; refused");
        }
        if (attributes.size() > MAX_BYTES) {
            throw tooLarge(file);
        }
    }

    private static byte[] read(Path file, BasicFileAttributes attributes, OpenOption... options)
            throws StoreException {
        OpenOption[] all = Arrays.copyOf(options, options.length + 1);
        all[options.length] = StandardOpenOption.READ;
        try (SeekableByteChannel channel = Files.newByteChannel(file, all)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(attributes.size() + 1, MAX_BYTES + 1));
            while (true) {
                if (!buffer.hasRemaining()) {
                    if (buffer.capacity() > MAX_BYTES) {
                        throw tooLarge(file);
                    }
                    buffer = ByteBuffer.allocate((int) Math.min(2L * buffer.capacity(), MAX_BYTES + 1))
                            .put(buffer.flip());
                }
                if (channel.read(buffer) < 0) {
                    return Arrays.copyOf(buffer.array(), buffer.position());
                }
            }
        } catch (NoSuchFileException e) {
            throw new StoreException(file + ": no such file", e);
        } catch (IOException e) {
            throw new StoreException(file + ": cannot read: " + reason(e), e);
        }
    }

    private static StoreException tooLarge(Path file) {
        return new StoreException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB; not a plan store file");
    }

    /** The operating system's reason of a failed file operation, without the file name repeated. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
