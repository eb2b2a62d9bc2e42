package org.injectionplanner.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A treatment course: the sessions of one patient for one indication (docs/domain.md §4.1), with the intervals
 * between them, when the next is due and what is out of the ordinary.
 *
 * @param record what the course is: patient, indication, planned sessions
 * @param sessions its sessions, by session number (then date)
 * @param window the intended interval between sessions (the clinic's, {@link ClinicSettings#intervalWindow()})
 */
public record TreatmentCourse(CourseRecord record, List<CourseSession> sessions, IntervalWindow window) {

    /**
     * The interval from one session to the next.
     *
     * @param from the earlier session's number
     * @param to the later session's number
     * @param days days between their dates
     * @param inWindow whether that lies in the intended window
     */
    public record Interval(int from, int to, long days, boolean inWindow) {
    }

    /**
     * When the next session is due: from the newest session's date plus the window's shortest interval to
     * plus its longest.
     *
     * @param session the next session's number
     * @param earliest first day, inclusive
     * @param latest last day, inclusive
     */
    public record DueWindow(int session, LocalDate earliest, LocalDate latest) {
    }

    public TreatmentCourse {
        if (record == null || window == null) {
            throw new IllegalArgumentException("a course needs its record and interval window");
        }
        sessions = sessions.stream().sorted(Comparator.comparingInt(CourseSession::number)
                .thenComparing(CourseSession::date)).toList();
    }

    /** The intervals between consecutive sessions, in session order. */
    public List<Interval> intervals() {
        List<Interval> out = new ArrayList<>();
        for (int i = 1; i < sessions.size(); i++) {
            CourseSession a = sessions.get(i - 1);
            CourseSession b = sessions.get(i);
            long days = IntervalWindow.days(a.date(), b.date());
            out.add(new Interval(a.number(), b.number(), days, window.contains(days)));
        }
        return out;
    }

    /** When the next session is due, or null when the course has no session yet or all planned are there. */
    public DueWindow nextDue() {
        if (sessions.isEmpty() || sessions.size() >= record.plannedSessions()) {
            return null;
        }
        CourseSession last = sessions.get(sessions.size() - 1);
        return new DueWindow(last.number() + 1, window.earliestAfter(last.date()), window.latestAfter(last.date()));
    }

    /**
     * What is out of the ordinary: an interval outside the window, more sessions than planned, two sessions
     * with one number, a session whose images show another Patient ID than the course's, outcomes recorded
     * after the session's injections began.
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (Interval i : intervals()) {
            if (!i.inWindow()) {
                boolean early = i.days() < window.minDays();
                out.add(String.format(Locale.ROOT, "session %d is %d days after session %d, %s than the intended "
                        + "%d–%d days", i.to(), i.days(), i.from(), early ? "less" : "more", window.minDays(),
                        window.maxDays()));
            }
        }
        if (sessions.size() > record.plannedSessions()) {
            out.add(String.format(Locale.ROOT, "the course has %d sessions, more than the %d planned",
                    sessions.size(), record.plannedSessions()));
        }
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).number() == sessions.get(i - 1).number()) {
                out.add("two plans are session " + sessions.get(i).number());
            }
        }
        String patient = record.patientId();
        for (CourseSession s : sessions) {
            if (!patient.isEmpty() && !s.patientId().isEmpty() && !s.patientId().equals(patient)) {
                out.add("session " + s.number() + " shows Patient ID " + s.patientId() + ", not the course's ("
                        + record.patientId() + ")");
            }
            if (s.outcomesLate()) {
                out.add("session " + s.number() + "'s outcomes were recorded after its first injection");
            }
        }
        return out;
    }
}
