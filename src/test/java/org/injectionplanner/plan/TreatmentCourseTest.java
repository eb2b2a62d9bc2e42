package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TreatmentCourseTest {

    private static final UUID COURSE = UUID.fromString("c0000000-0000-4000-8000-000000000001");
    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    private static final IntervalWindow WINDOW = ClinicSettings.defaults().intervalWindow();

    private static TreatmentCourse course(int planned, String patient, LocalDate... dates) {
        List<CourseSession> sessions = new ArrayList<>();
        for (int i = 0; i < dates.length; i++) {
            sessions.add(CourseSession.of(CourseFixtures.session(COURSE, i + 1, dates[i], patient)));
        }
        return new TreatmentCourse(new CourseRecord(COURSE, CourseFixtures.PATIENT, "low back pain", planned),
                sessions, WINDOW);
    }

    @Test
    void theWindowIsTheIntervalSafetyLimitToTheClinicsLongestInterval() {
        assertThat(WINDOW).isEqualTo(new IntervalWindow(SafetyLimits.defaults().minIntervalDays(), 42));
        assertThat(WINDOW.minDays()).isEqualTo(14);
        ClinicSettings stricter = ClinicSettings.defaults().withLimits(new SafetyLimits(10, 30, 20, 1, 30, 21, 2));
        assertThat(stricter.intervalWindow().minDays()).isEqualTo(21);
    }

    @Test
    void intervalsInTheWindowWarnOfNothingAndGiveTheNextDueWindow() {
        TreatmentCourse c = course(4, CourseFixtures.PATIENT, FIRST, FIRST.plusWeeks(4));
        assertThat(c.intervals()).containsExactly(new TreatmentCourse.Interval(1, 2, 28, true));
        assertThat(c.warnings()).isEmpty();
        assertThat(c.nextDue()).isEqualTo(new TreatmentCourse.DueWindow(3, FIRST.plusWeeks(4).plusDays(14),
                FIRST.plusWeeks(4).plusDays(42)));
    }

    @Test
    void intervalsOutsideTheWindowWarnEitherWay() {
        TreatmentCourse c = course(4, CourseFixtures.PATIENT, FIRST, FIRST.plusDays(10), FIRST.plusDays(10 + 43));
        assertThat(c.intervals()).extracting(TreatmentCourse.Interval::inWindow).containsExactly(false, false);
        assertThat(c.warnings()).containsExactly(
                "session 2 is 10 days after session 1, less than the intended 14–42 days",
                "session 3 is 43 days after session 2, more than the intended 14–42 days");
        // the boundaries are inside
        assertThat(course(4, CourseFixtures.PATIENT, FIRST, FIRST.plusDays(14), FIRST.plusDays(56)).warnings())
                .isEmpty();
    }

    @Test
    void moreSessionsThanPlannedWarnAndLeaveNothingDue() {
        TreatmentCourse c = course(2, CourseFixtures.PATIENT, FIRST, FIRST.plusWeeks(3), FIRST.plusWeeks(6));
        assertThat(c.warnings()).containsExactly("the course has 3 sessions, more than the 2 planned");
        assertThat(c.nextDue()).isNull();
        assertThat(course(2, CourseFixtures.PATIENT).nextDue()).as("no session yet").isNull();
    }

    @Test
    void aSessionIsCountedAgainstThePlannedSessionsNotTheSessionsSoFar() {
        CourseRecord planned4 = new CourseRecord(COURSE, CourseFixtures.PATIENT, "", 4);
        assertThat(planned4.sessionLabel(1)).as("the first of a course of 4").isEqualTo("session 1 of 4");
        assertThat(planned4.sessionLabel(4)).isEqualTo("session 4 of 4");
        assertThat(planned4.sessionLabel(5)).as("beyond the plan").isEqualTo("session 5 (4 planned)");
        assertThat(planned4.describedAs("", 6).sessionOf(5)).isEqualTo("5 of 6");
    }

    @Test
    void aSessionOfAnotherPatientIsWarnedOfAndRefusedByTheRecord() {
        SessionPlan other = CourseFixtures.session(COURSE, 2, FIRST.plusWeeks(4), "OTHER-9");
        TreatmentCourse c = new TreatmentCourse(new CourseRecord(COURSE, CourseFixtures.PATIENT, "", 4),
                List.of(CourseSession.of(CourseFixtures.session(COURSE, 1, FIRST, CourseFixtures.PATIENT)),
                        CourseSession.of(other)), WINDOW);
        assertThat(c.warnings()).containsExactly("session 2 shows Patient ID OTHER-9, not the course's (DEMO-0001)");
        assertThat(c.record().patientProblem(other)).isEqualTo(
                "session 2 shows Patient ID OTHER-9, not the course's (DEMO-0001)");
        assertThat(new CourseRecord(COURSE, "", "", 4).withPatientOf(other).patientId()).isEqualTo("OTHER-9");
    }

    @Test
    void sessionStatusFollowsSignatureAndProcedureRecord() {
        SessionPlan plan = CourseFixtures.session(COURSE, 1, FIRST, CourseFixtures.PATIENT);
        Target t = CourseFixtures.target(plan, UUID.randomUUID(), 1, 100, 100);
        plan = plan.withTarget(t).withInjection(PlanFixtures.injection(t, null));
        assertThat(CourseSession.of(plan).status()).isEqualTo(CourseSession.Status.DRAFT);
        SessionPlan signed = plan.signed(new Signature("Dr A", PlanFixtures.AT, "0".repeat(64)));
        assertThat(CourseSession.of(signed).status()).isEqualTo(CourseSession.Status.SIGNED);
        Injection i = signed.injections().get(0);
        SessionPlan done = signed.withInjection(i.recorded(ProcedureRecord.done(PlanFixtures.AT, "")));
        assertThat(CourseSession.of(done).status()).isEqualTo(CourseSession.Status.DONE);
        assertThat(CourseSession.of(done).sites()).isEqualTo(1);
        SessionPlan late = done.withOutcomes(new Outcomes(5, null, null, null, null, null, "",
                PlanFixtures.AT.plusMinutes(5)));
        assertThat(CourseSession.of(late).outcomesLate()).isTrue();
    }
}
