package org.injectionplanner.imagej;

import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;
import java.awt.GraphicsEnvironment;
import java.awt.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.Decimals;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.PlanEdit;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;

/**
 * What the injection commands do to the active plan. Injections are named in commands and macros by
 * their target ("T3") or their place in the session order ("#2"), see {@link AnnotationNames}.
 */
final class InjectionActions {

    private InjectionActions() {
    }

    /**
     * The injection a command's dialog starts from: in a macro that names one with {@code key}, that one
     * (so that the dialog's other fields default to its values, not another injection's); otherwise the
     * selected one, else the first, else null.
     *
     * @throws IllegalArgumentException if the macro names no injection of the plan
     */
    static Injection named(SessionPlan plan, String key) {
        String options = Macro.getOptions();
        String name = options == null ? null : Macro.getValue(options, key, null);
        if (name != null) {
            return AnnotationNames.resolveInjection(plan, name);
        }
        Injection selected = selected(plan);
        return selected != null || plan.injections().isEmpty() ? selected : plan.injections().get(0);
    }

    /**
     * Keeps a dialog's fields showing the injection typed in its name field: when the name names another
     * injection, {@code show} fills the fields from it (a name still being typed changes nothing).
     */
    static void followName(GenericDialog gd, TextField nameField, SessionPlan plan, Consumer<Injection> show) {
        if (GraphicsEnvironment.isHeadless()) {
            return;
        }
        Injection[] shown = {null};
        gd.addDialogListener((dialog, event) -> {
            if (event != null && event.getSource() == nameField) {
                try {
                    Injection typed = AnnotationNames.resolveInjection(plan, nameField.getText());
                    if (typed != shown[0]) {
                        shown[0] = typed;
                        show.accept(typed);
                    }
                } catch (IllegalArgumentException notYetAName) {
                    // the name is incomplete or wrong; the fields keep the last injection named
                }
            }
            return true;
        });
    }

    /** The injection at the target selected in the tools or the Plan Panel, or null. */
    static Injection selected(SessionPlan plan) {
        UUID target = PluginWorkspace.get().selected();
        return target == null ? null : plan.injectionAt(target).orElse(null);
    }

    /**
     * Plans the needle path of a target from an entry point on the image showing the target's frame,
     * adding the target's injection from the default preset if it has none. One undoable edit.
     *
     * @return the injection with its path
     */
    static Injection planPath(ImagePlus imp, Target target, PixelPoint entry) {
        return planPath(imp, target, pathFrom(imp, target, entry));
    }

    /** As {@link #planPath(ImagePlus, Target, PixelPoint)} with the path given (e.g. from beyond the probe's end). */
    static Injection planPath(ImagePlus imp, Target target, NeedlePath path) {
        List<PlanEdit> edits = pathEdits(imp, target, path);
        PluginWorkspace.editor().batch("Plan needle path of " + AnnotationNames.of(target), edits);
        return PluginWorkspace.editor().plan().injectionAt(target.id()).orElseThrow();
    }

    /**
     * The active plan as it would be with this path planned, not applied: the Needle Path tool's preview
     * while the mouse is over a target.
     */
    static SessionPlan withPathPreview(ImagePlus imp, Target target, PixelPoint entry) {
        return PluginWorkspace.editor().preview(pathEdits(imp, target, pathFrom(imp, target, entry)));
    }

    /**
     * The path of a target from a point on the image showing its frame: from beyond the probe's end when the
     * point lies beside the target's ultrasound region of a linear probe ({@link AnnotatedImages#offImageEntry}),
     * else from the point, in the calibration measured there.
     */
    private static NeedlePath pathFrom(ImagePlus imp, Target target, PixelPoint entry) {
        int slice = requireFrame(imp, target);
        PlanActions.requireOnImage(imp, slice, List.of(entry));
        MeasuredCalibration cal = AnnotatedImages.calibration(imp, List.of(entry));
        if (!cal.isCalibrated()) {
            Optional<NeedlePath> beyond = AnnotatedImages.offImageEntry(imp, target, entry);
            if (beyond.isPresent()) {
                return beyond.get();
            }
        }
        return new NeedlePath(entry, cal);
    }

    /** The slice showing the target's frame; refuses an image that does not show it. */
    private static int requireFrame(ImagePlus imp, Target target) {
        int slice = AnnotatedImages.isAnnotatable(imp) ? AnnotatedImages.sliceOf(imp, target.image()) : 0;
        if (slice < 1) {
            throw new IllegalArgumentException(AnnotationNames.of(target) + " is on frame " + target.image().frame()
                    + " of another image: open that image to plan its needle path");
        }
        return slice;
    }

    /**
     * The edits that plan a target's path, adding its injection from the default preset if it has none. An
     * entry beyond the image is for in-plane injections only.
     */
    private static List<PlanEdit> pathEdits(ImagePlus imp, Target target, NeedlePath path) {
        requireFrame(imp, target);
        SessionPlan plan = PluginWorkspace.editor().plan();
        Optional<Injection> existing = plan.injectionAt(target.id());
        Injection injection = existing
                .orElseGet(() -> Injection.fromPreset(target.id(), PluginWorkspace.get().settings().defaultPreset()));
        if (path.offImage() && injection.approach() != Approach.IN_PLANE) {
            throw new IllegalArgumentException(AnnotationNames.of(target) + " is planned out-of-plane: an entry "
                    + "beyond the probe's end is for in-plane approaches (set the approach with Edit Injection...)");
        }
        List<PlanEdit> edits = new ArrayList<>();
        if (existing.isEmpty()) {
            edits.add(PlanEdits.addInjection(injection));
        }
        edits.add(PlanEdits.planPath(injection.id(), path));
        return edits;
    }

    /** A status line describing an injection's path: length, depth and angle, or why there are none. */
    static String describePath(Target target, NeedlePath path) {
        return path.measure(target).map(m -> String.format(Locale.ROOT,
                "%s needle path %s mm, target %s deep, %.0f° to the transducer face", AnnotationNames.of(target),
                Decimals.ceilTenth(m.lengthMm()),
                m.targetDepthMm() == null ? "?" : Decimals.ceilTenth(m.targetDepthMm()) + " mm",
                m.angleDeg()) + (path.offImage() ? ", " + Decimals.ceilTenth(m.offImageMm())
                        + " mm of it outside the image (entry beyond the probe's end)" : ""))
                .orElse(AnnotationNames.of(target) + " needle path not calibrated: no mm values (entry and target must "
                        + "lie in one calibrated region)");
    }
}
