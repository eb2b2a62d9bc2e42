package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.Laterality;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.StructureKind;
import org.injectionplanner.planfile.PlanFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:15:30.123456Z"),
            ZoneId.of("Europe/Zurich"));

    @TempDir
    Path root;

    private PlanStore store() {
        return new PlanStore(root, CLOCK);
    }

    private static SessionPlan numbered(int k) {
        return TestPlans.numbered(TestPlans.COURSE, TestPlans.PLAN, k);
    }

    @Test
    void savesChainedImmutableRevisions() throws Exception {
        PlanStore store = store();
        try (OpenCourse course = store.open(TestPlans.COURSE)) {
            assertThat(course.takeoverNotice()).isEmpty();
            assertThat(course.newestSequence()).isZero();
            Revision first = course.save(numbered(1), "Dr A", "");
            Revision second = course.save(numbered(2), "Dr B", "moved T1");
            assertThat(first.file()).isEqualTo(root.resolve("courses/" + TestPlans.COURSE + "/revisions/000001-"
                    + TestPlans.PLAN + ".json"));
            assertThat(first.header().previousSha256()).isNull();
            assertThat(second.header().previousSha256()).isEqualTo(first.fileSha256());
            assertThat(second.header().savedAt()).isEqualTo(OffsetDateTime.of(2026, 11, 26, 9, 15, 30, 123_000_000,
                    ZoneOffset.ofHours(1)));
            assertThat(course.newestSequence()).isEqualTo(2);
        }
        String text = Files.readString(root.resolve("courses/" + TestPlans.COURSE + "/revisions/000002-"
                + TestPlans.PLAN + ".json"));
        assertThat(text).contains("\"savedAt\": \"2026-11-26T09:15:30.123+01:00\"", "\"author\": \"Dr B\"",
                "\"reason\": \"moved T1\"");
        List<Revision> history = store.history(TestPlans.COURSE);
        assertThat(history).extracting(r -> r.header().sequence()).containsExactly(1, 2);
        assertThat(history.get(1).plan()).isEqualTo(numbered(2));
        assertThat(store.latest(TestPlans.COURSE, TestPlans.PLAN).orElseThrow().plan()).isEqualTo(numbered(2));
        assertThat(store.latest(TestPlans.COURSE, UUID.randomUUID())).isEmpty();
        assertThat(store.load(history.get(0).file())).isEqualTo(history.get(0));
        assertThat(store.courses()).containsExactly(TestPlans.COURSE);
        assertThat(StoreVerifier.verify(root).problems()).isEmpty();
    }

    @Test
    void severalPlansOfACourseShareOneChain() throws Exception {
        PlanStore store = store();
        SessionPlan second = SessionPlan.newDraft(TestPlans.COURSE, 2, LocalDate.of(2026, 12, 10), "Dr A");
        try (OpenCourse course = store.open(TestPlans.COURSE)) {
            course.save(numbered(1), "Dr A", "");
            course.save(second, "Dr A", "");
            course.save(numbered(2), "Dr A", "");
        }
        assertThat(store.latest(TestPlans.COURSE, TestPlans.PLAN).orElseThrow().header().sequence()).isEqualTo(3);
        assertThat(store.latest(TestPlans.COURSE, second.id()).orElseThrow().plan()).isEqualTo(second);
        assertThat(StoreVerifier.verify(root).intact()).isTrue();
        try (OpenCourse reopened = store.open(TestPlans.COURSE)) {
            assertThat(reopened.newestSequence()).isEqualTo(3);
            assertThat(reopened.save(numbered(3), "Dr A", "").header().sequence()).isEqualTo(4);
        }
    }

    @Test
    void aSecondOpenInTheSameProcessIsRefusedUntilClosed() throws Exception {
        PlanStore store = store();
        OpenCourse first = store.open(TestPlans.COURSE);
        assertThatThrownBy(() -> new PlanStore(root).open(TestPlans.COURSE))
                .isInstanceOf(StoreLockedException.class)
                .hasMessage("course " + TestPlans.COURSE + " is already open in this program (since "
                        + "2026-11-26T09:15:30.123+01:00): close it there first");
        assertThat(Files.readString(first.folder().resolve("lock-owner.json")))
                .contains("\"pid\": " + ProcessHandle.current().pid());
        first.close();
        assertThat(first.folder().resolve("lock-owner.json")).doesNotExist();
        assertThatThrownBy(() -> first.save(numbered(1), "Dr A", "")).isInstanceOf(IllegalStateException.class);
        try (OpenCourse again = store.open(TestPlans.COURSE)) {
            assertThat(again.takeoverNotice()).isEmpty();
        }
    }

    @Test
    void aStaleLockOfADeadProcessIsTakenOverSayingWhose() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path courseDir = root.resolve("courses/" + TestPlans.COURSE);
        Files.createDirectories(courseDir);
        LockOwner stale = new LockOwner(LockOwner.current(OffsetDateTime.now()).host(), dead.pid(), "nurse",
                OffsetDateTime.parse("2026-11-25T17:00:00+01:00"));
        Files.write(courseDir.resolve("lock-owner.json"), stale.toJson());
        Files.writeString(courseDir.resolve("revisions.tmp"), "left by a crash");
        try (OpenCourse course = store().open(TestPlans.COURSE)) {
            assertThat(course.takeoverNotice()).hasValueSatisfying(notice -> assertThat(notice)
                    .contains("took over the lock of course " + TestPlans.COURSE, "process " + dead.pid(),
                            "user nurse", "since 2026-11-25T17:00:00+01:00", "no longer running"));
            assertThat(courseDir.resolve("revisions.tmp")).doesNotExist();
        }
    }

    @Test
    void aRevisionThatSlippedInIsAConflictAndNothingIsOverwritten() throws Exception {
        PlanStore store = store();
        Path elsewhere = root.resolve("elsewhere");
        PlanStore other = new PlanStore(elsewhere, CLOCK);
        try (OpenCourse course = store.open(TestPlans.COURSE)) {
            Revision mine = course.save(numbered(1), "Dr A", "");
            try (OpenCourse copy = other.open(TestPlans.COURSE)) {
                Files.createDirectories(copy.folder().resolve("revisions"));
                Files.copy(mine.file(), copy.folder().resolve("revisions").resolve(mine.file().getFileName()));
            }
            Revision theirs;
            try (OpenCourse copy = other.open(TestPlans.COURSE)) {
                theirs = copy.save(numbered(20), "Dr Other", "edited on another workstation");
            }
            Path slipped = mine.file().resolveSibling(theirs.file().getFileName());
            Files.copy(theirs.file(), slipped);
            byte[] before = Files.readAllBytes(slipped);
            assertThatThrownBy(() -> course.save(numbered(2), "Dr A", ""))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("course " + TestPlans.COURSE + " cannot be saved: it was changed elsewhere at "
                            + "2026-11-26T09:15:30.123+01:00 by Dr Other (revision 000002-" + TestPlans.PLAN
                            + ".json) since this session saw it; reopen the plan (nothing was saved)");
            assertThat(Files.readAllBytes(slipped)).isEqualTo(before);
            assertThat(store.history(TestPlans.COURSE)).hasSize(2);
        }
    }

    @Test
    void aModifiedNewestRevisionIsAConflictAndLoadingItIsRefused() throws Exception {
        PlanStore store = store();
        try (OpenCourse course = store.open(TestPlans.COURSE)) {
            Revision r = course.save(numbered(1), "Dr A", "");
            String text = Files.readString(r.file()).replace("rev 1", "rev 9");
            Files.writeString(r.file(), text);
            assertThatThrownBy(() -> course.save(numbered(2), "Dr A", "")).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("revision 000001-" + TestPlans.PLAN + ".json was modified");
            assertThatThrownBy(() -> store.load(r.file())).isInstanceOf(StoreException.class)
                    .hasMessageContaining("the plan was changed after it was saved");
        }
    }

    @Test
    void autosaveIsOfferedUntilSavedOrDiscarded() throws Exception {
        PlanStore store = store();
        try (OpenCourse course = store.open(TestPlans.COURSE)) {
            assertThat(course.recoverable()).isEmpty();
            course.autosave(numbered(1));
            Path autosave = course.folder().resolve("autosave/" + TestPlans.PLAN + ".json");
            assertThat(autosave).exists();
            assertThat(store.recoverable(TestPlans.COURSE)).singleElement().satisfies(r -> {
                assertThat(r.plan()).isEqualTo(numbered(1));
                assertThat(r.basedOnSequence()).isNull();
                assertThat(r.latestSequence()).isNull();
                assertThat(r.file()).isEqualTo(autosave);
            });
            course.save(numbered(1), "Dr A", "");
            assertThat(autosave).doesNotExist();
            course.autosave(numbered(1));
            assertThat(store.recoverable(TestPlans.COURSE)).as("same as the saved revision").isEmpty();
            course.autosave(numbered(2));
            assertThat(store.recoverable(TestPlans.COURSE)).singleElement().satisfies(r -> {
                assertThat(r.basedOnSequence()).isEqualTo(1);
                assertThat(r.latestSequence()).isEqualTo(1);
            });
            course.discardAutosave(TestPlans.PLAN);
            assertThat(store.recoverable(TestPlans.COURSE)).isEmpty();
        }
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void settingsDefaultUntilSavedThenRoundTrip() throws Exception {
        PlanStore store = store();
        assertThat(store.settings()).isEqualTo(ClinicSettings.defaults());
        ClinicSettings custom = ClinicSettings.defaults().withDefaultMarginMm(3)
                .withCatalogue(ClinicSettings.defaults().catalogue().with(new Structure("glut-max", "Gluteus maximus",
                        StructureKind.TENDON, null, null, Laterality.PAIRED, false, List.of(), true)));
        store.saveSettings(custom);
        assertThat(new PlanStore(root).settings()).isEqualTo(custom);
        assertThat(root.resolve("clinic-settings.json")).exists();
        Files.writeString(root.resolve("clinic-settings.json"), "{\"format\": \"injection-planner/clinic-settings\"}",
                StandardCharsets.UTF_8);
        assertThatThrownBy(store::settings).isInstanceOf(StoreException.class)
                .hasCauseInstanceOf(PlanFormatException.class)
                .hasMessage(root.resolve("clinic-settings.json") + ": /formatVersion: missing");
    }

    @Test
    void refusesPlansOfOtherCoursesAndBlankAuthors() throws Exception {
        try (OpenCourse course = store().open(TestPlans.COURSE)) {
            SessionPlan foreign = TestPlans.numbered(UUID.randomUUID(), TestPlans.PLAN, 1);
            assertThatThrownBy(() -> course.save(foreign, "Dr A", "")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> course.autosave(foreign)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> course.save(numbered(1), " ", "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a revision needs an author");
            assertThat(course.newestSequence()).isZero();
        }
        try (Stream<Path> files = Files.list(root.resolve("courses/" + TestPlans.COURSE + "/revisions"))) {
            assertThat(files).isEmpty();
        }
    }
}
