package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.injectionplanner.store.VerifyReport.Problem;
import org.injectionplanner.store.VerifyReport.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreVerifierTest {

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    private final List<Path> files = new ArrayList<>();

    @BeforeEach
    void fiveRevisions() throws Exception {
        try (OpenCourse course = new PlanStore(root).open(TestPlans.COURSE)) {
            for (int k = 1; k <= 5; k++) {
                files.add(course.save(TestPlans.numbered(TestPlans.COURSE, TestPlans.PLAN, k), "Dr A", "k=" + k)
                        .file());
            }
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    @Test
    void anIntactStoreHasNoProblems() throws Exception {
        VerifyReport report = StoreVerifier.verify(root);
        assertThat(report.intact()).isTrue();
        assertThat(report.problems()).isEmpty();
        assertThat(report.courses()).isEqualTo(1);
        assertThat(report.revisions()).isEqualTo(5);
    }

    @Test
    void aModifiedPlanBreaksItsContentHash() throws Exception {
        Files.writeString(files.get(4), Files.readString(files.get(4)).replace("\"rev 5\"", "\"rev 6\""));
        VerifyReport report = StoreVerifier.verify(root);
        assertThat(report.breaks()).extracting(Problem::file).containsExactly(files.get(4),
                files.get(4).getParent().resolveSibling("head.json"));
        assertThat(report.breaks().get(0).message()).startsWith("the plan was changed after it was saved");
        assertThat(report.breaks().get(1).message()).startsWith("names revision " + name(files.get(4))
                + " as the newest, which was changed after it was saved");
    }

    @Test
    void aModifiedHeaderBreaksTheSuccessorsPredecessorHash() throws Exception {
        Files.writeString(files.get(1), Files.readString(files.get(1)).replace("\"Dr A\"", "\"Dr X\""));
        VerifyReport report = StoreVerifier.verify(root);
        assertThat(report.breaks()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(files.get(2));
            assertThat(p.message()).startsWith("the predecessor hash does not match " + name(files.get(1)));
        });
    }

    @Test
    void aDeletedMiddleRevisionIsAGap() throws Exception {
        Files.delete(files.get(2));
        VerifyReport report = StoreVerifier.verify(root);
        assertThat(report.breaks()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(files.get(3));
            assertThat(p.message()).isEqualTo("revision 3 is missing before this one");
        });
        Files.delete(files.get(3));
        assertThat(StoreVerifier.verify(root).breaks()).extracting(Problem::message)
                .containsExactly("revisions 3 to 4 are missing before this one");
    }

    @Test
    void aBrokenPredecessorHashIsReportedWithBothFiles() throws Exception {
        String text = Files.readString(files.get(3));
        String hash = text.replaceAll("(?s).*\"previousSha256\": \"([0-9a-f]{64})\".*", "$1");
        Files.writeString(files.get(3), text.replace(hash, "0".repeat(64)));
        VerifyReport report = StoreVerifier.verify(root);
        assertThat(report.breaks()).extracting(Problem::file).containsExactly(files.get(3), files.get(4));
        assertThat(report.breaks().get(0).message()).contains("the predecessor hash does not match "
                + name(files.get(2)), "this header says " + "0".repeat(64));
        assertThat(report.breaks().get(1).message()).startsWith("the predecessor hash does not match "
                + name(files.get(3)));
    }

    @Test
    void unreadableRenamedAndDoubledRevisionsAreBreaks() throws Exception {
        Files.writeString(files.get(0), "{ not json");
        Path renamed = files.get(4).resolveSibling("000006-" + TestPlans.PLAN + ".json");
        Files.move(files.get(4), renamed);
        Files.copy(files.get(2), files.get(2).resolveSibling("000003-" + TestPlans.COURSE + ".json"));
        VerifyReport report = StoreVerifier.verify(root);
        assertThat(report.breaks()).extracting(p -> name(p.file()) + " " + p.message().replaceAll(" \\(.*", ""))
                .containsExactly(
                        name(files.get(0)) + " not valid JSON",
                        name(files.get(1)) + " the predecessor hash does not match " + name(files.get(0)),
                        "000003-" + TestPlans.COURSE + ".json a second revision numbered 3",
                        name(renamed) + " revision 5 is missing before this one",
                        name(renamed) + " the header says revision 5 of plan " + TestPlans.PLAN
                                + ", the file name says otherwise: the file was renamed",
                        "head.json names revision " + name(files.get(4)) + " as the newest, which is missing");
    }

    @Test
    void oldTemporaryFilesAndStrayFilesAreWarningsNotBreaks() throws Exception {
        Path revisions = files.get(0).getParent();
        Path old = Files.writeString(revisions.resolve(name(files.get(4)) + ".1234.tmp"), "half");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.writeString(revisions.resolve(name(files.get(4)) + ".5678.tmp"), "in progress");
        Files.writeString(revisions.resolve("notes.txt"), "?");
        VerifyReport report = StoreVerifier.verify(root);
        assertThat(report.intact()).isTrue();
        assertThat(report.warnings()).extracting(Problem::file).containsExactlyInAnyOrder(old,
                revisions.resolve("notes.txt"));
        assertThat(report.warnings()).allMatch(p -> p.severity() == Severity.WARNING);
    }

    @Test
    void brokenSettingsAreABreakAndAMissingFolderAnError() throws Exception {
        Files.writeString(root.resolve("clinic-settings.json"), "[]");
        assertThat(StoreVerifier.verify(root).breaks()).extracting(Problem::message)
                .containsExactly("expected an object, found an array");
        assertThatThrownBy(() -> StoreVerifier.verify(root.resolve("nope"))).isInstanceOf(StoreException.class)
                .hasMessageEndingWith("nope is not a folder; give the plan store's folder");
    }

    @Test
    void aDeletedNewestRevisionIsABreakAndTheCourseIsNotOpened() throws Exception {
        Files.delete(files.get(4));
        VerifyReport report = StoreVerifier.verify(root);
        assertThat(report.breaks()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(files.get(4).getParent().resolveSibling("head.json"));
            assertThat(p.message()).isEqualTo("names revision " + name(files.get(4)) + " as the newest, which is "
                    + "missing (the newest revision was deleted or renamed)");
        });
        assertThatThrownBy(() -> new PlanStore(root).open(TestPlans.COURSE).close())
                .isInstanceOf(StoreException.class).hasMessageContaining("names revision " + name(files.get(4))
                        + ", which is missing (the newest revision was deleted or renamed); run verify-store");
        assertThat(files.get(4)).doesNotExist();
    }

    @Test
    void aRenamedNewestRevisionIsABreak() throws Exception {
        Files.move(files.get(4), files.get(4).resolveSibling(name(files.get(4)) + ".bak"));
        assertThat(StoreVerifier.verify(root).breaks()).extracting(Problem::message)
                .containsExactly("names revision " + name(files.get(4)) + " as the newest, which is missing (the "
                        + "newest revision was deleted or renamed)");
    }

    @Test
    void anEditOfOnlyTheNewestHeaderIsABreak() throws Exception {
        Files.writeString(files.get(4), Files.readString(files.get(4)).replace("\"Dr A\"", "\"Dr X\""));
        assertThat(StoreVerifier.verify(root).breaks()).singleElement().extracting(Problem::message).asString()
                .startsWith("names revision " + name(files.get(4)) + " as the newest, which was changed after it "
                        + "was saved");
    }

    @Test
    void aMissingOrLaggingHeadRecordIsAWarningAndOpeningTheCourseRepairsIt() throws Exception {
        Path head = files.get(0).getParent().resolveSibling("head.json");
        Files.delete(head);
        assertThat(StoreVerifier.verify(root).problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).startsWith("no head record (head.json)");
        });
        new PlanStore(root).open(TestPlans.COURSE).close();
        assertThat(StoreVerifier.verify(root).problems()).isEmpty();

        String fifth = Files.readString(head);
        try (OpenCourse course = new PlanStore(root).open(TestPlans.COURSE)) {
            course.save(TestPlans.numbered(TestPlans.COURSE, TestPlans.PLAN, 6), "Dr A", "");
            Files.writeString(head, fifth);
            assertThat(StoreVerifier.verify(root).problems()).as("a save interrupted before its head record")
                    .isEmpty();
            course.save(TestPlans.numbered(TestPlans.COURSE, TestPlans.PLAN, 7), "Dr A", "");
        }
        Files.writeString(head, fifth);
        assertThat(StoreVerifier.verify(root).problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).startsWith("names revision " + name(files.get(4)) + " as the newest, but "
                    + "revisions up to 7 exist");
        });
        try (OpenCourse course = new PlanStore(root).open(TestPlans.COURSE)) {
            assertThat(course.newestSequence()).isEqualTo(7);
        }
        assertThat(StoreVerifier.verify(root).problems()).isEmpty();
    }

    @Test
    void aStoreRolledBackToAnOlderBackupIsNoticedByTheWorkstation() throws Exception {
        SeenSequences seen = new SeenSequences(elsewhere.resolve("home").resolve("seen.json"));
        PlanStore store = new PlanStore(root, Clock.systemDefaultZone(), seen);
        Path backup = elsewhere.resolve("backup");
        copyTree(root, backup);
        try (OpenCourse course = store.open(TestPlans.COURSE)) {
            assertThat(course.rollbackNotice()).isEmpty();
            course.save(TestPlans.numbered(TestPlans.COURSE, TestPlans.PLAN, 6), "Dr A", "");
        }
        assertThat(seen.seen(root, TestPlans.COURSE)).isEqualTo(6);
        deleteTree(root);
        copyTree(backup, root);

        assertThat(StoreVerifier.verify(root, seen).problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).startsWith("course " + TestPlans.COURSE + " shows revisions up to 5, but this "
                    + "workstation has seen revision 6");
        });
        try (OpenCourse course = store.open(TestPlans.COURSE)) {
            assertThat(course.rollbackNotice()).hasValueSatisfying(n -> assertThat(n).contains("rolled back"));
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
