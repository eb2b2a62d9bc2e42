package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.YesNoCancelDialog;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.plan.PlanEditor;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.PlanSession;
import org.injectionplanner.store.Recovery;
import org.injectionplanner.store.StoreException;
import org.injectionplanner.workspace.PlanWorkspace;

/**
 * The plugin's one {@link PlanWorkspace} (like ImageJ's own ROI Manager, one per ImageJ), with the ImageJ
 * side of it: the plan store is the folder set in Injection Planner Options..., notices go to the Log
 * window, every change of the workspace redraws the overlays of the open images, unsaved work a crash
 * left is offered in a dialog, and the current plan is closed when Java exits. This is the plugin's only
 * global state.
 */
final class PluginWorkspace {

    private static volatile PlanWorkspace workspace;

    private PluginWorkspace() {
    }

    /** The workspace, made on first use. */
    static PlanWorkspace get() {
        PlanWorkspace ws = workspace;
        return ws != null ? ws : make();
    }

    private static synchronized PlanWorkspace make() {
        if (workspace == null) {
            PlanWorkspace made = new PlanWorkspace(PluginSettings::storeRoot,
                    notice -> IJ.log("Injection Planner: " + notice));
            made.addListener(change -> refreshOverlays());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    made.close();
                } catch (StoreException e) {
                    System.getLogger(PluginWorkspace.class.getName()).log(System.Logger.Level.WARNING,
                            "closing the plan at exit failed: " + e.getMessage());
                }
            }, "injection-planner-exit"));
            workspace = made;
        }
        return workspace;
    }

    /**
     * The editor of the current plan. With none open, offers unsaved work a crash left (interactively),
     * else starts a new draft: session 1 of a new course, dated today.
     *
     * @throws IllegalStateException with a message for the user if the plan store cannot be opened
     */
    static synchronized PlanEditor editor() {
        PlanWorkspace ws = get();
        try {
            if (ws.session() == null) {
                offerRecovery(ws);
            }
            return ws.editorOrNewDraft(PluginSettings.defaultAuthor());
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The current session; with none, tells the user so and returns null. */
    static PlanSession sessionOrError() {
        PlanSession s = get().session();
        if (s == null) {
            CommandErrors.show("No session plan is open: add a target or zone, or open a plan.");
        }
        return s;
    }

    /**
     * Selects a target or zone of the current plan; null, or an id the current plan does not hold (a
     * view still showing a plan closed since), clears the selection.
     */
    static void select(UUID annotationId) {
        PlanWorkspace ws = get();
        SessionPlan plan = ws.currentPlan();
        if (annotationId == null || plan == null
                || plan.target(annotationId).isEmpty() && plan.zone(annotationId).isEmpty()) {
            ws.clearSelection();
        } else {
            ws.select(annotationId);
        }
    }

    /** Asks whether to recover crash leftovers, and does if told to. Never asks in macros or headless. */
    private static void offerRecovery(PlanWorkspace ws) throws StoreException {
        if (IJ.isMacro() || GraphicsEnvironment.isHeadless()) {
            return;
        }
        List<Recovery> found = ws.recoverable();
        if (found.isEmpty()) {
            return;
        }
        Recovery newest = found.get(0);
        YesNoCancelDialog ask = new YesNoCancelDialog(IJ.getInstance(), "Recover unsaved plan",
                "Unsaved work from " + PlanWorkspace.describe(newest) + " was found (Injection Planner was not"
                        + " closed normally).\nContinue with it? (No starts a new plan; the unsaved work stays"
                        + " available in\nRecover Unsaved Plan... until the plan is saved.)");
        if (ask.yesPressed()) {
            ws.recover(newest);
        }
    }

    /**
     * Redraws the plan overlays of every open image the plugin opened: the read-only plans muted, the
     * current plan over them (not on an earlier session's read-only window), and on today's images the
     * earlier sites of the same view as hollow rings (each part removed when there is none).
     */
    static void refreshOverlays() {
        int[] ids = WindowManager.getIDList();
        if (ids == null) {
            return;
        }
        PlanWorkspace.Snapshot now = get().snapshot();
        for (int id : ids) {
            ImagePlus imp = WindowManager.getImage(id);
            if (AnnotatedImages.isAnnotatable(imp)) {
                PlanOverlay.renderReadOnly(imp, now.readOnly());
                boolean readOnly = PriorReview.isReadOnly(imp);
                PlanOverlay.setPriorSites(imp, PriorReview.priorSitesOn(imp, now));
                PlanOverlay.render(imp, readOnly ? null : now.current(), now.report(), now.selected());
            }
        }
    }
}
