package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.ProcedureRecord;
import org.injectionplanner.plan.SessionPlan;

/**
 * Plugins › Injection Planner › Record Injection...: marks an injection done or skipped during the
 * procedure (now, with the workstation's offset), or planned again. Allowed on a signed plan: the
 * procedure record is not part of what was signed. Macro keys: {@code injection} (T3 or #2),
 * {@code state} (done, skipped, planned), {@code note} (the reason, required when skipped).
 */
public final class RecordInjectionCommand implements PlugIn {

    @Override
    public void run(String arg) {
        SessionPlan plan = PluginWorkspace.editor().plan();
        Injection next = plan.injections().stream().filter(i -> i.record().state().name().equals("PLANNED"))
                .findFirst().orElse(null);
        GenericDialog gd = new GenericDialog("Record Injection");
        gd.addStringField("injection", next == null ? AnnotationNames.position(1) : AnnotationNames.of(plan, next), 8);
        gd.addChoice("state", new String[] {"done", "skipped", "planned"}, "done");
        gd.addStringField("note", "", 30);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            Injection injection = AnnotationNames.resolveInjection(plan, gd.getNextString());
            String state = gd.getNextChoice();
            String note = gd.getNextString();
            OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
            ProcedureRecord record = switch (state) {
                case "done" -> ProcedureRecord.done(now, note);
                case "skipped" -> ProcedureRecord.skipped(now, note);
                default -> ProcedureRecord.PLANNED;
            };
            PluginWorkspace.editor().apply(PlanEdits.record(injection.id(), record));
            IJ.showStatus(AnnotationNames.of(plan, injection) + " ("
                    + AnnotationNames.position(plan.positionOf(injection.id())) + ") " + state);
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }
}
