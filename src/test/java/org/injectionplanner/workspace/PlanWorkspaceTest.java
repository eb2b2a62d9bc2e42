package org.injectionplanner.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.injectionplanner.plan.PlanFixtures.polygon;
import static org.injectionplanner.plan.PlanFixtures.region;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.PlanEditor;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.store.Forgeries;
import org.injectionplanner.store.PlanSession;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Recovery;
import org.injectionplanner.store.SignerKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan workspace without ImageJ: current and read-only plans, selection, settings and listeners. */
class PlanWorkspaceTest {

    private static final MeasuredCalibration CAL = region(0, 0.1, 0.1);

    @TempDir
    Path root;

    private final List<PlanWorkspace.Change> changes = new CopyOnWriteArrayList<>();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final AtomicReference<Path> storeRoot = new AtomicReference<>();
    private PlanWorkspace workspace;

    @BeforeEach
    void open() {
        storeRoot.set(root.resolve("store"));
        workspace = new PlanWorkspace(storeRoot::get, notices::add);
        workspace.addListener(changes::add);
    }

    /** Session 2 of the fixture course: T1 and zone Z1. */
    private static SessionPlan current() {
        return PlanFixtures.draft().withTarget(PlanFixtures.target(1, 100, 200, CAL))
                .withZone(PlanFixtures.zone(1, polygon(10, 10, 60, 10, 35, 40), 5, CAL));
    }

    /** A session 1 of the same course with its own target, shown for follow-up review. */
    private static SessionPlan previous() {
        Target t = PlanFixtures.target(1, 300, 250, CAL);
        return SessionPlan.newDraft(PlanFixtures.COURSE, 1, PlanFixtures.DATE.minusWeeks(3), "Dr A", List.of())
                .withImage(PlanFixtures.IMAGE).withTarget(new Target(UUID.randomUUID(), 1, "T1", t.structureId(),
                        t.side(), t.level(), t.image(), t.point(), t.depthMm(), "", CAL));
    }

