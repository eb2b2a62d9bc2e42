package org.injectionplanner.store;

import java.lang.System.Logger.Level;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.injectionplanner.plan.PlanEditor;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.SessionPlan;

/**
 * What the plugin edits a plan through: a {@link PlanEditor} on the plan and its course opened in a
 * {@link PlanStore}. Every change of the editor is autosaved on a background thread; a burst of changes
 * while a write is under way is coalesced into one write of the newest plan. {@link #save} commits a
 * revision (after the autosaves queued before it), {@link #close()} writes what is pending and releases the
 * course's lock. Thread-safe: the editor may be used from any thread, e.g. ImageJ's event thread.
 */
public final class PlanSession implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PlanSession.class.getName());

    private final OpenCourse course;
    private final PlanEditor editor;
    private final ExecutorService writer;
    private final AtomicReference<SessionPlan> pending = new AtomicReference<>();
    private final PlanEditor.Listener listener = this::planChanged;
    private volatile Consumer<StoreException> failureHandler = e -> { };
    private volatile StoreException lastFailure;
    private volatile SessionPlan saved;

    private PlanSession(OpenCourse course, SessionPlan plan, SessionPlan saved) {
        this.course = course;
        this.editor = new PlanEditor(plan);
        this.saved = saved;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "plan-autosave-" + course.courseId());
            t.setDaemon(true);
            return t;
        });
        editor.addListener(listener);
    }

    /**
     * Opens the plan's course in {@code store} (taking its lock) and starts editing {@code plan}: a new
     * draft, or the plan of {@link PlanStore#latest}. Ask {@link #recoverable()} next whether a crash
     * left unsaved work.
     *
     * @throws StoreLockedException if another program has the course open
     * @throws StoreException if the course cannot be opened
     */
    public static PlanSession open(PlanStore store, SessionPlan plan) throws StoreException {
        OpenCourse course = store.open(plan.courseId());
        try {
            SessionPlan saved = store.latest(plan.courseId(), plan.id()).map(Revision::plan).orElse(null);
            return new PlanSession(course, plan, saved);
        } catch (StoreException | RuntimeException e) {
            try {
                course.close();
            } catch (StoreException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The editor: every change made through it is autosaved. */
    public PlanEditor editor() {
        return editor;
    }

    /** The open course (lock, takeover notice, newest sequence). */
    public OpenCourse course() {
        return course;
    }

    /**
     * Called with every autosave that fails, on the autosave thread (the failure is also logged and kept
     * for {@link #lastAutosaveFailure()}); the plugin shows it to the user.
     */
    public void onAutosaveFailure(Consumer<StoreException> handler) {
        failureHandler = handler;
    }

    /** The last autosave failure, cleared by the next autosave that succeeds. */
    public Optional<StoreException> lastAutosaveFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** True if the editor's plan differs from the newest saved revision of it (or it was never saved). */
    public boolean hasUnsavedChanges() {
        return !editor.plan().equals(saved);
    }

    /**
     * Unsaved work of this course left by a crash, newest first ({@link PlanStore#recoverable}).
     *
     * @throws StoreException if an autosave or revision cannot be read
     */
    public List<Recovery> recoverable() throws StoreException {
        return course.recoverable();
    }

    /**
     * Continues with recovered work: the editor's plan becomes {@code recovery.plan()} (one change event,
     * history cleared), which is autosaved again.
     *
     * @throws IllegalArgumentException if it belongs to another course
     */
    public void recover(Recovery recovery) {
        if (!recovery.plan().courseId().equals(course.courseId())) {
            throw new IllegalArgumentException("that unsaved work belongs to course " + recovery.plan().courseId());
        }
        editor.replace(recovery.plan(), "Recover unsaved work");
    }

    /**
     * Commits the editor's current plan as a new revision, after the autosaves already queued; the
     * plan's autosave is removed. Waits until the revision is on disk.
     *
     * @param author who saves (not blank)
     * @param reason why; may be empty
     * @throws ConflictException if the course was changed elsewhere since it was opened (nothing saved)
     * @throws StoreException if the revision cannot be written
     */
    public Revision save(String author, String reason) throws StoreException {
        SessionPlan plan = editor.plan();
        Future<Revision> done = writer.submit(() -> course.save(plan, author, reason));
        Revision revision = await(done);
        saved = plan;
        return revision;
    }

    /**
     * Signs the editor's plan and saves the signed plan as a new revision (reason "Signed by …"); the
     * editor then holds the signed plan, with its history cleared. The safety checks are run here, with
     * the store's clinic settings and the course's previous session ({@link PlanStore#safetyContext}),
     * whatever findings the caller shows. The signature is sealed with the signer's key, enrolled in the
     * store's keyring on the signer's first signature ({@link PlanStore#enroll}).
     *
     * @throws SignOffRefusedException if the plan cannot be signed, or the keyring does not trust the signer's
     *         key (nothing changed)
     * @throws StoreException if the settings or course cannot be read, or the revision cannot be written
     *         (the editor keeps the unsigned plan)
     */
    public Revision finalizePlan(String signer, OffsetDateTime at) throws SignOffRefusedException, StoreException {
        SessionPlan plan = editor.plan();
        PlanStore store = course.store();
        SessionPlan signed = SignOff.sign(plan, store.settings(), store.previousSessionDate(plan).orElse(null), signer,
                at, store::enroll);
        Future<Revision> done = writer.submit(() -> course.save(signed, signer, "Signed by " + signer.strip()));
        Revision revision = await(done);
        saved = signed;
        editor.replace(signed, "Finalize session plan");
        return revision;
    }

    /**
     * Opens an amendment of the editor's signed plan: one undoable edit that makes it a draft again with
     * the reason recorded. The signed revision stays on disk unchanged; the next save chains to it.
     *
     * @throws IllegalStateException if the plan is not signed
     */
    public void amend(String reason, String author, OffsetDateTime at) {
        editor.apply(PlanEdits.amend(SignOff.amendment(editor.plan(), reason, author, at)));
    }

    /**
     * Waits until the autosaves of the changes made so far are written.
     *
     * @throws StoreException the last autosave failure, if the last write failed
     */
    public void flush() throws StoreException {
        await(writer.submit(() -> null));
        StoreException failure = lastFailure;
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Writes pending autosaves, stops listening to the editor and releases the course's lock. The
     * autosave stays on disk: unsaved work remains recoverable until saved or discarded
     * ({@link OpenCourse#discardAutosave}).
     *
     * @throws StoreException if releasing the lock fails
     */
    @Override
    public void close() throws StoreException {
        editor.removeListener(listener);
        writer.shutdown();
        try {
            if (!writer.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.log(Level.WARNING, "autosave of course {0} did not finish within a minute", course.courseId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            course.close();
        }
    }

    private void planChanged(PlanEditor.Change change) {
        if (pending.getAndSet(change.after()) == null) {
            try {
                writer.execute(this::autosavePending);
            } catch (RejectedExecutionException e) {
                LOG.log(Level.WARNING, "a change of course {0} came after close and was not autosaved",
                        course.courseId());
            }
        }
    }

    private void autosavePending() {
        SessionPlan plan = pending.getAndSet(null);
        if (plan == null) {
            return;
        }
        StoreException failure;
        try {
            course.autosave(plan);
            lastFailure = null;
            return;
        } catch (StoreException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new StoreException("cannot autosave plan " + plan.id() + ": " + e.getMessage(), e);
        }
        lastFailure = failure;
        LOG.log(Level.WARNING, "autosave of course {0} failed: {1}", course.courseId(), failure.getMessage());
        failureHandler.accept(failure);
    }

    private static <T> T await(Future<T> future) throws StoreException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the plan store", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException se) {
                throw se;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StoreException("the plan store failed: " + cause, cause);
        }
    }
}
