package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.awt.TextField;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.injectionplanner.order.Reorder;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.SessionPlan;

/**
 * Plugins › Injection Planner › Move Injection...: moves an injection to another place in the session
 * order; locked injections keep theirs. Macro keys: {@code injection} (T3 or #2), {@code position} (1-based).
 */
public final class MoveInjectionCommand implements PlugIn {

    @Override
    public void run(String arg) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        Injection named;
        try {
            named = InjectionActions.named(plan, "injection");
        } catch (IllegalArgumentException e) {
            CommandErrors.show(e.getMessage());
            return;
        }
        GenericDialog gd = new GenericDialog("Move Injection");
        gd.addStringField("injection", named == null ? AnnotationNames.position(1)
                : AnnotationNames.of(plan, named), 8);
        gd.addNumericField("position", named == null ? 1 : plan.positionOf(named.id()), 0);
        TextField positionField = (TextField) gd.getNumericFields().get(0);
        InjectionActions.followName(gd, (TextField) gd.getStringFields().get(0), plan,
                i -> positionField.setText(Integer.toString(plan.positionOf(i.id()))));
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            Injection injection = AnnotationNames.resolveInjection(plan, gd.getNextString());
            double position = gd.getNextNumber();
            if (gd.invalidNumber() || position != Math.rint(position)) {
                throw new IllegalArgumentException("position must be a whole number");
            }
            move(injection, (int) position);
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    /**
     * Moves an injection by hand in the Plan Panel and records the equivalent Move Injection... line; an
     * error goes to the user.
     */
    static void moveRecorded(Injection injection, int position) {
        String name = AnnotationNames.of(PluginWorkspace.editor().plan(), injection);
        try {
            move(injection, position);
            ToolSupport.record("Move Injection...", "injection=" + name + " position=" + position);
        } catch (IllegalArgumentException | IllegalStateException ex) {
            CommandErrors.show(ex.getMessage());
        }
    }

    /** Moves an injection of the active plan to a 1-based position, around the locked ones. */
    static void move(Injection injection, int position) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        List<UUID> order = plan.injections().stream().map(Injection::id).toList();
        Set<UUID> locked = plan.injections().stream().filter(Injection::locked).map(Injection::id)
                .collect(Collectors.toSet());
        String name = AnnotationNames.of(plan, injection);
        PluginWorkspace.editor().apply(PlanEdits.reorder("Move " + name + " to " + AnnotationNames.position(position),
                Reorder.move(order, injection.id(), position, locked)));
        IJ.showStatus(name + " is injection " + AnnotationNames.position(position));
    }
}
