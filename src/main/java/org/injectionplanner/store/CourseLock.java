package org.injectionplanner.store;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write lock of one course: a {@link FileLock} on {@code lock}, held for as long as the course is
 * open, and {@code lock-owner.json} naming the holder. The operating system releases a FileLock when its
 * process ends, however it ends; so a lock whose FileLock can be taken while an owner record is still
 * there is stale (its holder died without closing the course) and is taken over, with a notice saying
 * whose it was. A lock whose FileLock is held is refused with {@link StoreLockedException} naming the
 * holder; if the holder's record is not there yet (it is written just after the FileLock is taken), or
 * still names a process that has died, the record is read again for up to a second first.
 *
 * <p>Within one Java process the course is refused through a registry before its lock file is touched:
 * on POSIX, closing any channel of a file drops every lock the process holds on it.
 */
final class CourseLock implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CourseLock.class.getName());

    /**
     * How often, and how long apart, to look again when the lock is held but its owner record is missing
     * or names a dead process: the new holder writes its record just after it takes the lock.
     */
    private static final int RECORD_WAITS = 20;
    private static final long RECORD_WAIT_MILLIS = 50;

    /** The courses open in this process, by real folder path. */
    private static final Map<Path, LockOwner> HELD_HERE = new ConcurrentHashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final Path ownerFile;
    private final String takeoverNotice;

    private CourseLock(Path key, FileChannel channel, FileLock lock, Path ownerFile, String takeoverNotice) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.ownerFile = ownerFile;
        this.takeoverNotice = takeoverNotice;
    }

    /**
     * Locks the course in {@code courseDir} (which must exist) for {@code me}.
     *
     * @throws StoreLockedException if another process, or another part of this one, holds it
     * @throws StoreException if the lock file cannot be written
     */
    static CourseLock acquire(Path courseDir, UUID courseId, LockOwner me) throws StoreException {
        Path key;
        try {
            key = courseDir.toRealPath();
        } catch (IOException e) {
            throw new StoreException("cannot open course " + courseId + " in " + courseDir + ": " + e.getMessage(), e);
        }
        LockOwner here = HELD_HERE.putIfAbsent(key, me);
        if (here != null) {
            throw new StoreLockedException("course " + courseId + " is already open in this program (since "
                    + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(here.since()) + "): close it there first", here);
        }
        Path ownerFile = courseDir.resolve(StoreLayout.LOCK_OWNER);
        FileChannel channel = null;
        try {
            Path lockFile = courseDir.resolve(StoreLayout.LOCK);
            if (Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
                BasicFileAttributes a = StoreFiles.attributes(lockFile, LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile()) {
                    throw new StoreException("cannot lock course " + courseId + ": " + lockFile + " is "
                            + StoreFiles.kind(a) + ", not a regular file");
                }
            }
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock lock = channel.tryLock();
            Optional<LockOwner> recorded = readOwner(ownerFile);
            for (int wait = 0; lock == null && wait < RECORD_WAITS
                    && recorded.map(LockOwner::deadOnThisHost).orElse(true); wait++) {
                Thread.sleep(RECORD_WAIT_MILLIS);
                lock = channel.tryLock();
                recorded = readOwner(ownerFile);
            }
            if (lock == null) {
                throw refused(courseId, recorded, ownerFile);
            }
            String notice = null;
            if (recorded.isPresent() || Files.exists(ownerFile)) {
                notice = recorded.map(o -> "took over the lock of course " + courseId + " held by " + o.describe()
                        + (o.deadOnThisHost() ? ", a process that is no longer running" : ", whose lock was released")
                        + ": it ended without closing the course")
                        .orElse("took over the lock of course " + courseId + ": its owner record was unreadable");
                LOG.log(Level.WARNING, notice);
            }
            AtomicFiles.replace(ownerFile, me.toJson());
            CourseLock held = new CourseLock(key, channel, lock, ownerFile, notice);
            channel = null;
            return held;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while opening course " + courseId, e);
        } catch (IOException e) {
            throw new StoreException("cannot lock course " + courseId + " in " + courseDir + ": " + e.getMessage(), e);
        } finally {
            if (channel != null) {
                HELD_HERE.remove(key);
                closeQuietly(channel);
            }
        }
    }

    private static StoreLockedException refused(UUID courseId, Optional<LockOwner> recorded, Path ownerFile) {
        if (recorded.isEmpty()) {
            return new StoreLockedException("course " + courseId + " is open in another program (its owner record "
                    + ownerFile + " is not written yet or unreadable): close it there first", null);
        }
        LockOwner o = recorded.get();
        String message = "course " + courseId + " is open on " + o.describe() + ": close it there first";
        if (o.deadOnThisHost()) {
            message += " (the recorded process is no longer running, but another process holds the file lock)";
        }
        return new StoreLockedException(message, o);
    }

    private static Optional<LockOwner> readOwner(Path ownerFile) throws StoreException {
        if (!Files.exists(ownerFile, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return LockOwner.parse(StoreFiles.readInStore(ownerFile.getParent(), ownerFile), ownerFile.toString());
        } catch (StoreException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing a lock file failed: {0}", e.toString());
        }
    }

    /** The notice when a stale lock was taken over, or null. */
    String takeoverNotice() {
        return takeoverNotice;
    }

    /** True while the lock is held. */
    boolean isHeld() {
        return lock.isValid();
    }

    /**
     * Removes the owner record and releases the lock. The {@code lock} file itself stays: deleting it
     * while another process waits on it would let two processes lock two different files.
     *
     * @throws StoreException if the owner record cannot be removed (the lock is released all the same)
     */
    @Override
    public void close() throws StoreException {
        IOException failure = null;
        try {
            AtomicFiles.delete(ownerFile);
        } catch (IOException e) {
            failure = e;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        } finally {
            HELD_HERE.remove(key);
        }
        if (failure != null) {
            throw new StoreException("closing the lock of " + ownerFile.getParent() + " failed: "
                    + failure.getMessage(), failure);
        }
    }
}
