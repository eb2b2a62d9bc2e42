package org.injectionplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.injectionplanner.plan.CourseFixtures;
import org.injectionplanner.plan.CourseRecord;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.OpenCourse;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyStoreCommandTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Revision[] twoRevisions() throws Exception {
        SessionPlan plan = SessionPlan.newDraft(UUID.randomUUID(), 1, LocalDate.of(2026, 11, 26), "Dr A");
        try (OpenCourse course = new PlanStore(root).open(plan.courseId())) {
            return new Revision[] {course.save(plan, "Dr A", ""), course.save(plan, "Dr A", "again")};
        }
    }

    @Test
    void exitsZeroForAnIntactStore() throws Exception {
        twoRevisions();
        assertThat(run("verify-store", root.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo(root + ": 1 course(s), 2 revision(s), intact");
    }

    @Test
    void exitsOneAndNamesTheFileOfEachBreak() throws Exception {
        Revision[] revisions = twoRevisions();
        Files.writeString(revisions[0].file(),
                Files.readString(revisions[0].file()).replace("\"reason\": \"\"", "\"reason\": \"x\""));
        assertThat(run("verify-store", root.toString())).isEqualTo(1);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("BREAK   " + root.relativize(revisions[1].file()) + ": the predecessor hash does "
                + "not match " + revisions[0].file().getFileName(), "1 break(s)");

        out.reset();
        assertThat(run("verify-store", "--json", root.toString())).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertThat(json.get("intact").booleanValue()).isFalse();
        assertThat(json.get("revisions").intValue()).isEqualTo(2);
        assertThat(json.get("problems").get(0).get("severity").asText()).isEqualTo("BREAK");
        assertThat(json.get("problems").get(0).get("file").asText())
                .isEqualTo(root.relativize(revisions[1].file()).toString());
    }

    /**
     * A follow-up course set up in Treatment Course... (its record and patient-index entry written) whose first
     * session was only autosaved: verify-store names the course and its record, keeps the index entry, and says
     * the lookup by Patient ID passes over it until a session of it is saved.
     */
    @Test
    void warnsOfACourseWithARecordButNoRevisionAndKeepsItsPatientIndexEntry() throws Exception {
        PlanStore store = new PlanStore(root);
        UUID first = UUID.fromString("c0000000-0000-4000-8000-0000000000d1");
        UUID followUp = UUID.fromString("c0000000-0000-4000-8000-0000000000d2");
        LocalDate date = LocalDate.of(2026, 10, 1);
        try (OpenCourse c = store.open(first)) {
            c.save(CourseFixtures.sessionWithSite(first, 1, date, CourseFixtures.PATIENT), "Dr A", "");
        }
        SessionPlan draft = CourseFixtures.sessionWithSite(followUp, 1, date.plusMonths(6), CourseFixtures.PATIENT);
        try (OpenCourse c = store.open(followUp)) {
            c.saveRecord(new CourseRecord(followUp, CourseFixtures.PATIENT, "SI joint pain", 4));
            c.autosave(draft);
        }
        Path patients = root.resolve("patients.json");
        byte[] index = Files.readAllBytes(patients);
        assertThat(new String(index, StandardCharsets.UTF_8)).contains(followUp.toString());
        Path record = Path.of("courses", followUp.toString(), "course.json");
        String finding = "warning " + record + ": course " + followUp + ": a course record but no revision (a "
                + "first save was interrupted, or the course was recorded in Treatment Course... and none of its "
                + "sessions was saved); not listed for Patient ID " + CourseFixtures.PATIENT + " until a session "
                + "of it is saved; ";

        assertOneWarningOfUnsavedWork(finding, "2 course(s), 1 revision(s)", record);
        assertThat(Files.readAllBytes(patients)).as("the patient index keeps the course's entry").isEqualTo(index);
        assertThat(store.coursesOfPatient(CourseFixtures.PATIENT)).containsExactly(first);

        try (OpenCourse c = store.open(followUp)) {
            c.discardAutosave(draft.id());
        }
        assertThat(CliRun.of("verify-store", root.toString()).out()).startsWith(finding
                + "no unsaved work of it is left\n");

        try (OpenCourse c = store.open(followUp)) {
            c.save(draft, "Dr A", "");
        }
        CliRun saved = CliRun.of("verify-store", root.toString());
        assertThat(saved.out().strip()).isEqualTo(root + ": 2 course(s), 2 revision(s), intact");
        assertThat(store.coursesOfPatient(CourseFixtures.PATIENT)).containsExactlyInAnyOrder(first, followUp);
    }

    /**
     * A course opened and closed without a save leaves a folder with neither a course record nor a revision
     * (perhaps an autosave): verify-store names the folder and says whether unsaved work is left in it.
     */
    @Test
    void warnsOfACourseFolderWithNeitherARecordNorARevision() throws Exception {
        PlanStore store = new PlanStore(root);
        UUID course = UUID.fromString("c0000000-0000-4000-8000-0000000000e1");
        SessionPlan draft = CourseFixtures.sessionWithSite(course, 1, LocalDate.of(2026, 10, 1),
                CourseFixtures.PATIENT);
        try (OpenCourse c = store.open(course)) {
            c.autosave(draft);
        }
        Path folder = Path.of("courses", course.toString());
        assertThat(root.resolve(folder).resolve("course.json")).doesNotExist();
        String finding = "warning " + folder + ": course " + course + ": neither a course record nor a revision "
                + "(the course was opened and none of its sessions was saved), so no patient's courses list it; ";

        assertOneWarningOfUnsavedWork(finding, "1 course(s), 0 revision(s)", folder);

        try (OpenCourse c = store.open(course)) {
            c.discardAutosave(draft.id());
        }
        assertThat(CliRun.of("verify-store", root.toString()).out()).startsWith(finding
                + "no unsaved work of it is left\n");
    }

    /**
     * verify-store prints {@code finding} as its one warning, ending in the offer of one autosave, then the
     * store's summary ({@code counts}, intact) with exit status 0; its JSON names {@code file} as the warning's.
     */
    private void assertOneWarningOfUnsavedWork(String finding, String counts, Path file) throws IOException {
        CliRun run = CliRun.of("verify-store", root.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(finding + "its unsaved work (1 autosave file(s)) is offered by Recover "
                + "Unsaved Plan...\n" + root + ": " + counts + ", intact, 1 warning(s)\n");
        JsonNode problem = CliRun.of("verify-store", "--json", root.toString()).json().get("problems").get(0);
        assertThat(problem.get("severity").asText()).isEqualTo("WARNING");
        assertThat(problem.get("file").asText()).isEqualTo(file.toString());
    }

    @Test
    void exitsTwoOnErrors() {
        assertThat(run("verify-store", root.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: " + root.resolve("missing")
                + " is not a folder");
        assertThat(run("verify-store", "a", "b")).isEqualTo(2);
        assertThat(run("verify-store", "--nope")).isEqualTo(2);
    }
}
