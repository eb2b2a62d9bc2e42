package org.injectionplanner.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.injectionplanner.plan.CourseSession;
import org.injectionplanner.plan.OutcomeChange;
import org.injectionplanner.plan.SessionComparison;
import org.injectionplanner.plan.TreatmentCourse;
import org.injectionplanner.planfile.PlanJson;

/** The course and comparison JSON of the {@code course} and {@code compare} commands (README). */
final class CourseJson {

    private CourseJson() {
    }

    /** A course: record, window, sessions with outcomes, intervals, next due window, outcome change, warnings. */
    static ObjectNode course(TreatmentCourse c) {
        ObjectNode o = InspectCommand.Json.MAPPER.createObjectNode();
        o.put("courseId", c.record().courseId().toString());
        o.put("patientId", c.record().patientId());
        o.put("indication", c.record().indication());
        o.put("plannedSessions", c.record().plannedSessions());
        ObjectNode window = o.putObject("intervalWindowDays");
        window.put("min", c.window().minDays());
        window.put("max", c.window().maxDays());
        ArrayNode sessions = o.putArray("sessions");
        for (CourseSession s : c.sessions()) {
            ObjectNode so = sessions.addObject();
            so.put("planId", s.planId().toString());
            so.put("sessionNumber", s.number());
            so.put("date", s.date().toString());
            so.put("status", s.status().label());
            so.put("sites", s.sites());
            so.set("outcomes", s.outcomes() == null ? null : PlanJson.outcomes(s.outcomes()));
        }
        ArrayNode intervals = o.putArray("intervals");
        for (TreatmentCourse.Interval i : c.intervals()) {
            ObjectNode io = intervals.addObject();
            io.put("from", i.from());
            io.put("to", i.to());
            io.put("days", i.days());
            io.put("inWindow", i.inWindow());
        }
        TreatmentCourse.DueWindow due = c.nextDue();
        if (due == null) {
            o.putNull("nextDue");
        } else {
            ObjectNode d = o.putObject("nextDue");
            d.put("sessionNumber", due.session());
            d.put("earliest", due.earliest().toString());
            d.put("latest", due.latest().toString());
        }
        List<CourseSession> all = c.sessions();
        o.set("outcomeChangeSinceFirst", all.size() < 2 ? null
                : change(OutcomeChange.between(all.get(0).outcomes(), all.get(all.size() - 1).outcomes())));
        ArrayNode warnings = o.putArray("warnings");
        c.warnings().forEach(warnings::add);
        return o;
    }

    /** A comparison of two sessions. */
    static ObjectNode comparison(SessionComparison c) {
        ObjectNode o = InspectCommand.Json.MAPPER.createObjectNode();
        ObjectNode earlier = o.putObject("earlier");
        earlier.put("planId", c.earlier().toString());
        earlier.put("sessionNumber", c.earlierSession());
        ObjectNode later = o.putObject("later");
        later.put("planId", c.later().toString());
        later.put("sessionNumber", c.laterSession());
        o.put("positionToleranceMm", SessionComparison.POSITION_TOLERANCE_MM);
        sites(o.putArray("added"), c.added());
        sites(o.putArray("dropped"), c.dropped());
        sites(o.putArray("changed"), c.changed());
        sites(o.putArray("unchanged"), c.unchanged());
        o.set("outcomes", change(c.outcomes()));
        return o;
    }

    private static void sites(ArrayNode out, List<SessionComparison.Site> sites) {
        for (SessionComparison.Site s : sites) {
            ObjectNode so = out.addObject();
            so.put("targetId", s.targetId().toString());
            so.put("label", s.label());
            so.put("structure", s.structure());
            if (!s.droppedReason().isEmpty()) {
                so.put("reason", s.droppedReason());
            }
            if (!s.changes().isEmpty()) {
                ArrayNode changes = so.putArray("changes");
                for (SessionComparison.FieldChange f : s.changes()) {
                    ObjectNode fo = changes.addObject();
                    fo.put("field", f.field());
                    fo.put("before", f.before());
                    fo.put("after", f.after());
                    if (f.distanceMm() != null) {
                        fo.put("distanceMm", Math.round(f.distanceMm() * 10) / 10.0);
                    }
                }
            }
            if (!s.positionNote().isEmpty()) {
                so.put("position", s.positionNote());
            }
        }
    }

    private static ObjectNode change(OutcomeChange c) {
        ObjectNode o = InspectCommand.Json.MAPPER.createObjectNode();
        ArrayNode changes = o.putArray("changes");
        for (OutcomeChange.MeasureChange m : c.changes()) {
            ObjectNode mo = changes.addObject();
            mo.put("measure", m.measure().key());
            mo.put("before", m.before());
            mo.put("after", m.after());
            mo.put("change", Math.round(m.change() * 10) / 10.0);
            mo.put("percent", m.percent() == null ? null : Math.round(m.percent() * 10) / 10.0);
            mo.put("importantPoints", m.measure().importantPoints());
            mo.put("importantPercent", OutcomeChange.IMPORTANT_PERCENT);
            mo.put("verdict", m.verdict().label());
        }
        o.put("pgic", c.pgic());
        return o;
    }
}
