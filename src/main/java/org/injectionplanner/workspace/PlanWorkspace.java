package org.injectionplanner.workspace;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.PlanEditor;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.store.PlanSession;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Recovery;
import org.injectionplanner.store.StoreException;

/**
 * The plans a user works with at one time: the current session plan, open for editing in the plan store
 * (its {@link PlanSession} autosaves every edit and holds the course's lock), any number of read-only plans
 * shown beside it (e.g. the previous session of the course, for follow-up review), the clinic settings of
 * the store, and the selected annotation. Listeners hear every change.
 *
 * <p>An ordinary object without user interface: the ImageJ plugin holds one for the whole plugin, a test
 * or a headless tool makes its own. Thread-safe; listeners are called on the thread that made the change,
 * after the workspace's state is updated, and never while the workspace holds its lock.
 */
public final class PlanWorkspace implements AutoCloseable {

    /** What changed. */
    public enum Change {
        /** A current plan was opened, recovered or closed. */
        CURRENT_PLAN,
        /** The current plan was edited (an edit, undo or redo). */
        PLAN_EDITED,
        /** A read-only plan was added or removed. */
        READ_ONLY_PLANS,
        /** The selection changed. */
        SELECTION,
        /** The clinic settings were saved (limits, catalogue, presets). */
        SETTINGS
    }

    /** Hears the workspace's changes. */
    @FunctionalInterface
    public interface Listener {
        void workspaceChanged(Change change);
    }

    /**
     * A selected annotation.
     *
     * @param planId the plan it belongs to: the current plan or a read-only one
     * @param annotationId the target or zone
     */
    public record Selection(UUID planId, UUID annotationId) {
        public Selection {
            Objects.requireNonNull(planId, "planId");
            Objects.requireNonNull(annotationId, "annotationId");
        }
    }

    /**
     * The workspace at one moment, for drawing it.
     *
     * @param current the current plan, or null when none is open
     * @param report the current plan's safety findings, or null when none is open
     * @param selected the selected target or zone of the current plan, or null
     * @param readOnly the plans shown read-only, in the order they were added
     */
    public record Snapshot(SessionPlan current, SafetyReport report, UUID selected, List<SessionPlan> readOnly) {
        public Snapshot {
            readOnly = List.copyOf(readOnly);
        }
    }

    private final Supplier<Path> storeRoot;
    private final Consumer<String> notices;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final PlanEditor.Listener editorListener = change -> fire(Change.PLAN_EDITED);
    private final Map<UUID, SessionPlan> readOnly = new LinkedHashMap<>();
    /** Held while a plan is opened, so that two threads wanting a plan open one, not two. */
    private final Object opening = new Object();
    private PlanStore store;
    private SessionPlan verifiedPlan;
    private SignatureStatus verifiedStatus;
    private PlanSession session;
    private ClinicSettings settings;
    private Selection selection;
    private SessionPlan checkedPlan;
    private ClinicSettings checkedSettings;
    private SafetyReport checkedReport;
    private UUID contextPlanId;
    private LocalDate previousSessionDate;

