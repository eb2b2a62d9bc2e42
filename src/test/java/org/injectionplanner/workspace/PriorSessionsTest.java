package org.injectionplanner.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.injectionplanner.plan.CourseRecord;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.store.PlanSession;
import org.injectionplanner.store.PlanStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The earlier sessions of a course as the follow-up review lists them. */
class PriorSessionsTest {

    private static final Patient DEMO = new Patient("DEMO-0001", "Demo^Patient", null);
    private static final CourseRecord RECORD = new CourseRecord(PlanFixtures.COURSE, DEMO.id(), "", 4);

    @TempDir
    Path root;

    private static SessionPlan session(int number, int weeksAgo, String patientId) {
        PlanImage image = new PlanImage("2.25.7" + number, "2.25.8" + number, "2.25.9" + number, "Transverse", 1,
                null, new Patient(patientId, "", null), null);
        return SessionPlan.newDraft(PlanFixtures.COURSE, number, PlanFixtures.DATE.minusWeeks(weeksAgo), "Dr A")
                .withImage(image).withTarget(PlanFixtures.target(1, new ImageRef(
                        image.sopInstanceUid(), 1), 10, 10, PlanFixtures.region(0, 0.1, 0.1)));
    }

    private void save(PlanStore store, SessionPlan plan) throws Exception {
        try (PlanSession s = PlanSession.open(store, plan)) {
            s.save("Dr A", null);
        }
    }

    @Test
    void theCoursesEarlierSessionsAreListedNewestFirstWithTheirStatus() throws Exception {
        PlanWorkspace ws = new PlanWorkspace(() -> root, n -> { });
        SessionPlan first = session(1, 8, DEMO.id());
        SessionPlan second = session(2, 4, DEMO.id());
        save(ws.store(), first);
        save(ws.store(), second);
        SessionPlan third = session(3, 0, DEMO.id());
        List<PriorSessions.Prior> priors = PriorSessions.of(ws, third, DEMO.id());
        assertThat(priors).extracting(p -> p.plan().id()).containsExactly(second.id(), first.id());
        assertThat(priors.get(0).line()).isEqualTo("session 2, " + second.date() + ", 1 site, draft");
        assertThat(priors.get(1).title()).as("counted against the 4 sessions a course plans by default")
                .isEqualTo("session 1 of 4, " + first.date() + ", draft — read-only");
        assertThat(PriorSessions.of(ws, second, DEMO.id())).extracting(p -> p.plan().id())
                .as("only the sessions before the current one").containsExactly(first.id());
        assertThat(PriorSessions.of(ws, null, DEMO.id())).as("without a plan: the patient's sessions").hasSize(2);
        assertThat(PriorSessions.of(ws, null, "OTHER-7")).isEmpty();
        assertThatThrownBy(() -> PriorSessions.of(ws, third, "OTHER-7"))
                .hasMessageContaining("another patient (Patient ID DEMO-0001) than the open study (OTHER-7)");
    }

    @Test
    void aSessionBeyondThePlannedOnesSaysHowManyWerePlanned() throws Exception {
        PlanWorkspace ws = new PlanWorkspace(() -> root, n -> { });
        save(ws.store(), session(1, 12, DEMO.id()));
        save(ws.store(), session(2, 8, DEMO.id()));
        try (PlanSession s = PlanSession.open(ws.store(), session(3, 4, DEMO.id()))) {
            s.course().saveRecord(s.course().record().describedAs("low back pain", 2));
            s.save("Dr A", null);
        }
        List<PriorSessions.Prior> priors = PriorSessions.of(ws, session(4, 0, DEMO.id()), DEMO.id());
        assertThat(priors).extracting(PriorSessions.Prior::title).containsExactly(
                "session 3 (2 planned), " + PlanFixtures.DATE.minusWeeks(4) + ", draft — read-only",
                "session 2 of 2, " + PlanFixtures.DATE.minusWeeks(8) + ", draft — read-only",
                "session 1 of 2, " + PlanFixtures.DATE.minusWeeks(12) + ", draft — read-only");
    }

    @Test
    void withoutAPlanTheCourseIsFoundThroughThePatientIndex() throws Exception {
        PlanWorkspace ws = new PlanWorkspace(() -> root, n -> { });
        save(ws.store(), session(1, 4, DEMO.id()));
        assertThat(PriorSessions.of(ws, null, DEMO.id())).extracting(p -> p.plan().sessionNumber())
                .containsExactly(1);
        Files.delete(root.resolve("patients.json"));
        assertThatThrownBy(() -> PriorSessions.of(ws, null, DEMO.id())).as("no scan of every revision")
                .hasMessageContaining("has no patient index (patients.json): run verify-store");
        assertThat(PriorSessions.of(ws, session(2, 0, DEMO.id()), DEMO.id())).as("with a plan, its course")
                .hasSize(1);
    }

    @Test
    void aSignatureTheStoreDoesNotTrustIsNotShownAsSigned() {
        SessionPlan claimed = session(1, 4, DEMO.id()).signed(new Signature("Dr A",
                OffsetDateTime.parse("2026-10-01T10:00:00Z"), "0".repeat(64)));
        assertThat(new PriorSessions.Prior(claimed, SignatureStatus.invalid(List.of("forged")), RECORD).statusText())
                .isEqualTo("signature not verified");
        assertThat(new PriorSessions.Prior(claimed, SignatureStatus.VALID, RECORD).statusText()).isEqualTo("signed");
    }
}