    @Test
    void holdsOneCurrentPlanAndAnyNumberOfReadOnlyPlans() throws Exception {
        assertThat(workspace.session()).isNull();
        assertThat(workspace.snapshot().current()).isNull();
        assertThatThrownBy(workspace::editor).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No session plan is open");

        SessionPlan plan = current();
        PlanSession session = workspace.start(plan);
        assertThat(workspace.currentPlan()).isEqualTo(plan);
        assertThat(workspace.editor()).isSameAs(session.editor());
        assertThat(changes).containsExactly(PlanWorkspace.Change.CURRENT_PLAN);

        SessionPlan first = previous();
        SessionPlan other = previous();
        workspace.showReadOnly(first);
        workspace.showReadOnly(other);
        assertThat(workspace.readOnlyPlans()).containsExactly(first, other);
        assertThat(workspace.snapshot().readOnly()).containsExactly(first, other);
        assertThat(workspace.snapshot().current()).isEqualTo(plan);
        assertThat(workspace.removeReadOnly(other.id())).isTrue();
        assertThat(workspace.removeReadOnly(other.id())).isFalse();
        assertThat(workspace.readOnlyPlans()).containsExactly(first);
        assertThat(changes).containsExactly(PlanWorkspace.Change.CURRENT_PLAN, PlanWorkspace.Change.READ_ONLY_PLANS,
                PlanWorkspace.Change.READ_ONLY_PLANS, PlanWorkspace.Change.READ_ONLY_PLANS);

        assertThatThrownBy(() -> workspace.showReadOnly(workspace.currentPlan()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is the current plan");

        // opening the shown plan as the current one takes it off the read-only plans
        workspace.start(first);
        assertThat(workspace.readOnlyPlans()).isEmpty();
        assertThat(workspace.currentPlan()).isEqualTo(first);
        assertThat(session.editor().plan()).isEqualTo(plan);
        workspace.close();
        assertThat(workspace.session()).isNull();
        assertThat(notices).isEmpty();
    }

    @Test
    void readOnlyPlansRefuseEdits() throws Exception {
        workspace.start(current());
        SessionPlan shown = previous();
        workspace.showReadOnly(shown);
        assertThat(workspace.editorOf(workspace.currentPlan().id())).isSameAs(workspace.editor());
        assertThatThrownBy(() -> workspace.editorOf(shown.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("session 1 of " + shown.date() + " is shown read-only");
        assertThatThrownBy(() -> workspace.editorOf(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not open in the workspace");
        assertThat(workspace.readOnlyPlans()).containsExactly(shown);
        workspace.close();
    }

    @Test
    void editsOfTheCurrentPlanAreHeardAndAutosavedAndSurviveClosing() throws Exception {
        SessionPlan plan = current();
        workspace.start(plan);
        PlanEditor editor = workspace.editor();
        Target t1 = plan.targets().get(0);
        editor.apply(PlanEdits.moveTarget(t1.id(), new PixelPoint(120, 220), CAL));
        assertThat(changes).containsExactly(PlanWorkspace.Change.CURRENT_PLAN, PlanWorkspace.Change.PLAN_EDITED);
        SessionPlan edited = workspace.currentPlan();
        assertThat(edited.target(t1.id()).orElseThrow().depthMm()).isEqualTo(22.0);

        workspace.close();
        assertThat(changes).endsWith(PlanWorkspace.Change.CURRENT_PLAN);
        editor.undo();
        assertThat(changes).as("the closed plan's editor is no longer heard").hasSize(3);
        List<Recovery> unsaved = workspace.recoverable();
        assertThat(unsaved).singleElement().extracting(Recovery::plan).isEqualTo(edited);
        assertThat(PlanWorkspace.describe(unsaved.get(0))).contains("session 2 of 2026-11-26, 1 targets, 1 zones");

        workspace.recover(unsaved.get(0));
        assertThat(workspace.currentPlan()).isEqualTo(edited);
        workspace.close();
    }

    @Test
    void selectsAnnotationsOfTheCurrentOrAReadOnlyPlan() throws Exception {
        SessionPlan plan = current();
        workspace.start(plan);
        SessionPlan shown = previous();
        workspace.showReadOnly(shown);
        changes.clear();

        UUID t1 = plan.targets().get(0).id();
        workspace.select(t1);
        assertThat(workspace.selected()).isEqualTo(t1);
        assertThat(workspace.snapshot().selected()).isEqualTo(t1);
        assertThat(workspace.selection()).contains(new PlanWorkspace.Selection(plan.id(), t1));

        UUID earlier = shown.targets().get(0).id();
        workspace.select(shown.id(), earlier);
        assertThat(workspace.selected()).as("nothing of the current plan is selected").isNull();
        assertThat(workspace.selection()).contains(new PlanWorkspace.Selection(shown.id(), earlier));

        assertThatThrownBy(() -> workspace.select(earlier)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session 2 has no target or zone " + earlier);
        assertThatThrownBy(() -> workspace.select(UUID.randomUUID(), earlier))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not open in the workspace");
        assertThat(workspace.selection()).as("a refused selection changes nothing")
                .contains(new PlanWorkspace.Selection(shown.id(), earlier));

        workspace.removeReadOnly(shown.id());
        assertThat(workspace.selection()).isEmpty();
        workspace.select(plan.zones().get(0).id());
        workspace.select(null);
        assertThat(workspace.selection()).isEmpty();
        assertThat(changes).containsExactly(PlanWorkspace.Change.SELECTION, PlanWorkspace.Change.SELECTION,
                PlanWorkspace.Change.READ_ONLY_PLANS, PlanWorkspace.Change.SELECTION, PlanWorkspace.Change.SELECTION,
                PlanWorkspace.Change.SELECTION);

        workspace.select(t1);
        workspace.start(previous());
        assertThat(workspace.selection()).as("a new current plan starts unselected").isEmpty();
        workspace.close();
    }

    @Test
    void theCurrentPlanIsCheckedAgainWhenItOrTheSettingsChange() throws Exception {
        workspace.start(current());
        SafetyReport before = workspace.report();
        assertThat(workspace.report()).isSameAs(before);
        ClinicSettings stricter = workspace.settings().withDefaultMarginMm(7.5);
        workspace.saveSettings(stricter);
        assertThat(changes).endsWith(PlanWorkspace.Change.SETTINGS);
        assertThat(workspace.settings()).isEqualTo(stricter);
        assertThat(new PlanStore(storeRoot.get()).settings()).isEqualTo(stricter);
        assertThat(workspace.report()).isNotSameAs(before);
        SafetyReport afterSettings = workspace.report();
        workspace.editor().apply(PlanEdits.patientWeight(70.0));
        assertThat(workspace.report()).isNotSameAs(afterSettings);
        assertThat(workspace.reportOf(previous())).isNotNull();
        workspace.close();
        assertThatThrownBy(workspace::report).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withNoPlanOpenAnEditStartsADraftOfANewCourseWithTheClinicsChecklist() throws Exception {
        ClinicSettings settings = ClinicSettings.defaults()
                .withChecklist(List.of(new ChecklistItem("consent", "Consent signed?")));
        workspace.saveSettings(settings);
        PlanEditor editor = workspace.editorOrNewDraft("Dr B");
        SessionPlan draft = editor.plan();
        assertThat(draft.sessionNumber()).isEqualTo(1);
        assertThat(draft.courseId()).isNotEqualTo(PlanFixtures.COURSE);
        assertThat(draft.checklist()).extracting(e -> e.item().id()).containsExactly("consent");
        assertThat(workspace.editorOrNewDraft("Dr C")).isSameAs(editor);
        workspace.close();
    }

    @Test
    void followsTheStoreFolderAndSaysWhenItsSettingsCannotBeRead() throws Exception {
        PlanStore first = workspace.store();
        assertThat(first.root()).isEqualTo(root.resolve("store"));
        assertThat(workspace.store()).isSameAs(first);
        Path broken = root.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("clinic-settings.json"), "{ not json");
        storeRoot.set(broken);
        assertThat(workspace.store().root()).isEqualTo(broken);
        assertThat(workspace.settings()).isEqualTo(ClinicSettings.defaults());
        assertThat(notices).singleElement().asString().startsWith("clinic settings cannot be read, defaults used: ");
    }

    /**
     * A plan signed while the keyring was locked, opened after a forger relocked the keyring with an
     * administrator key of their own (docs/plan-format.md §2.2): this workstation remembers the genuine
     * administrator key, so the signature shows as not valid, with the reason.
     */
    @Test
    void aSignatureOpensAsNotValidOnceTheLockedKeyringWasRewrittenInTheStoresFolder() throws Exception {
        PlanStore store = workspace.store();
        Target t = PlanFixtures.target(1, 600, 300, CAL);
        SessionPlan plan = PlanFixtures.answeredYes(PlanFixtures.draft(List.of(new ChecklistItem("consent",
                "Consent signed")))).withPatientWeightKg(70.0).withTarget(t)
                .withInjection(PlanFixtures.injection(t, PlanFixtures.path(600, 0, CAL)));
        SessionPlan signed;
        try (PlanSession session = PlanSession.open(store, plan)) {
            signed = session.finalizePlan("Dr A", PlanFixtures.AT).plan();
        }
        store.lockKeyring(SignerKeys.workstation().admin());
        assertThat(workspace.signatureStatus(signed)).isEqualTo(SignatureStatus.VALID);

        Forgeries.relockWithForgersAdministrator(storeRoot.get(), store.keyring());
        SignatureStatus reopened = new PlanWorkspace(storeRoot::get, notices::add).signatureStatus(signed);
        assertThat(reopened.state()).isEqualTo(SignatureStatus.State.INVALID);
        assertThat(reopened.problems()).singleElement().asString().startsWith("it cannot be verified: ")
                .contains("the keyring was rewritten in the store's folder");
    }
}