    /**
     * A workspace with no plan open.
     *
     * @param storeRoot the plan store's folder, asked each time the store is used (a change opens the store
     *     there)
     * @param notices hears what the user should know but that does not stop the work (an autosave that
     *     failed, a course lock taken over, settings that cannot be read), one sentence each
     */
    public PlanWorkspace(Supplier<Path> storeRoot, Consumer<String> notices) {
        this.storeRoot = Objects.requireNonNull(storeRoot, "storeRoot");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /** The plan store, at the folder {@code storeRoot} gives now. */
    public synchronized PlanStore store() {
        Path root = storeRoot.get();
        if (store == null || !store.root().equals(root)) {
            store = new PlanStore(root);
            settings = null;
            contextPlanId = null;
        }
        return store;
    }

    /** The current session, or null when no plan is open. */
    public synchronized PlanSession session() {
        return session;
    }

    /** The current plan, or null when no plan is open. */
    public synchronized SessionPlan currentPlan() {
        return session == null ? null : session.editor().plan();
    }

    /**
     * The editor of the current plan.
     *
     * @throws IllegalStateException if no plan is open
     */
    public synchronized PlanEditor editor() {
        if (session == null) {
            throw new IllegalStateException("No session plan is open: add a target or zone, or open a plan.");
        }
        return session.editor();
    }

    /**
     * The editor of the current plan; with none open, first starts a new draft: session 1 of a new course,
     * dated today, with the clinic's checklist.
     *
     * @param author who starts the draft
     * @throws StoreException if the plan store cannot open the new course
     */
    public PlanEditor editorOrNewDraft(String author) throws StoreException {
        synchronized (opening) {
            PlanSession current = session();
            if (current == null) {
                current = start(SessionPlan.newDraft(UUID.randomUUID(), 1, LocalDate.now(), author,
                        settings().checklist()));
            }
            return current.editor();
        }
    }

    /**
     * The editor of a plan of the workspace: only the current plan has one.
     *
     * @throws IllegalStateException if the plan is shown read-only
     * @throws IllegalArgumentException if the workspace does not hold the plan
     */
    public synchronized PlanEditor editorOf(UUID planId) {
        SessionPlan shown = readOnly.get(planId);
        if (shown != null) {
            throw new IllegalStateException("session " + shown.sessionNumber() + " of " + shown.date()
                    + " is shown read-only and cannot be edited: open it as the current plan to change it");
        }
        if (session == null || !session.editor().plan().id().equals(planId)) {
            throw new IllegalArgumentException("plan " + planId + " is not open in the workspace");
        }
        return session.editor();
    }

    /**
     * Makes {@code plan} the current plan: closes the previous one (writing its pending autosaves and
     * releasing its lock), opens the plan's course (taking its lock). A read-only copy of the same plan
     * is taken off the read-only plans. The selection is cleared.
     *
     * @throws StoreException if the previous plan cannot be closed or the course cannot be opened (then no
     *     plan is current)
     */
    public PlanSession start(SessionPlan plan) throws StoreException {
        synchronized (opening) {
            boolean changed = false;
            try {
                PlanSession opened;
                synchronized (this) {
                    changed = session != null;
                    closeCurrent();
                    opened = PlanSession.open(store(), plan);
                    changed = true;
                    session = opened;
                    selection = null;
                    readOnly.remove(plan.id());
                    opened.onAutosaveFailure(e -> notices.accept("autosave failed, your last edit is not on disk"
                            + " yet: " + e.getMessage()));
                    opened.editor().addListener(editorListener);
                }
                opened.course().takeoverNotice().ifPresent(notices);
                opened.course().rollbackNotice().ifPresent(notices);
                return opened;
            } finally {
                if (changed) {
                    fire(Change.CURRENT_PLAN);
                }
            }
        }
    }

    /** Continues with unsaved work a crash left: it becomes the current plan. */
    public PlanSession recover(Recovery recovery) throws StoreException {
        synchronized (opening) {
            PlanSession opened = start(recovery.plan());
            opened.recover(recovery);
            return opened;
        }
    }

    /** Closes the current plan (writing its pending autosaves and releasing its lock); read-only plans stay. */
    @Override
    public void close() throws StoreException {
        synchronized (opening) {
            boolean closed = session() != null;
            try {
                synchronized (this) {
                    closeCurrent();
                }
            } finally {
                if (closed) {
                    fire(Change.CURRENT_PLAN);
                }
            }
        }
    }

    private void closeCurrent() throws StoreException {
        if (session != null) {
            PlanSession closing = session;
            session = null;
            if (selection != null && !readOnly.containsKey(selection.planId())) {
                selection = null;
            }
            closing.editor().removeListener(editorListener);
            closing.close();
        }
    }

    /** Unsaved work in any course of the store, newest first. */
    public List<Recovery> recoverable() throws StoreException {
        PlanStore s = store();
        List<Recovery> all = new ArrayList<>();
        for (UUID course : s.courses()) {
            all.addAll(s.recoverable(course));
        }
        all.sort((a, b) -> b.savedAt().compareTo(a.savedAt()));
        return all;
    }

    /** A one-line description of recovered work, without patient identifiers. */
    public static String describe(Recovery r) {
        SessionPlan p = r.plan();
        return String.format(Locale.ROOT, "%s: session %d of %s, %d targets, %d zones",
                r.savedAt().toLocalDateTime().withNano(0), p.sessionNumber(), p.date(), p.targets().size(),
                p.zones().size());
    }

    /** Adds a plan shown read-only (or replaces the one with its id). The current plan cannot be added. */
    public void showReadOnly(SessionPlan plan) {
        synchronized (this) {
            if (session != null && session.editor().plan().id().equals(plan.id())) {
                throw new IllegalArgumentException("session " + plan.sessionNumber() + " of " + plan.date()
                        + " is the current plan, open for editing");
            }
            readOnly.put(plan.id(), plan);
        }
        fire(Change.READ_ONLY_PLANS);
    }

    /** Removes a read-only plan (and a selection in it); false if the workspace does not show it. */
    public boolean removeReadOnly(UUID planId) {
        boolean selectionCleared;
        synchronized (this) {
            if (readOnly.remove(planId) == null) {
                return false;
            }
            selectionCleared = selection != null && selection.planId().equals(planId);
            if (selectionCleared) {
                selection = null;
            }
        }
        fire(Change.READ_ONLY_PLANS);
        if (selectionCleared) {
            fire(Change.SELECTION);
        }
        return true;
    }

    /** The plans shown read-only, in the order they were added. */
    public synchronized List<SessionPlan> readOnlyPlans() {
        return List.copyOf(readOnly.values());
    }

    /** The clinic settings of the store (defaults, with a notice, when they cannot be read). */
    public synchronized ClinicSettings settings() {
        PlanStore s = store();
        if (settings == null) {
            try {
                settings = s.settings();
            } catch (StoreException e) {
                notices.accept("clinic settings cannot be read, defaults used: " + e.getMessage());
                settings = ClinicSettings.defaults();
            }
        }
        return settings;
    }

    /** Saves new clinic settings in the store; the current plan is checked again with them. */
    public void saveSettings(ClinicSettings newSettings) throws StoreException {
        synchronized (this) {
            store().saveSettings(newSettings);
            settings = newSettings;
        }
        fire(Change.SETTINGS);
    }

    /**
     * The safety findings of the current plan, checked again whenever the plan or the settings change.
     *
     * @throws IllegalStateException if no plan is open
     */
    public synchronized SafetyReport report() {
        SessionPlan plan = editor().plan();
        ClinicSettings current = settings();
        if (plan != checkedPlan || current != checkedSettings) {
            checkedReport = reportOf(plan);
            checkedPlan = plan;
            checkedSettings = current;
        }
        return checkedReport;
    }

    /**
     * The safety findings of any plan (the preview of an edit while a target or zone is dragged, or a
     * read-only plan), with the store's clinic settings and the date of the plan's previous session in
     * its course (read once per plan and store; when it cannot be read, a notice says the interval is not
     * checked).
     */
    public synchronized SafetyReport reportOf(SessionPlan plan) {
        PlanStore s = store();
        if (!plan.id().equals(contextPlanId)) {
            try {
                previousSessionDate = s.previousSessionDate(plan).orElse(null);
            } catch (StoreException e) {
                notices.accept("the course's earlier sessions cannot be read, so the interval since the previous "
                        + "session is not checked: " + e.getMessage());
                previousSessionDate = null;
            }
            contextPlanId = plan.id();
        }
        return SafetyChecks.check(plan, SafetyContext.of(settings(), previousSessionDate));
    }

    /**
     * A plan's signature verified with the store's keyring ({@link PlanStore#signatureStatus}); a store that
     * cannot be read makes it invalid, with the reason. Only {@link SignatureStatus#trusted()} is shown as
     * signed. The last answer is kept for the same plan.
     */
    public synchronized SignatureStatus signatureStatus(SessionPlan plan) {
        if (plan.status() != PlanStatus.SIGNED) {
            return SignatureStatus.UNSIGNED;
        }
        if (plan != verifiedPlan) {
            try {
                verifiedStatus = store().signatureStatus(plan);
            } catch (StoreException e) {
                verifiedStatus = SignatureStatus.invalid(List.of("it cannot be verified: " + e.getMessage()));
            }
            verifiedPlan = plan;
        }
        return verifiedStatus;
    }

    /** The current plan with its findings and selection, and the read-only plans, taken together. */
    public synchronized Snapshot snapshot() {
        SessionPlan current = currentPlan();
        return new Snapshot(current, current == null ? null : report(), selected(), readOnlyPlans());
    }

    /** The selection, if any. */
    public synchronized Optional<Selection> selection() {
        return Optional.ofNullable(selection);
    }

    /** The target or zone selected in the current plan, or null (none, or one of a read-only plan). */
    public synchronized UUID selected() {
        if (selection == null || session == null || !selection.planId().equals(session.editor().plan().id())) {
            return null;
        }
        return selection.annotationId();
    }

    /**
     * Selects a target or zone of the current plan; null clears the selection.
     *
     * @throws IllegalArgumentException if the current plan has no such target or zone
     * @throws IllegalStateException if no plan is open (and the id is not null)
     */
    public void select(UUID annotationId) {
        if (annotationId == null) {
            clearSelection();
            return;
        }
        select(editor().plan().id(), annotationId);
    }

    /**
     * Selects a target or zone of the current plan or of a read-only plan.
     *
     * @throws IllegalArgumentException if the workspace holds no such plan, or the plan no such annotation
     */
    public void select(UUID planId, UUID annotationId) {
        synchronized (this) {
            SessionPlan plan = readOnly.get(planId);
            if (plan == null && session != null && session.editor().plan().id().equals(planId)) {
                plan = session.editor().plan();
            }
            if (plan == null) {
                throw new IllegalArgumentException("plan " + planId + " is not open in the workspace");
            }
            if (plan.target(annotationId).isEmpty() && plan.zone(annotationId).isEmpty()) {
                throw new IllegalArgumentException("session " + plan.sessionNumber() + " has no target or zone "
                        + annotationId);
            }
            selection = new Selection(planId, annotationId);
        }
        fire(Change.SELECTION);
    }

    /** Clears the selection. */
    public void clearSelection() {
        synchronized (this) {
            selection = null;
        }
        fire(Change.SELECTION);
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    private void fire(Change change) {
        for (Listener l : listeners) {
            l.workspaceChanged(change);
        }
    }
}
