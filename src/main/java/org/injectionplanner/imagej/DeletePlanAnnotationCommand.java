package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.UUID;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.SessionPlan;

/**
 * Plugins › Injection Planner › Delete Plan Annotation...: deletes a target or zone (macro key
 * {@code annotation}: T3, Z2).
 */
public final class DeletePlanAnnotationCommand implements PlugIn {

    @Override
    public void run(String arg) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        UUID selected = PluginWorkspace.get().selected();
        GenericDialog gd = new GenericDialog("Delete Plan Annotation");
        gd.addStringField("annotation", selected == null ? "" : AnnotationNames.of(plan, selected), 8);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            UUID id = AnnotationNames.resolve(plan, gd.getNextString());
            delete(id);
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    /** Deletes an annotation of the active plan. */
    static void delete(UUID id) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        String name = AnnotationNames.of(plan, id);
        if (plan.target(id).isPresent()) {
            PluginWorkspace.editor().apply(PlanEdits.deleteTarget(id));
        } else {
            PluginWorkspace.editor().apply(PlanEdits.deleteZone(id));
        }
        if (id.equals(PluginWorkspace.get().selected())) {
            PluginWorkspace.select(null);
        }
        IJ.showStatus("Deleted " + name);
    }
}
