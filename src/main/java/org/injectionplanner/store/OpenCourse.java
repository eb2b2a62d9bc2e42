package org.injectionplanner.store;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.injectionplanner.plan.CourseRecord;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.Seal;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.planfile.JsonDialect;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.store.StoreLayout.RevisionName;

/**
 * A course opened for writing: holds its lock until {@link #close()}, saves revisions and autosaves.
 * Remembers the newest revision it has seen (at opening, then its own saves); a save finding any other
 * newest revision on disk is refused with {@link ConflictException}, so nothing written elsewhere is ever
 * overwritten or merged. Thread-safe; methods fail with IllegalStateException after {@link #close()}.
 */
public final class OpenCourse implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OpenCourse.class.getName());

    private final PlanStore store;
    private final UUID courseId;
    private final Path dir;
    private final CourseLock lock;
    private final String rollbackNotice;
    private CourseHead seen;
    private boolean closed;

    private OpenCourse(PlanStore store, UUID courseId, Path dir, CourseLock lock, CourseHead seen,
            String rollbackNotice) {
        this.store = store;
        this.courseId = courseId;
        this.dir = dir;
        this.lock = lock;
        this.seen = seen;
        this.rollbackNotice = rollbackNotice;
    }

    static OpenCourse open(PlanStore store, UUID courseId) throws StoreException {
        Path dir = StoreLayout.course(store.root(), courseId);
        try {
            Files.createDirectories(StoreLayout.revisions(dir));
            Files.createDirectories(StoreLayout.autosaves(dir));
        } catch (IOException e) {
            throw new StoreException("cannot create the folders of course " + courseId + " in " + dir + ": "
                    + e.getMessage(), e);
        }
        CourseLock lock = CourseLock.acquire(dir, courseId, LockOwner.current(store.now()));
        try {
            removeTemporaryFiles(dir);
            CourseHead head = checkedHead(store, dir);
            int newest = head == null ? 0 : head.sequence();
            String rollback = store.seen().rollbackWarning(store.root(), courseId, newest).orElse(null);
            if (rollback != null) {
                LOG.log(Level.WARNING, rollback);
            }
            store.seen().remember(store.root(), courseId, newest);
            return new OpenCourse(store, courseId, dir, lock, head, rollback);
        } catch (StoreException | RuntimeException e) {
            try {
                lock.close();
            } catch (StoreException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The course. */
    public UUID courseId() {
        return courseId;
    }

    /** The store the course is in. */
    PlanStore store() {
        return store;
    }

    /** The course's folder. */
    public Path folder() {
        return dir;
    }

    /**
     * When opening took over a stale lock (its holder ended without closing the course), what was taken
     * over from whom, to show the user.
     */
    public Optional<String> takeoverNotice() {
        return Optional.ofNullable(lock.takeoverNotice());
    }

    /**
     * When the store shows this course with fewer revisions than this workstation has seen before
     * ({@link SeenSequences}), the warning to show the user.
     */
    public Optional<String> rollbackNotice() {
        return Optional.ofNullable(rollbackNotice);
    }

    /** The sequence of the newest revision this session has seen, or 0 if the course has none. */
    public synchronized int newestSequence() {
        return seen == null ? 0 : seen.name().sequence();
    }

    /**
     * Saves the plan as the course's next revision and removes its autosave. The file is written to a
     * temporary file, forced to disk and renamed into place; once this returns the revision is durable.
     * A signed plan is saved only if its signature matches its planned content and, when the signature is
     * not the one of the plan's newest revision, is sealed, verifies ({@link PlanStore#signatureStatus}) and
     * was given under the store's clinic settings.
     *
     * @param author who saves (not blank)
     * @param reason why, e.g. "amended after review"; may be empty
     * @throws ConflictException if the newest revision on disk is not the one this session last saw
     *         (nothing is written)
     * @throws StoreException if it cannot be written (no revision is then created), or it carries a new
     *         signature the store does not accept
     * @throws IllegalArgumentException if the plan belongs to another course or the author is blank
     */
    public synchronized Revision save(SessionPlan plan, String author, String reason) throws StoreException {
        checkOpen();
        requireThisCourse(plan);
        requireSoundSignature(plan);
        CourseRecord record = recordFor(plan);
        CourseHead onDisk = head(store.root(), dir);
        if (!sameAsSeen(onDisk)) {
            throw conflict(onDisk);
        }
        CourseHead before = seen;
        recordPatient(record);
        int sequence = seen == null ? 1 : seen.name().sequence() + 1;
        RevisionFile.Written written = RevisionFile.write(plan, sequence, store.now(), author, reason,
                seen == null ? null : seen.sha256());
        RevisionName name = new RevisionName(sequence, plan.id());
        Path file = StoreLayout.revisions(dir).resolve(name.fileName());
        try {
            AtomicFiles.createNew(file, written.bytes());
        } catch (FileAlreadyExistsException e) {
            throw new ConflictException(file + " already exists: another program saved this course at the same "
                    + "time; reopen the plan (nothing was saved)");
        } catch (IOException e) {
            throw new StoreException("cannot save revision " + sequence + " of course " + courseId + " to " + file
                    + ": " + e.getMessage() + " (nothing was saved)", e);
        }
        String sha256 = JsonDialect.sha256(written.bytes());
        seen = new CourseHead(name, sha256);
        LOG.log(Level.INFO, "saved revision {0} of course {1}", sequence, courseId);
        writeHead(dir, seen);
        updateIndexes(record, before, new CourseIndex.Newest(name.fileName(), plan));
        Path autosave = StoreLayout.autosave(dir, plan.id());
        try {
            AtomicFiles.delete(autosave);
        } catch (IOException e) {
            LOG.log(Level.WARNING,
                    "revision {0} of course {1} is saved, but its autosave {2} could not be removed: {3}",
                    sequence, courseId, autosave, e.toString());
        }
        return new Revision(file, written.header(), plan, sha256);
    }

    /**
     * Replaces the course's record (its indication and planned sessions; the Patient ID stays the course's).
     *
     * @throws StoreException if it cannot be written
     * @throws IllegalArgumentException if it is another course's or names another Patient ID
     */
    public synchronized void saveRecord(CourseRecord record) throws StoreException {
        checkOpen();
        CourseRecord current = record();
        if (!record.courseId().equals(courseId) || !current.patientId().isEmpty()
                && !current.patientId().equals(record.patientId())) {
            throw new IllegalArgumentException("the record of course " + record.courseId() + " for Patient ID "
                    + record.patientId() + " cannot replace that of course " + courseId + " (Patient ID "
                    + current.patientId() + ")");
        }
        CourseRecordFile.write(dir, record);
        if (!record.patientId().isEmpty()) {
            PatientIndex.record(store.root(), courseId, record.patientId(), store::courses);
        }
    }

    /**
     * The course's record: as saved, or for a course without one (new, or saved before course records) made
     * from its sessions' Patient ID and the clinic's default number of sessions.
     *
     * @throws StoreException if it, the settings or the course's revisions cannot be read
     */
    public CourseRecord record() throws StoreException {
        checkOpen();
        return store.courseRecord(courseId);
    }

    /**
     * The record {@code plan} is saved under: the course's, with the plan's Patient ID when the course had
     * none yet.
     *
     * @throws StoreException if the plan's images show another patient than the course's (nothing is saved)
     */
    private CourseRecord recordFor(SessionPlan plan) throws StoreException {
        CourseRecord record = store.courseRecord(courseId);
        String problem = record.patientProblem(plan);
        if (problem != null) {
            throw new StoreException("session " + plan.sessionNumber() + " cannot be saved in course " + courseId
                    + ": " + problem + "; start a course for this patient (nothing was saved)");
        }
        return record.withPatientOf(plan);
    }

    /**
     * Before a revision is written: the course record and the store's patient index name the course's Patient
     * ID, so that a crash after the revision never leaves a course of that patient unfindable by Patient ID
     * (a crash before it leaves at most an entry of a course without a revision, which
     * {@link PlanStore#coursesOfPatient} passes over). A failure is logged: the save goes on (the index is
     * derived, and verify-store rebuilds it).
     */
    private void recordPatient(CourseRecord record) {
        try {
            if (!CourseRecordFile.read(store.root(), dir).equals(Optional.of(record))) {
                CourseRecordFile.write(dir, record);
            }
            if (!record.patientId().isEmpty()) {
                PatientIndex.record(store.root(), courseId, record.patientId(), store::courses);
            }
        } catch (StoreException | RuntimeException e) {
            LOG.log(Level.WARNING, "the course record or patient index of course {0} could not be updated before "
                    + "its next revision (verify-store rebuilds them): {1}", courseId, e.toString());
        }
    }

    /**
     * Brings the course's index up to this save; a failure is logged (the revision is saved; readers rebuild a
     * stale course index, verify-store all).
     *
     * @param before the head before this save (null: the course had no revision)
     */
    private void updateIndexes(CourseRecord record, CourseHead before, CourseIndex.Newest saved) {
        try {
            Optional<CourseIndex> old = CourseIndex.read(store.root(), dir);
            if (old.isPresent() && Objects.equals(old.get().head(), before)) {
                old.get().with(saved, record.patientId(), seen).write(dir);
            } else {
                store.rebuildCourseIndex(courseId, record.patientId()).write(dir);
            }
        } catch (StoreException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "revision {0} of course {1} is saved, but the store index could not be updated "
                    + "(verify-store rebuilds it): {2}", seen.name().fileName(), courseId, e.toString());
        }
    }

    /**
     * Writes the working copy of a plan to {@code autosave/<planId>.json}, atomically replacing the last
     * one. Not a revision: it is what a restart after a crash offers ({@link PlanStore#recoverable}).
     *
     * @throws StoreException if it cannot be written (the previous autosave is then unchanged)
     * @throws IllegalArgumentException if the plan belongs to another course
     */
    public synchronized void autosave(SessionPlan plan) throws StoreException {
        checkOpen();
        requireThisCourse(plan);
        Path file = StoreLayout.autosave(dir, plan.id());
        Integer basedOn = seen == null ? null : seen.name().sequence();
        try {
            AtomicFiles.replace(file, AutosaveFile.write(plan, store.now(), basedOn));
        } catch (IOException e) {
            throw new StoreException("cannot autosave plan " + plan.id() + " to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The unsaved work of this course found on disk ({@link PlanStore#recoverable}).
     *
     * @throws StoreException if an autosave or revision cannot be read
     */
    public List<Recovery> recoverable() throws StoreException {
        checkOpen();
        return store.recoverable(courseId);
    }

    /**
     * Removes the autosave of a plan (when the user declines to recover it, or closes without saving).
     *
     * @throws StoreException if it cannot be removed
     */
    public synchronized void discardAutosave(UUID planId) throws StoreException {
        checkOpen();
        Path file = StoreLayout.autosave(dir, planId);
        try {
            AtomicFiles.delete(file);
        } catch (IOException e) {
            throw new StoreException("cannot remove the autosave " + file + ": " + e.getMessage(), e);
        }
    }

    /** True until {@link #close()}. */
    public synchronized boolean isOpen() {
        return !closed;
    }

    /**
     * Remembers the newest revision seen for this workstation ({@link SeenSequences}) and releases the
     * lock. Autosaves stay, so unsaved work remains recoverable. Closing twice does nothing.
     *
     * @throws StoreException if the lock's owner record cannot be removed (the lock is released all the same)
     */
    @Override
    public synchronized void close() throws StoreException {
        if (!closed) {
            closed = true;
            if (seen != null) {
                store.seen().remember(store.root(), courseId, seen.sequence());
            }
            lock.close();
        }
    }

    private boolean sameAsSeen(CourseHead onDisk) {
        return seen == null ? onDisk == null : seen.equals(onDisk);
    }

    private ConflictException conflict(CourseHead onDisk) {
        String elsewhere;
        if (onDisk == null) {
            elsewhere = "its revisions were removed";
        } else if (seen != null && onDisk.name().equals(seen.name())) {
            elsewhere = "revision " + onDisk.name().fileName() + " was modified";
        } else {
            Path file = StoreLayout.revisions(dir).resolve(onDisk.name().fileName());
            String when;
            try {
                RevisionHeader h = RevisionFile.parse(StoreFiles.readInStore(store.root(), file), file.toString())
                        .header();
                when = " at " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(h.savedAt()) + " by " + h.author();
            } catch (StoreException | PlanFormatException e) {
                when = " (" + e.getMessage() + ")";
            }
            elsewhere = "it was changed elsewhere" + when + " (revision " + onDisk.name().fileName() + ")";
        }
        return new ConflictException("course " + courseId + " cannot be saved: " + elsewhere
                + " since this session saw it; reopen the plan (nothing was saved)");
    }

    private void requireSoundSignature(SessionPlan plan) throws StoreException {
        if (plan.status() != PlanStatus.SIGNED) {
            return;
        }
        boolean saved = store.latest(courseId, plan.id())
                .map(r -> plan.signature().equals(r.plan().signature())).orElse(false);
        List<String> problems = saved
                ? (SignOff.intact(plan) ? List.of() : List.of("its planned content was changed after signing"))
                : newSignatureProblems(plan);
        if (!problems.isEmpty()) {
            throw new StoreException("session " + plan.sessionNumber() + " cannot be saved as signed by "
                    + plan.signature().signer() + " (nothing was saved):\n- " + String.join("\n- ", problems));
        }
    }

    /**
     * Why a signature the store has not saved before cannot be: it must be sealed, verify
     * ({@link PlanStore#signatureStatus}) and have been given under the store's clinic settings.
     */
    private List<String> newSignatureProblems(SessionPlan plan) throws StoreException {
        Seal seal = plan.signature().seal();
        if (seal == null) {
            return List.of("a new signature must be sealed with the signer's key");
        }
        List<String> problems = new ArrayList<>(store.signatureStatus(plan).problems());
        if (!seal.settings().equals(store.settings())) {
            problems.add("it was given under clinic settings other than the store's");
        }
        return problems;
    }

    private void requireThisCourse(SessionPlan plan) {
        if (!plan.courseId().equals(courseId)) {
            throw new IllegalArgumentException("plan " + plan.id() + " belongs to course " + plan.courseId()
                    + ", not to the open course " + courseId);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("course " + courseId + " was closed");
        }
    }

    /**
     * The newest revision in the course folder, checked against the course's head record: refused when
     * the revision the record names is missing, renamed or changed (the newest revision was deleted or
     * tampered with). A record that lags behind (a save interrupted before it was written) or is missing
     * (a course saved by an older version) is brought up to date.
     */
    private static CourseHead checkedHead(PlanStore store, Path dir) throws StoreException {
        CourseHead onDisk = head(store.root(), dir);
        Optional<CourseHead> recorded = CourseHead.read(store.root(), dir);
        if (recorded.isPresent() && !recorded.get().equals(onDisk)) {
            CourseHead r = recorded.get();
            String problem = r.problem(store.root(), StoreLayout.revisions(dir));
            if (problem != null) {
                throw new StoreException("course " + dir.getFileName() + " cannot be opened: its head record "
                        + StoreLayout.head(dir) + " names revision " + r.name().fileName() + ", which " + problem
                        + "; run verify-store and restore the revision from a backup");
            }
        }
        if (onDisk != null && !recorded.equals(Optional.of(onDisk))) {
            LOG.log(Level.INFO, "head record of course {0} brought up to revision {1}", dir.getFileName(),
                    onDisk.sequence());
            writeHead(dir, onDisk);
        }
        return onDisk;
    }

    /** Replaces the course's head record; a failure is logged (the next opening writes it again). */
    private static void writeHead(Path dir, CourseHead head) {
        Path file = StoreLayout.head(dir);
        try {
            AtomicFiles.replace(file, head.toJson());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "revision {0} is saved, but the head record {1} could not be written: {2}",
                    head.name().fileName(), file, StoreFiles.reason(e));
        }
    }

    /** The newest revision in the course folder, or null if there is none. */
    private static CourseHead head(Path root, Path dir) throws StoreException {
        Path revisions = StoreLayout.revisions(dir);
        List<RevisionName> names = PlanStore.revisionNames(revisions);
        if (names.isEmpty()) {
            return null;
        }
        RevisionName newest = names.get(names.size() - 1);
        if (names.size() > 1 && names.get(names.size() - 2).sequence() == newest.sequence()) {
            throw new ConflictException("course " + dir.getFileName() + " has two revisions numbered "
                    + newest.sequence() + ": two programs saved it at once; run verify-store");
        }
        byte[] bytes = StoreFiles.readInStore(root, revisions.resolve(newest.fileName()));
        return new CourseHead(newest, JsonDialect.sha256(bytes));
    }

    private static void removeTemporaryFiles(Path dir) throws StoreException {
        int removed = 0;
        for (Path folder : List.of(dir, StoreLayout.revisions(dir), StoreLayout.autosaves(dir))) {
            for (Path file : PlanStore.list(folder)) {
                if (StoreLayout.isTemp(file)) {
                    try {
                        Files.deleteIfExists(file);
                        removed++;
                    } catch (IOException e) {
                        throw new StoreException("cannot remove the temporary file " + file + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        if (removed > 0) {
            LOG.log(Level.INFO, "removed {0} temporary file(s) of an interrupted write in course {1}", removed,
                    dir.getFileName());
        }
    }
}
