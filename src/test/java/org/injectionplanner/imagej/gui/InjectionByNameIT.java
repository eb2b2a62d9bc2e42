package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.injectionplanner.imagej.gui.GuiSession.BatchResult;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.Decimals;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Solution;
import org.injectionplanner.plan.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command whose macro names an injection takes the values it does not set from that injection, not from
 * the selected one; in the GUI, the Edit Injection dialog shows the injection typed in its name field
 * (issue 14 item 7).
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class InjectionByNameIT {

    @TempDir
    Path dir;

    private String twoTargets(Path store) {
        return GuiSession.openStudy(store, 1) + """
                run("Add Injection Target...", "x=400 y=300 frame=1 structure=supraspinous side=midline level=L4/L5 label=[first]");
                run("Add Injection Target...", "x=330 y=330 frame=1 structure=facet-capsule side=right level=L4/L5 label=[second]");
                run("Edit Injection...", "injection=T2 preset=[(fields below)] approach=in-plane needle=[27G 50mm] dextrose=25 anaesthetic=lidocaine concentration=1 volume=2.5");
                """;
    }

    private static Injection injectionOf(SessionPlan plan, String label) {
        Target t = plan.targets().stream().filter(x -> x.label().equals(label)).findFirst().orElseThrow();
        return plan.injectionAt(t.id()).orElseThrow();
    }

    @Test
    void editingAnInjectionByNameKeepsItsOwnValuesWhereTheMacroSetsNone() throws Exception {
        Path store = dir.resolve("store");
        BatchResult r = GuiSession.runBatch(twoTargets(store) + """
                run("Edit Injection...", "injection=T1 approach=out-of-plane");
                run("Save Session Plan");
                """);
        assertThat(r.exitStatus()).as(r.output()).isZero();
        SessionPlan plan = GuiSession.newestRevision(store).plan();
        Injection first = injectionOf(plan, "first");
        Injection second = injectionOf(plan, "second");
        assertThat(first.approach()).isEqualTo(Approach.OUT_OF_PLANE);
        assertThat(second.needle().toText()).isEqualTo("27G 50mm");
        assertThat(first.needle()).isNotEqualTo(second.needle());
        assertThat(first.volumeMl()).isNotEqualTo(second.volumeMl());
        assertThat(first.solution()).isNotEqualTo(second.solution());
    }

    /**
     * T1 selected in the Plan Panel, Edit Injection... opened from its button: the dialog shows T1; typing
     * T2 in the name field makes every other field show T2's values.
     */
    @Test
    void theDialogShowsTheInjectionTypedInItsNameField() throws Exception {
        Path store = dir.resolve("store");
        GuiSession.Result r = GuiSession.run(twoTargets(store) + """
                run("Save Session Plan");
                U = "org.injectionplanner.imagej.gui.UserInput.";
                run("Plan Panel");
                call(U + "pickRow", "Plan Panel", "0");
                call(U + "push", "Plan Panel", "Injection...");
                before = call(U + "awaitField", "Edit Injection", "0", "T1");
                call(U + "type", "Edit Injection", "0", "T2");
                after = call(U + "awaitField", "Edit Injection", "3", "27G 50mm");
                call(U + "answer", "Edit Injection", "");
                File.saveString(before + "\\n" + after + "\\n", getArgument());
                """, null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        SessionPlan plan = GuiSession.newestRevision(store).plan();
        assertThat(r.output().lines()).containsExactly(dialogFields("T1", injectionOf(plan, "first")),
                dialogFields("T2", injectionOf(plan, "second")));
        assertThat(injectionOf(plan, "first").needle()).isNotEqualTo(injectionOf(plan, "second").needle());
    }

    /** What the Edit Injection dialog's fields show for {@code injection}, "|"-separated, as the dialog fills them. */
    private static String dialogFields(String name, Injection injection) {
        Solution s = injection.solution();
        return String.join("|", name, "(fields below)", injection.approach().label(), injection.needle().toText(),
                s.dextrosePercent() == null ? "" : Decimals.text(s.dextrosePercent(), 6),
                s.anaesthetic() == null ? "" : s.anaesthetic(),
                s.anaestheticPercent() == null ? "" : Decimals.text(s.anaestheticPercent(), 6),
                String.format(Locale.ROOT, "%.2f", injection.volumeMl()));
    }

    @Test
    void movingAnInjectionByNameWithoutAPositionKeepsItWhereItIs() throws Exception {
        Path store = dir.resolve("store");
        BatchResult r = GuiSession.runBatch(twoTargets(store) + """
                run("Move Injection...", "injection=T1");
                run("Save Session Plan");
                """);
        assertThat(r.exitStatus()).as(r.output()).isZero();
        SessionPlan plan = GuiSession.newestRevision(store).plan();
        assertThat(plan.positionOf(injectionOf(plan, "first").id())).isEqualTo(1);
        assertThat(plan.positionOf(injectionOf(plan, "second").id())).isEqualTo(2);
    }

    @Test
    void anInjectionNameThePlanDoesNotHoldIsAnError() throws Exception {
        BatchResult r = GuiSession.runBatch(twoTargets(dir.resolve("store")) + """
                run("Edit Injection...", "injection=T9 approach=out-of-plane");
                """);
        assertThat(r.exitStatus()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("Injection Planner: error: ").contains("T9");
    }
}
