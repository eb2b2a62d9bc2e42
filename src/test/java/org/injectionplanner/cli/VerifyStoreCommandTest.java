package org.injectionplanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
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

    @Test
    void exitsTwoOnErrors() {
        assertThat(run("verify-store", root.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: " + root.resolve("missing")
                + " is not a folder");
        assertThat(run("verify-store", "a", "b")).isEqualTo(2);
        assertThat(run("verify-store", "--nope")).isEqualTo(2);
    }
}
