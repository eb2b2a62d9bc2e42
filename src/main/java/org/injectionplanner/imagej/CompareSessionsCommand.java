package org.injectionplanner.imagej;

import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import ij.text.TextWindow;
import java.util.Optional;
import org.injectionplanner.plan.SessionComparison;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.PlanSession;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.StoreException;

/**
 * Plugins › Injection Planner › Session › Compare with Earlier Session...: the active plan compared site by
 * site with an earlier session of its course ({@link SessionComparison}: added, dropped, changed and unchanged
 * sites, and the outcomes' change against the minimal important change), in a text window titled
 * {@value #TITLE}; the Plan Panel then compares the plan with that session too. Macro key: {@code session}
 * (the earlier session's number; the previous one by default).
 */
public final class CompareSessionsCommand implements PlugIn {

    static final String TITLE = "Session Comparison";

    @Override
    public void run(String arg) {
        PlanSession session = PluginWorkspace.sessionOrError();
        if (session == null) {
            return;
        }
        SessionPlan current = session.editor().plan();
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addNumericField("session", Math.max(1, current.sessionNumber() - 1), 0, 4, "(the earlier session)");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        int number = (int) gd.getNextNumber();
        try {
            PlanStore store = PluginWorkspace.get().store();
            Optional<SessionPlan> earlier = store.hasCourse(current.courseId())
                    ? store.course(current.courseId()).plans().stream()
                            .filter(p -> p.sessionNumber() == number && !p.id().equals(current.id())).findFirst()
                    : Optional.empty();
            if (earlier.isEmpty()) {
                throw new IllegalArgumentException("session: the course has no saved session " + number
                        + " besides the active plan");
            }
            SessionComparison c = SessionComparison.of(earlier.get(), current,
                    PluginWorkspace.get().settings().catalogue());
            new TextWindow(TITLE, String.join("\n", c.lines()), 640, 360);
            ComparisonPane.compareWith(current, earlier.get());
        } catch (StoreException | IllegalArgumentException e) {
            CommandErrors.show(e.getMessage());
        }
    }
}
