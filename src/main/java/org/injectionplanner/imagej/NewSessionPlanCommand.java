package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.PlanSession;
import org.injectionplanner.store.Revision;
import org.injectionplanner.store.StoreException;

/**
 * Plugins › Injection Planner › New Session Plan...: starts an empty draft, either the next session of the
 * active plan's treatment course or session 1 of a new course, with the clinic's checklist unanswered.
 * The active plan must be saved first. Macro keys: {@code course} (next or new), {@code date}
 * (YYYY-MM-DD), {@code author}.
 */
public final class NewSessionPlanCommand implements PlugIn {

    @Override
    public void run(String arg) {
        PlanSession active = PluginWorkspace.get().session();
        GenericDialog gd = new GenericDialog("New Session Plan");
        gd.addChoice("course", new String[] {"next session of this course", "new course"},
                active == null ? "new course" : "next session of this course");
        gd.addStringField("date", LocalDate.now().toString(), 12);
        gd.addStringField("author", active == null ? PluginSettings.defaultAuthor()
                : active.editor().plan().author(), 24);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        boolean next = gd.getNextChoice().startsWith("next");
        String dateText = gd.getNextString().strip();
        String author = gd.getNextString().strip();
        try {
            LocalDate date = LocalDate.parse(dateText);
            if (active != null && active.hasUnsavedChanges()) {
                throw new IllegalStateException("the active plan has unsaved changes: save it first "
                        + "(Save Session Plan)");
            }
            if (next && active == null) {
                throw new IllegalStateException("no plan is open: open a plan of the course first, "
                        + "or start a new course");
            }
            UUID course = next ? active.editor().plan().courseId() : UUID.randomUUID();
            int number = next ? nextSessionNumber(active) : 1;
            SessionPlan plan = SessionPlan.newDraft(course, number, date, author,
                    PluginWorkspace.get().settings().checklist());
            PluginWorkspace.get().start(plan);
            IJ.showStatus("New session plan: session " + number + " on " + date);
        } catch (DateTimeParseException e) {
            CommandErrors.show("date: '" + dateText + "' is not a date such as 2026-12-10");
        } catch (StoreException | IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    /** One more than the highest session number saved in the active plan's course (or the active plan's). */
    private static int nextSessionNumber(PlanSession active) throws StoreException {
        SessionPlan plan = active.editor().plan();
        int highest = plan.sessionNumber();
        for (Revision r : PluginWorkspace.get().store().history(plan.courseId())) {
            highest = Math.max(highest, r.plan().sessionNumber());
        }
        return highest + 1;
    }
}
