package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.YesNoCancelDialog;
import java.awt.GraphicsEnvironment;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.PlanEditor;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.store.PlanSession;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Recovery;
import org.injectionplanner.store.StoreException;

/**
 * The session plan being edited in this ImageJ (one at a time, like ImageJ's own ROI Manager): its
 * {@link PlanSession} in the plan store (which autosaves every edit and holds the course's lock), the
 * clinic settings, and the annotation selected in the tools or the Plan Panel. Every plan change redraws
 * the overlays of the open images. This class is the plugin's only global state.
 */
final class ActivePlan {

    /** Hears selection changes (the Plan Panel). */
    interface SelectionListener {
        void selectionChanged(UUID selected);
    }

    private static PlanStore store;
    private static PlanSession session;
    private static ClinicSettings settings;
    private static volatile UUID selected;
    private static SessionPlan checkedPlan;
    private static ClinicSettings checkedSettings;
    private static SafetyReport checkedReport;
    private static UUID contextPlanId;
    private static LocalDate previousSessionDate;
    private static final CopyOnWriteArrayList<SelectionListener> SELECTION_LISTENERS = new CopyOnWriteArrayList<>();

    private static final System.Logger LOG = System.getLogger(ActivePlan.class.getName());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                close();
            } catch (StoreException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the plan at exit failed: " + e.getMessage());
            }
        }, "injection-planner-exit"));
    }

    private ActivePlan() {
    }

    /** The plan store, at the folder set in Injection Planner Options... */
    static synchronized PlanStore store() {
        if (store == null || !store.root().equals(PluginSettings.storeRoot())) {
            store = new PlanStore(PluginSettings.storeRoot());
            settings = null;
            contextPlanId = null;
        }
        return store;
    }

    /**
     * The editor of the active plan. With none open, offers unsaved work a crash left (interactively),
     * else starts a new draft: session 1 of a new course, dated today.
     *
     * @throws IllegalStateException with a message for the user if the plan store cannot be opened
     */
    static synchronized PlanEditor editor() {
        if (session == null) {
            try {
                if (!offerRecovery()) {
                    start(SessionPlan.newDraft(UUID.randomUUID(), 1, LocalDate.now(), System.getProperty("user.name"),
                            settings().checklist()));
                }
            } catch (StoreException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return session.editor();
    }

    /** The active session, or null. */
    static synchronized PlanSession session() {
        return session;
    }

    /** The active session; with none, tells the user so and returns null. */
    static PlanSession sessionOrError() {
        PlanSession s = session();
        if (s == null) {
            IJ.error(OpenUltrasoundStudyCommand.TITLE,
                    "No session plan is open: add a target or zone, or open a plan.");
        }
        return s;
    }

    /** Makes {@code plan} the active plan: opens its course (taking the lock), closes the previous one. */
    static synchronized PlanSession start(SessionPlan plan) throws StoreException {
        close();
        PlanSession opened = PlanSession.open(store(), plan);
        attach(opened);
        return opened;
    }

    /** Continues with recovered unsaved work. */
    static synchronized PlanSession recover(Recovery recovery) throws StoreException {
        PlanSession opened = start(recovery.plan());
        opened.recover(recovery);
        return opened;
    }

    private static void attach(PlanSession opened) {
        session = opened;
        selected = null;
        opened.onAutosaveFailure(e -> IJ.log("Injection Planner: autosave failed, your last edit is not on"
                + " disk yet: " + e.getMessage()));
        opened.editor().addListener(change -> refreshOverlays());
        opened.course().takeoverNotice().ifPresent(note -> IJ.log("Injection Planner: " + note));
        opened.course().rollbackNotice().ifPresent(note -> IJ.log("Injection Planner: " + note));
        refreshOverlays();
    }

    /** Writes pending autosaves and releases the course lock. */
    static synchronized void close() throws StoreException {
        if (session != null) {
            PlanSession closing = session;
            session = null;
            selected = null;
            closing.close();
            refreshOverlays();
        }
    }

    /** Unsaved work in any course of the store, newest first. */
    static List<Recovery> recoverable() throws StoreException {
        PlanStore s = store();
        List<Recovery> all = new java.util.ArrayList<>();
        for (UUID course : s.courses()) {
            all.addAll(s.recoverable(course));
        }
        all.sort((a, b) -> b.savedAt().compareTo(a.savedAt()));
        return all;
    }

    /** Asks whether to recover crash leftovers; true if it did. Never asks in macros or headless. */
    private static boolean offerRecovery() throws StoreException {
        if (IJ.isMacro() || GraphicsEnvironment.isHeadless()) {
            return false;
        }
        List<Recovery> found = recoverable();
        if (found.isEmpty()) {
            return false;
        }
        Recovery newest = found.get(0);
        YesNoCancelDialog ask = new YesNoCancelDialog(IJ.getInstance(), "Recover unsaved plan",
                "Unsaved work from " + describe(newest) + " was found (Injection Planner was not closed normally).\n"
                        + "Continue with it? (No starts a new plan; the unsaved work stays available in\n"
                        + "Recover Unsaved Plan... until the plan is saved.)");
        if (ask.yesPressed()) {
            recover(newest);
            return true;
        }
        return false;
    }

    /** A one-line description of recovered work, without patient identifiers. */
    static String describe(Recovery r) {
        SessionPlan p = r.plan();
        return String.format(Locale.ROOT, "%s: session %d of %s, %d targets, %d zones", r.savedAt().toLocalDateTime()
                .withNano(0), p.sessionNumber(), p.date(), p.targets().size(), p.zones().size());
    }

    static synchronized ClinicSettings settings() {
        if (settings == null) {
            try {
                settings = store().settings();
            } catch (StoreException e) {
                IJ.log("Injection Planner: clinic settings cannot be read, defaults used: " + e.getMessage());
                settings = ClinicSettings.defaults();
            }
        }
        return settings;
    }

    static synchronized void saveSettings(ClinicSettings newSettings) throws StoreException {
        store().saveSettings(newSettings);
        settings = newSettings;
    }

    /** The safety findings of the active plan, checked again whenever the plan or the settings change. */
    static synchronized SafetyReport report() {
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
     * The safety findings of a plan not yet applied (the preview while a target or zone is dragged),
     * checked with the active plan's limits and course, so that a drag shows its colours as it goes.
     */
    static synchronized SafetyReport reportOf(SessionPlan preview) {
        return SafetyChecks.check(preview, safetyContext(preview));
    }

    /** The clinic's settings and the date of the course's previous session (read once per plan and store). */
    private static SafetyContext safetyContext(SessionPlan plan) {
        if (!plan.id().equals(contextPlanId)) {
            try {
                previousSessionDate = store().previousSessionDate(plan).orElse(null);
            } catch (StoreException e) {
                IJ.log("Injection Planner: the course's earlier sessions cannot be read, so the interval since the "
                        + "previous session is not checked: " + e.getMessage());
                previousSessionDate = null;
            }
            contextPlanId = plan.id();
        }
        return SafetyContext.of(settings(), previousSessionDate);
    }

    /** The selected target or zone, or null. */
    static UUID selected() {
        return selected;
    }

    /** Selects an annotation (null clears) and redraws. */
    static void select(UUID id) {
        selected = id;
        refreshOverlays();
        for (SelectionListener l : SELECTION_LISTENERS) {
            l.selectionChanged(id);
        }
    }

    static void addSelectionListener(SelectionListener l) {
        SELECTION_LISTENERS.add(l);
    }

    static void removeSelectionListener(SelectionListener l) {
        SELECTION_LISTENERS.remove(l);
    }

    /** Redraws the plan overlay of every open image the plugin opened (removes it when no plan is open). */
    static void refreshOverlays() {
        PlanSession s;
        synchronized (ActivePlan.class) {
            s = session;
        }
        int[] ids = WindowManager.getIDList();
        if (ids == null) {
            return;
        }
        SessionPlan plan = s == null ? null : s.editor().plan();
        SafetyReport findings = s == null ? null : report();
        for (int id : ids) {
            ImagePlus imp = WindowManager.getImage(id);
            if (AnnotatedImages.isAnnotatable(imp)) {
                PlanOverlay.render(imp, plan, findings, selected);
            }
        }
    }
}
