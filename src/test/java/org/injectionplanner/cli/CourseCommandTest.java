package org.injectionplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.plan.CourseFixtures;
import org.injectionplanner.plan.Outcomes;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.store.OpenCourse;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Revision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code course} and {@code compare} on a store with a patient's course and another patient's. */
class CourseCommandTest {

    private static final UUID COURSE = UUID.fromString("c0000000-0000-4000-8000-0000000000c1");
    private static final UUID OTHER = UUID.fromString("c0000000-0000-4000-8000-0000000000c2");
    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);

    @TempDir
    Path root;

    private final List<Revision> saved = new ArrayList<>();
    private Revision otherPatient;

    @BeforeEach
    void twoCourses() throws Exception {
        PlanStore store = new PlanStore(root);
        try (OpenCourse c = store.open(COURSE)) {
            SessionPlan one = CourseFixtures.sessionWithSite(COURSE, 1, FIRST, CourseFixtures.PATIENT)
                    .withOutcomes(new Outcomes(6, 8, 40.0, null, null, null, "", PlanFixtures.AT));
            saved.add(c.save(one, "Dr A", ""));
            // session 2, ten days later: one site more (T2), outcomes better by the important change
            SessionPlan two = CourseFixtures.sessionWithSite(COURSE, 2, FIRST.plusDays(10), CourseFixtures.PATIENT);
            Target t2 = CourseFixtures.target(two, PlanFixtures.id("site", 2), 2, 500, 200);
            two = two.withTarget(t2).withInjection(PlanFixtures.injection(t2, null))
                    .withOutcomes(new Outcomes(4, 7, 28.0, null, null, 2, "", PlanFixtures.AT.plusDays(10)));
            saved.add(c.save(two, "Dr A", ""));
        }
        try (OpenCourse c = store.open(OTHER)) {
            otherPatient = c.save(CourseFixtures.sessionWithSite(OTHER, 1, FIRST, "OTHER-9"), "Dr A", "");
        }
    }

    @Test
    void coursePrintsThePatientsCourseFoundByPatientIdOrCourseId() throws Exception {
        CliRun run = CliRun.of("course", CourseFixtures.PATIENT, "--store", root.toString());
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode course = run.json().get("courses").get(0);
        assertThat(course.get("courseId").asText()).isEqualTo(COURSE.toString());
        assertThat(course.get("patientId").asText()).isEqualTo(CourseFixtures.PATIENT);
        assertThat(course.get("plannedSessions").asInt()).isEqualTo(4);
        assertThat(course.get("sessions")).hasSize(2);
        assertThat(course.get("sessions").get(1).get("date").asText()).isEqualTo("2026-10-11");
        assertThat(course.get("sessions").get(1).get("sites").asInt()).isEqualTo(2);
        assertThat(course.get("sessions").get(1).get("status").asText()).isEqualTo("draft");
        assertThat(course.get("sessions").get(0).get("outcomes").get("nrsRest").asInt()).isEqualTo(6);
        assertThat(course.get("intervals").get(0).get("days").asInt()).isEqualTo(10);
        assertThat(course.get("intervals").get(0).get("inWindow").asBoolean()).isFalse();
        assertThat(course.get("nextDue").get("earliest").asText()).isEqualTo("2026-10-25");
        assertThat(course.get("nextDue").get("latest").asText()).isEqualTo("2026-11-22");
        assertThat(course.get("warnings").get(0).asText())
                .isEqualTo("session 2 is 10 days after session 1, less than the intended 14–42 days");
        assertThat(course.get("outcomeChangeSinceFirst").get("changes").get(0).get("verdict").asText())
                .isEqualTo("improved");

        CliRun byId = CliRun.of("course", COURSE.toString(), "--store", root.toString());
        assertThat(byId.json().get("courses").get(0)).isEqualTo(course);
    }

    @Test
    void anUnknownIdIsAnErrorThatSaysSo() {
        CliRun run = CliRun.of("course", "NOBODY", "--store", root.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: no course NOBODY and no course of Patient ID NOBODY in the plan "
                + "store " + root);
    }

    @Test
    void compareListsTheSitesAndTheOutcomeChange() throws Exception {
        CliRun run = CliRun.of("compare", saved.get(1).file().toString(), saved.get(0).file().toString());
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode c = run.json();
        assertThat(c.get("earlier").get("sessionNumber").asInt()).isEqualTo(1);
        assertThat(c.get("added")).hasSize(1);
        assertThat(c.get("added").get(0).get("label").asText()).isEqualTo("T2");
        assertThat(c.get("added").get(0).get("structure").asText()).as("by the store's catalogue")
                .isEqualTo("Iliolumbar ligament");
        assertThat(c.get("dropped")).isEmpty();
        assertThat(c.get("changed")).isEmpty();
        assertThat(c.get("unchanged")).hasSize(1);
        JsonNode odi = c.get("outcomes").get("changes").get(2);
        assertThat(odi.get("measure").asText()).isEqualTo("odiPercent");
        assertThat(odi.get("change").asDouble()).isEqualTo(-12.0);
        assertThat(odi.get("importantPoints").asDouble()).isEqualTo(10.0);
        assertThat(odi.get("verdict").asText()).isEqualTo("improved");
        assertThat(c.get("outcomes").get("pgic").asInt()).isEqualTo(2);
    }

    @Test
    void comparingPlansOfDifferentPatientsIsAnError() {
        CliRun run = CliRun.of("compare", saved.get(0).file().toString(), otherPatient.file().toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("the plans are of different patients (Patient ID DEMO-0001 and OTHER-9)");
        assertThat(CliRun.of("compare", saved.get(0).file().toString()).status()).isEqualTo(2);
    }
}
