package org.injectionplanner.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.injectionplanner.plan.CourseRecord;
import org.injectionplanner.plan.CourseSession;
import org.injectionplanner.plan.IntervalWindow;
import org.injectionplanner.plan.OutcomeChange;
import org.injectionplanner.plan.Outcomes;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.TreatmentCourse;
import org.injectionplanner.store.PlanSession;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.StoreException;
import org.injectionplanner.workspace.PlanWorkspace;

/**
 * Plugins › Injection Planner › Session › Treatment Course...: the active plan's course (docs/domain.md §4.1) —
 * its sessions in a results table ({@value #TABLE}: date, status, sites, days since the previous session and
 * the outcomes), the course's warnings in the Log, and a plot ({@value #PLOT}) of pain at rest and on
 * activity (NRS 0–10) and the ODI ÷ 10 by days since the first session, each session's date written at its
 * point, with the minimal clinically important improvement from the first session marked as thin lines
 * (NRS −2 points, ODI −10 points). The saved sessions come from the store; the active plan as it is now.
 * Macro keys: {@code indication} and {@code planned} (sessions) change the course's record (the plan must be
 * open for writing).
 */
public final class TreatmentCourseCommand implements PlugIn {

    static final String TABLE = "Treatment Course";
    static final String PLOT = "Treatment Course: outcomes";

    @Override
    public void run(String arg) {
        PlanWorkspace ws = PluginWorkspace.get();
        PlanSession session = PluginWorkspace.sessionOrError();
        if (session == null) {
            return;
        }
        SessionPlan current = session.editor().plan();
        try {
            PlanStore store = ws.store();
            CourseRecord record = store.courseRecord(current.courseId()).withPatientOf(current);
            GenericDialog gd = new GenericDialog(TABLE);
            gd.addStringField("indication", record.indication(), 30);
            gd.addNumericField("planned", record.plannedSessions(), 0, 4, "sessions");
            gd.showDialog();
            if (gd.wasCanceled()) {
                return;
            }
            CourseRecord asked = record.describedAs(gd.getNextString(), (int) gd.getNextNumber());
            if (!asked.equals(record)) {
                session.course().saveRecord(asked);
                record = asked;
            }
            TreatmentCourse course = new TreatmentCourse(record, sessions(store, current),
                    ws.settings().intervalWindow());
            table(course).show(TABLE);
            for (String w : course.warnings()) {
                IJ.log(TABLE + ": warning: " + w);
            }
            plot(course).show();
        } catch (StoreException | IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show("The course cannot be shown: " + e.getMessage());
        }
    }

    /** The course's saved sessions with the active plan as it is now. */
    private static List<CourseSession> sessions(PlanStore store, SessionPlan current) throws StoreException {
        Map<UUID, CourseSession> out = new LinkedHashMap<>();
        if (store.courses().contains(current.courseId())) {
            for (SessionPlan p : store.course(current.courseId()).plans()) {
                out.put(p.id(), CourseSession.of(p));
            }
        }
        out.put(current.id(), CourseSession.of(current));
        return new ArrayList<>(out.values());
    }

    /** One row per session ("1 of 4": counted against the course's planned sessions), then the one due. */
    static ResultsTable table(TreatmentCourse course) {
        ResultsTable rt = new ResultsTable();
        CourseSession previous = null;
        for (CourseSession s : course.sessions()) {
            rt.incrementCounter();
            rt.addValue("Session", course.record().sessionOf(s.number()));
            rt.addValue("Date", s.date().toString());
            rt.addValue("Status", s.status().label());
            rt.addValue("Sites", s.sites());
            rt.addValue("Days since previous", previous == null ? "" : String.valueOf(
                    IntervalWindow.days(previous.date(), s.date())));
            Outcomes o = s.outcomes();
            rt.addValue("NRS rest", value(o, OutcomeChange.Measure.NRS_REST));
            rt.addValue("NRS activity", value(o, OutcomeChange.Measure.NRS_ACTIVITY));
            rt.addValue("ODI %", value(o, OutcomeChange.Measure.ODI));
            rt.addValue("RMDQ", value(o, OutcomeChange.Measure.RMDQ));
            rt.addValue("PGIC", o == null || o.pgic() == null ? "" : o.pgic().toString());
            previous = s;
        }
        TreatmentCourse.DueWindow due = course.nextDue();
        if (due != null) {
            rt.incrementCounter();
            rt.addValue("Session", course.record().sessionOf(due.session()));
            rt.addValue("Date", due.earliest() + " to " + due.latest());
            rt.addValue("Status", "due");
        }
        return rt;
    }

    private static String value(Outcomes o, OutcomeChange.Measure m) {
        Double v = m.of(o);
        return v == null ? "" : v == Math.rint(v) ? String.valueOf(v.longValue())
                : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /**
     * The plot: one series per measure (sessions that did not record it are left out), and a thin line at
     * the first recorded value minus the minimal important change.
     */
    static Plot plot(TreatmentCourse course) {
        Plot plot = new Plot(PLOT, "days since session 1" + (course.sessions().isEmpty() ? ""
                : " (" + course.sessions().get(0).date() + ")"), "NRS 0–10;  ODI % ÷ 10");
        plot.setLimits(-2, Math.max(14, days(course, course.sessions().get(course.sessions().size() - 1)) + 7), 0,
                10.5);
        series(plot, course, OutcomeChange.Measure.NRS_REST, 1, new Color(0x0072B2));
        series(plot, course, OutcomeChange.Measure.NRS_ACTIVITY, 1, new Color(0xD55E00));
        series(plot, course, OutcomeChange.Measure.ODI, 10, new Color(0x009E73));
        for (CourseSession s : course.sessions()) {
            plot.setColor(Color.DARK_GRAY);
            plot.addText(s.date().toString(), days(course, s), 0.4);
        }
        plot.setColor(Color.BLACK);
        // one label per data set, in the order added: each series, then its line where it has one
        plot.addLegend("NRS rest\nNRS rest: important improvement (−2)\nNRS activity\nODI ÷ 10\n"
                + "ODI: important improvement (−10)");
        return plot;
    }

    private static void series(Plot plot, TreatmentCourse course, OutcomeChange.Measure m, double divisor,
            Color colour) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (CourseSession s : course.sessions()) {
            Double v = m.of(s.outcomes());
            if (v != null) {
                xs.add((double) days(course, s));
                ys.add(v / divisor);
            }
        }
        plot.setColor(colour);
        plot.setLineWidth(2);
        plot.add("connected circle", array(xs), array(ys));
        if (m != OutcomeChange.Measure.NRS_ACTIVITY && !ys.isEmpty()) {
            double line = Math.max(0, ys.get(0) - m.importantPoints() / divisor);
            plot.setLineWidth(1);
            plot.add("line", new double[] {-2, 1000}, new double[] {line, line});
        }
    }

    private static long days(TreatmentCourse course, CourseSession s) {
        return IntervalWindow.days(course.sessions().get(0).date(), s.date());
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
