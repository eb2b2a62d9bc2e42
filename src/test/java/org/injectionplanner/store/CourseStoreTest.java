package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.plan.CourseFixtures;
import org.injectionplanner.plan.CourseRecord;
import org.injectionplanner.plan.CourseSession;
import org.injectionplanner.plan.Outcomes;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outcomes in the store's revisions, course records, the store index and its rebuild by verify-store. */
class CourseStoreTest {

    private static final UUID COURSE = UUID.fromString("c0000000-0000-4000-8000-0000000000aa");
    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-10-01T09:00:00+02:00");

    @TempDir
    Path root;

    @TempDir
    Path home;

    /** The store with this test's own signer keys and seen sequences (not the user's). */
    private PlanStore store() {
        return new PlanStore(root, java.time.Clock.systemDefaultZone(), new SeenSequences(home.resolve("seen.json")),
                new SignerKeys(home.resolve("keys")));
    }

    private static Outcomes outcomes(int rest, int activity) {
        return new Outcomes(rest, activity, 30.0, null, null, null, "before session", AT);
    }

    @Test
    void outcomesPersistAcrossRevisionsASignatureAndAnAmendment() throws Exception {
        PlanStore store = store();
        Revision first;
        Revision signedWithOutcomes;
        Revision amended;
        try (PlanSession s = PlanSession.open(store,
                CourseFixtures.sessionWithSite(COURSE, 1, FIRST, CourseFixtures.PATIENT))) {
            s.editor().apply(PlanEdits.outcomes(outcomes(6, 8)));
            first = s.save("Dr A", "outcomes");
            s.finalizePlan("Dr A", AT.plusMinutes(10));
            s.editor().apply(PlanEdits.outcomes(outcomes(5, 8)));
            signedWithOutcomes = s.save("Dr A", "outcomes corrected after sign-off");
            assertThat(signedWithOutcomes.plan().status()).isEqualTo(PlanStatus.SIGNED);
            s.amend("volume corrected", "Dr A", AT.plusMinutes(20));
            amended = s.save("Dr A", "amended");
        }
        assertThat(store.load(first.file()).plan().outcomes()).isEqualTo(outcomes(6, 8));
        assertThat(store.load(signedWithOutcomes.file()).plan().outcomes()).isEqualTo(outcomes(5, 8));
        assertThat(store.load(amended.file()).plan().outcomes()).isEqualTo(outcomes(5, 8));
        assertThat(store.load(amended.file()).plan().amendments()).hasSize(1);
        assertThat(Files.readString(first.file())).contains("\"nrsRest\": 6");
        VerifyReport report = StoreVerifier.verify(root, new SeenSequences(home.resolve("seen.json")));
        assertThat(report.problems()).as("outcomes are part of the chained revision; the index is current")
                .isEmpty();
    }

