package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.Toolbar;
import ij.plugin.frame.Recorder;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import java.awt.event.MouseEvent;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.SafetyReport;

/** What the two annotation tools share: hit testing, macro recording, and Delete on the canvas. */
final class ToolSupport {

    /** How close (in screen pixels) a click must be to pick an annotation or a vertex. */
    static final double PICK_SCREEN_PX = 8;

    private static final String KEY_LISTENER = "injectionplanner.deleteKeyListener";

    private ToolSupport() {
    }

    /**
     * Checks a tool may act on the image (reporting why not) and lets Delete remove the selection there.
     *
     * @return false if the image cannot be annotated or shows an earlier session read-only
     */
    static boolean begin(ImagePlus imp) {
        if (!AnnotatedImages.isAnnotatable(imp)) {
            CommandErrors.show(AnnotatedImages.notAnnotatable(imp));
            return false;
        }
        if (PriorReview.isReadOnly(imp)) {
            CommandErrors.show(PriorReview.refusal(imp));
            return false;
        }
        installDeleteKey(imp);
        return true;
    }

    /** The image point under the mouse, in image pixel coordinates (sub-pixel). */
    static PixelPoint imagePoint(ImagePlus imp, MouseEvent e) {
        ImageCanvas c = imp.getCanvas();
        return new PixelPoint(c.offScreenXD(e.getX()), c.offScreenYD(e.getY()));
    }

    /** The pick distance in image pixels at the current zoom. */
    static double pickDistance(ImagePlus imp) {
        return PICK_SCREEN_PX / imp.getCanvas().getMagnification();
    }

    /** The target on the current slice nearest the point within the pick distance. */
    static Optional<Target> targetAt(ImagePlus imp, PixelPoint p) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        double limit = pickDistance(imp) + 6;
        int slice = imp.getCurrentSlice();
        return plan.targets().stream()
                .filter(t -> AnnotatedImages.sliceOf(imp, t.image()) == slice)
                .filter(t -> Math.hypot(t.point().x() - p.x(), t.point().y() - p.y()) <= limit)
                .min((a, b) -> Double.compare(Math.hypot(a.point().x() - p.x(), a.point().y() - p.y()),
                        Math.hypot(b.point().x() - p.x(), b.point().y() - p.y())));
    }

    /** The zone on the current slice containing the point. */
    static Optional<NerveZone> zoneAt(ImagePlus imp, PixelPoint p) {
        int slice = imp.getCurrentSlice();
        return PluginWorkspace.editor().plan().zones().stream()
                .filter(z -> AnnotatedImages.sliceOf(imp, z.image()) == slice)
                .filter(z -> z.shape().contains(p))
                .findFirst();
    }

    /** Records a macro line when the Recorder is on. */
    static void record(String command, String options) {
        if (Recorder.record) {
            Recorder.recordString("run(\"" + command + "\", \"" + options.replace("\"", "\\\"") + "\");\n");
        }
    }

    /**
     * Lets Delete / Backspace on this image's canvas delete the selected annotation while a plan tool is
     * active. The listener goes first: ImageJ's own key listener on the canvas runs Edit › Clear on
     * Delete, which would blank the frame, unless the key event arrives consumed.
     */
    static void installDeleteKey(ImagePlus imp) {
        ImageCanvas canvas = imp.getCanvas();
        if (canvas == null || imp.getProperty(KEY_LISTENER) != null) {
            return;
        }
        KeyListener[] others = canvas.getKeyListeners();
        for (KeyListener l : others) {
            canvas.removeKeyListener(l);
        }
        canvas.addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                String tool = Toolbar.getToolName();
                boolean ours = InjectionTargetTool.NAME.equals(tool) || NerveZoneTool.NAME.equals(tool);
                if (!ours || e.getKeyCode() != KeyEvent.VK_DELETE && e.getKeyCode() != KeyEvent.VK_BACK_SPACE) {
                    return;
                }
                e.consume();
                UUID selected = PluginWorkspace.get().selected();
                if (selected == null) {
                    IJ.showStatus("Select a target or zone first (click it, or pick it in the Plan Panel)");
                } else {
                    String name = AnnotationNames.of(PluginWorkspace.editor().plan(), selected);
                    try {
                        DeletePlanAnnotationCommand.delete(selected);
                        record("Delete Plan Annotation...", "annotation=" + name);
                    } catch (IllegalArgumentException | IllegalStateException ex) {
                        IJ.showStatus(ex.getMessage());
                    }
                }
            }
        });
        for (KeyListener l : others) {
            canvas.addKeyListener(l);
        }
        imp.setProperty(KEY_LISTENER, Boolean.TRUE);
    }

    /** A plan edit shown before it is made: the plan it would give and that plan's findings. */
    record Preview(SessionPlan plan, SafetyReport findings) {
    }

    /**
     * Draws a tool's preview of an edit on the image, coloured by its findings, with {@code selected}
     * highlighted. When the edit does not apply (or the plan is signed) the reason goes to the status line.
     */
    static Optional<Preview> showPreview(ImagePlus imp, Supplier<SessionPlan> edited, UUID selected) {
        try {
            SessionPlan plan = edited.get();
            SafetyReport findings = PluginWorkspace.get().reportOf(plan);
            PlanOverlay.render(imp, plan, findings, selected);
            return Optional.of(new Preview(plan, findings));
        } catch (IllegalArgumentException | IllegalStateException ex) {
            IJ.showStatus(ex.getMessage());
            return Optional.empty();
        }
    }
}
