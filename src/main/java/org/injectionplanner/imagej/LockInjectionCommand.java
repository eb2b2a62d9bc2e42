package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.SessionPlan;

/**
 * Plugins › Injection Planner › Lock Injection Position...: keeps an injection at its place when the order
 * is proposed again (or releases it). Macro keys: {@code injection} (T3 or #2), {@code locked} (checkbox).
 */
public final class LockInjectionCommand implements PlugIn {

    @Override
    public void run(String arg) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        Injection selected = InjectionActions.selected(plan);
        GenericDialog gd = new GenericDialog("Lock Injection Position");
        gd.addStringField("injection",
                selected == null ? AnnotationNames.position(1) : AnnotationNames.of(plan, selected), 8);
        gd.addCheckbox("locked", selected == null || !selected.locked());
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            Injection injection = AnnotationNames.resolveInjection(plan, gd.getNextString());
            boolean locked = gd.getNextBoolean();
            PluginWorkspace.editor().apply(PlanEdits.lock(injection.id(), locked));
            IJ.showStatus(AnnotationNames.of(plan, injection) + (locked ? " locked at " : " released from ")
                    + AnnotationNames.position(plan.positionOf(injection.id())));
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }
}
