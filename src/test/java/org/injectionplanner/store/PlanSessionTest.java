package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanSessionTest {

    @TempDir
    Path root;

    private static SessionPlan draft() {
        return SessionPlan.newDraft(TestPlans.COURSE, 1, LocalDate.of(2026, 11, 26), "Dr A")
                .withImage(TestPlans.IMAGE);
    }

    private static Target target(SessionPlan plan, double x) {
        Target t = TestPlans.sample().targets().get(0);
        return new Target(UUID.randomUUID(), plan.nextTargetNumber(), "T" + plan.nextTargetNumber(), t.structureId(),
                t.side(), t.level(), t.image(), new PixelPoint(x, 100), null, "", t.calibration());
    }

    @Test
    void everyEditIsAutosavedAndSaveCommitsAndRemovesTheAutosave() throws Exception {
        PlanStore store = new PlanStore(root);
        SessionPlan plan = draft();
        Path autosave = root.resolve("courses/" + TestPlans.COURSE + "/autosave/" + plan.id() + ".json");
        try (PlanSession session = PlanSession.open(store, plan)) {
            assertThat(session.hasUnsavedChanges()).isTrue();
            assertThat(session.recoverable()).isEmpty();
            session.editor().apply(PlanEdits.addTarget(target(session.editor().plan(), 10)));
            session.flush();
            assertThat(store.recoverable(TestPlans.COURSE)).singleElement().extracting(Recovery::plan)
                    .isEqualTo(session.editor().plan());

            Revision saved = session.save("Dr A", "first plan");
            assertThat(saved.header().sequence()).isEqualTo(1);
            assertThat(saved.plan()).isEqualTo(session.editor().plan());
            assertThat(autosave).doesNotExist();
            assertThat(session.hasUnsavedChanges()).isFalse();

            session.editor().undo();
            session.flush();
            assertThat(session.hasUnsavedChanges()).isTrue();
            assertThat(store.recoverable(TestPlans.COURSE)).singleElement().extracting(Recovery::plan)
                    .isEqualTo(plan);
        }
        assertThat(autosave).as("unsaved work survives close").exists();
        assertThat(root.resolve("courses/" + TestPlans.COURSE + "/lock-owner.json")).doesNotExist();
    }

    @Test
    void aBurstOfEditsEndsWithTheNewestPlanOnDisk() throws Exception {
        PlanStore store = new PlanStore(root);
        try (PlanSession session = PlanSession.open(store, draft())) {
            for (int i = 0; i < 300; i++) {
                session.editor().apply(PlanEdits.addTarget(target(session.editor().plan(), i)));
            }
            session.flush();
            assertThat(store.recoverable(TestPlans.COURSE)).singleElement().extracting(Recovery::plan)
                    .isEqualTo(session.editor().plan());
        }
    }

    @Test
    void afterACrashTheUnsavedWorkIsOfferedAndRecovered() throws Exception {
        PlanStore store = new PlanStore(root);
        SessionPlan edited;
        try (PlanSession crashed = PlanSession.open(store, draft())) {
            crashed.save("Dr A", "");
            edited = crashed.editor().apply(PlanEdits.addTarget(target(crashed.editor().plan(), 42)));
            crashed.flush();
        }
        SessionPlan latest = store.latest(TestPlans.COURSE, edited.id()).orElseThrow().plan();
        try (PlanSession restarted = PlanSession.open(store, latest)) {
            assertThat(restarted.hasUnsavedChanges()).isFalse();
            List<Recovery> offered = restarted.recoverable();
            assertThat(offered).singleElement().satisfies(r -> {
                assertThat(r.plan()).isEqualTo(edited);
                assertThat(r.basedOnSequence()).isEqualTo(1);
                assertThat(r.latestSequence()).isEqualTo(1);
            });
            restarted.recover(offered.get(0));
            assertThat(restarted.editor().plan()).isEqualTo(edited);
            assertThat(restarted.hasUnsavedChanges()).isTrue();
            restarted.save("Dr A", "recovered");
            assertThat(restarted.recoverable()).isEmpty();
        }
        assertThat(store.history(TestPlans.COURSE)).extracting(r -> r.header().reason())
                .containsExactly("", "recovered");
    }

    @Test
    void aSecondSessionOnTheCourseIsRefusedAndFailuresAreReported() throws Exception {
        PlanStore store = new PlanStore(root);
        List<StoreException> failures = new CopyOnWriteArrayList<>();
        try (PlanSession session = PlanSession.open(store, draft())) {
            assertThatThrownBy(() -> PlanSession.open(store, draft())).isInstanceOf(StoreLockedException.class);
            session.onAutosaveFailure(failures::add);
            Path autosaves = root.resolve("courses/" + TestPlans.COURSE + "/autosave");
            Files.delete(autosaves);
            Files.writeString(autosaves, "not a folder");
            session.editor().apply(PlanEdits.addTarget(target(session.editor().plan(), 1)));
            assertThatThrownBy(session::flush).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("cannot autosave plan ");
            assertThat(failures).hasSize(1);
            assertThat(session.lastAutosaveFailure()).isPresent();
            Files.delete(autosaves);
            Files.createDirectory(autosaves);
            session.editor().undo();
            session.flush();
            assertThat(session.lastAutosaveFailure()).isEmpty();
        }
    }
}