    @Test
    void aPlanOfAnotherPatientIsRefusedInACourse() throws Exception {
        PlanStore store = store();
        try (OpenCourse c = store.open(COURSE)) {
            c.save(CourseFixtures.sessionWithSite(COURSE, 1, FIRST, CourseFixtures.PATIENT), "Dr A", "");
            SessionPlan other = CourseFixtures.sessionWithSite(COURSE, 2, FIRST.plusWeeks(4), "OTHER-9");
            assertThatThrownBy(() -> c.save(other, "Dr A", "")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("session 2 shows Patient ID OTHER-9, not the course's (DEMO-0001)")
                    .hasMessageContaining("nothing was saved");
            assertThat(c.newestSequence()).isEqualTo(1);
        }
    }

    @Test
    void theIndexFindsAPatientsCourseAndListsItsSessions() throws Exception {
        PlanStore store = store();
        saveCourse(store, COURSE, CourseFixtures.PATIENT, 3);
        UUID other = UUID.fromString("c0000000-0000-4000-8000-0000000000bb");
        saveCourse(store, other, "OTHER-9", 1);
        assertThat(store.coursesOfPatient(CourseFixtures.PATIENT)).containsExactly(COURSE);
        assertThat(store.coursesOfPatient("OTHER-9")).containsExactly(other);
        assertThat(store.coursesOfPatient("NOBODY")).isEmpty();
        assertThat(store.indexedSessions(COURSE)).extracting(IndexedSession::sessionNumber, IndexedSession::sites)
                .containsExactly(tuple(1, 1), tuple(2, 1), tuple(3, 1));
        CourseView view = store.course(COURSE);
        assertThat(view.course().record()).isEqualTo(new CourseRecord(COURSE, CourseFixtures.PATIENT, "", 4));
        assertThat(view.course().sessions()).extracting(CourseSession::number).containsExactly(1, 2, 3);
        assertThat(view.course().sessions()).extracting(CourseSession::date).containsExactly(FIRST,
                FIRST.plusWeeks(4), FIRST.plusWeeks(8));
        assertThat(view.course().nextDue().earliest()).isEqualTo(FIRST.plusWeeks(8).plusDays(14));
        Path dir = root.resolve("courses").resolve(COURSE.toString());
        assertThat(dir.resolve("course.json")).exists();
        assertThat(Files.readString(dir.resolve("sessions.json"))).contains("\"headSequence\": 3");
        assertThat(Files.readString(root.resolve("patients.json"))).contains(CourseFixtures.PATIENT, "OTHER-9");
    }

    @Test
    void thePreviousSessionIsTheHighestNumberBelowThePlansAndACourseWithoutRevisionIsNotListed() throws Exception {
        PlanStore store = store();
        saveCourse(store, COURSE, CourseFixtures.PATIENT, 3);
        SessionPlan fourth = CourseFixtures.sessionWithSite(COURSE, 4, FIRST.plusWeeks(12), CourseFixtures.PATIENT);
        assertThat(store.previousSession(fourth).orElseThrow().sessionNumber()).isEqualTo(3);
        SessionPlan second = store.course(COURSE).plans().get(1);
        assertThat(store.previousSession(second).orElseThrow().sessionNumber()).isEqualTo(1);
        assertThat(store.previousSession(store.course(COURSE).plans().get(0))).as("a first session").isEmpty();
        UUID unsaved = UUID.fromString("c0000000-0000-4000-8000-0000000000cc");
        assertThat(store.previousSession(CourseFixtures.sessionWithSite(unsaved, 2, FIRST, CourseFixtures.PATIENT)))
                .as("a course the store does not hold").isEmpty();
        // a first save interrupted after the patient index and before the revision leaves a course without one
        store.open(unsaved).close();
        PatientIndex.record(root, unsaved, CourseFixtures.PATIENT, store::courses);
        assertThat(Files.readString(root.resolve("patients.json"))).contains(unsaved.toString());
        assertThat(store.hasCourse(unsaved)).isFalse();
        assertThat(store.coursesOfPatient(CourseFixtures.PATIENT)).containsExactly(COURSE);
    }

    @Test
    void verifyStoreRebuildsADeletedIndexAndReportsOneThatDisagrees() throws Exception {
        PlanStore store = store();
        saveCourse(store, COURSE, CourseFixtures.PATIENT, 2);
        Path dir = root.resolve("courses").resolve(COURSE.toString());
        byte[] sessions = Files.readAllBytes(dir.resolve("sessions.json"));
        byte[] patients = Files.readAllBytes(root.resolve("patients.json"));
        Files.delete(dir.resolve("sessions.json"));
        Files.delete(root.resolve("patients.json"));
        assertThatThrownBy(() -> store.coursesOfPatient(CourseFixtures.PATIENT))
                .hasMessageContaining("run verify-store");
        assertThat(store.course(COURSE).course().sessions()).as("a missing course index is rebuilt in memory")
                .hasSize(2);

        VerifyReport report = StoreVerifier.verify(root, new SeenSequences(home.resolve("seen.json")));
        assertThat(report.intact()).isTrue();
        assertThat(report.warnings()).extracting(VerifyReport.Problem::message).containsExactly(
                "the course's session index missing: rebuilt", "the store's patient index missing: rebuilt");
        assertThat(Files.readAllBytes(dir.resolve("sessions.json"))).isEqualTo(sessions);
        assertThat(Files.readAllBytes(root.resolve("patients.json"))).isEqualTo(patients);
        assertThat(store.coursesOfPatient(CourseFixtures.PATIENT)).containsExactly(COURSE);

        // an index edited to drop session 2 disagrees with the revisions
        String edited = new String(sessions, java.nio.charset.StandardCharsets.UTF_8).replace("\"sessionNumber\": 2",
                "\"sessionNumber\": 7");
        Files.writeString(dir.resolve("sessions.json"), edited);
        VerifyReport again = StoreVerifier.verify(root, new SeenSequences(home.resolve("seen.json")));
        assertThat(again.warnings()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(dir.resolve("sessions.json"));
            assertThat(p.message()).startsWith("the course's session index disagrees with the revisions (it lists");
        });
        assertThat(Files.readAllBytes(dir.resolve("sessions.json"))).isEqualTo(sessions);
        assertThat(StoreVerifier.verify(root, new SeenSequences(home.resolve("seen.json"))).problems()).isEmpty();
    }

    @Test
    void verifyStoreReportsASessionOfAnotherPatientInACourse() throws Exception {
        PlanStore store = store();
        saveCourse(store, COURSE, CourseFixtures.PATIENT, 1);
        Path record = root.resolve("courses").resolve(COURSE.toString()).resolve("course.json");
        Files.writeString(record, Files.readString(record).replace(CourseFixtures.PATIENT, "OTHER-9"));
        VerifyReport report = StoreVerifier.verify(root, new SeenSequences(home.resolve("seen.json")));
        assertThat(report.breaks()).singleElement().extracting(VerifyReport.Problem::message).asString()
                .contains("shows Patient ID DEMO-0001, not the course's (OTHER-9): a plan of another patient");
    }

    /** Saves sessions 1..n of a course, four weeks apart. */
    static void saveCourse(PlanStore store, UUID course, String patient, int n) throws Exception {
        try (OpenCourse c = store.open(course)) {
            for (int i = 1; i <= n; i++) {
                SessionPlan session = CourseFixtures.sessionWithSite(course, i, FIRST.plusWeeks(4L * (i - 1)), patient);
                c.save(session.withOutcomes(outcomes(7 - i, 8)), "Dr A", "");
            }
        }
    }

    @Test
    void theCourseRecordKeepsIndicationAndPlannedSessions() throws Exception {
        PlanStore store = store();
        saveCourse(store, COURSE, CourseFixtures.PATIENT, 1);
        try (OpenCourse c = store.open(COURSE)) {
            c.saveRecord(c.record().describedAs("SI joint pain", 6));
            assertThatThrownBy(() -> c.saveRecord(new CourseRecord(COURSE, "OTHER-9", "", 4)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store.course(COURSE).course().record()).isEqualTo(new CourseRecord(COURSE,
                CourseFixtures.PATIENT, "SI joint pain", 6));
        assertThat(List.of(store.courseRecord(COURSE).plannedSessions())).containsExactly(6);
    }
}
