package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.injectionplanner.imagej.gui.GuiSession.BatchResult;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.PlanStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spinal depth check in a real ImageJ, on the transverse L4–L5 sample (0.09 mm a pixel, the skin line at
 * row 22): a midline target 35 mm deep without a marked dura line is a violation that keeps the plan from
 * being signed; marking the line at 30 mm turns it into "deeper than the marked no-go line"; with the target
 * moved above the line the plan signs. The refusals are seen where a user meets them: Finalize Session
 * Plan... run on the saved plan in {@code ImageJ -batch}, which ends with the refusal on its output and
 * status 1 (in ImageJ's window the same message is an error dialog).
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class SpinalDepthIT {

    private static final String ALL_YES = "indication=yes no-infection=yes no-local-contraindication=yes "
            + "anticoagulants=yes nsaids-paused=yes no-allergy=yes pregnancy=n/a diabetes=yes prosthesis=n/a "
            + "weight=yes consent=yes site-marking=yes time-out=yes";

    /** Saves the plan and writes the Plan Panel's rows and, under them, its findings area to the output. */
    private static final String SAVE_AND_SHOW = """
            run("Save Session Plan");
            run("Plan Panel");
            File.saveString(call("org.injectionplanner.imagej.gui.UserInput.rows", "Plan Panel")
                    + call("org.injectionplanner.imagej.gui.UserInput.wrappedText", "Plan Panel"), getArgument());
            """;

    /** The sign-off refusal of session 1 for its one open violation, as Finalize Session Plan... reports it. */
    private static final String REFUSED = "Injection Planner: error: session 1 cannot be signed:\n"
            + "- violation without a written override reason: Injection 1, T1 \"L4/5 interspinous\" "
            + "(Supraspinous ligament): ";

    @TempDir
    Path dir;

    /**
     * Runs Finalize Session Plan... on the newest saved plan in {@code ImageJ -batch}; it must be refused
     * (status 1, the rest of the macro not run) and leave the plan a draft.
     *
     * @return what the run printed
     */
    private static String finalizeRefused(Path store) throws Exception {
        BatchResult r = GuiSession.runBatch(GuiSession.openLatestPlan(store, 1) + """
                run("Finalize Session Plan...", "signer=[Dr Test]");
                print("went on after Finalize");
                """);
        assertThat(r.exitStatus()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).doesNotContain("went on after Finalize");
        assertThat(GuiSession.newestRevision(store).plan().status()).isEqualTo(PlanStatus.DRAFT);
        return r.output();
    }

    @Test
    void aDeepMidlineTargetNeedsTheMarkedLineAndMustLieAboveIt() throws Exception {
        Path store = dir.resolve("store");
        // T1 at row 411: (411 − 22) × 0.09 = 35.01 mm deep; no path, so only the target is judged
        String first = GuiSession.openStudy(store, 1) + """
                run("Add Injection Target...", "x=400 y=411 frame=1 structure=supraspinous side=midline level=L4/L5 label=[L4/5 interspinous]");
                run("Pre-procedure Checklist...", "weight_kg=70 %s");
                """.formatted(ALL_YES) + SAVE_AND_SHOW;
        GuiSession.Result noLine = GuiSession.run(first, null, null);
        assertThat(noLine.log()).doesNotContain("Injection Planner:");
        assertThat(noLine.output()).contains("VIOLATION: Injection 1, T1 \"L4/5 interspinous\" (Supraspinous "
                + "ligament): midline target 35.1 mm deep, deeper than the clinic's 20 mm shallow default, and no dura "
                + "or ligamentum flavum line is marked: cannot be certified clear of the spinal canal")
                .contains("Not signed: 1 open violation(s), 0 unanswered question(s)");
        assertThat(finalizeRefused(store)).contains(REFUSED + "midline target 35.1 mm deep, deeper than the "
                + "clinic's 20 mm shallow default, and no dura or ligamentum flavum line is marked");

        // the dura line: an ellipse whose top is row 356, (356 − 22) × 0.09 = 30.06 mm deep, margin 0
        String second = GuiSession.openLatestPlan(store, 1) + """
                run("Add Nerve Zone...", "ellipse=400,370,150,14 frame=1 kind=dura name=[dura] margin=0");
                """ + SAVE_AND_SHOW;
        GuiSession.Result withLine = GuiSession.run(second, null, null);
        assertThat(withLine.log()).doesNotContain("Injection Planner:");
        assertThat(withLine.output()).contains("midline target 35.1 mm deep, deeper than the marked no-go line "
                + "(30.0 mm: zone Z1 \"dura\"")
                .contains("Not signed: 1 open violation(s), 0 unanswered question(s)")
                .doesNotContain("shallow default");
        assertThat(finalizeRefused(store)).contains(REFUSED + "midline target 35.1 mm deep, deeper than the "
                + "marked no-go line (30.0 mm: zone Z1 \"dura\"").doesNotContain("shallow default");

        // T1 moved up to row 300: 25.02 mm deep, above the line; the plan signs
        String third = GuiSession.openLatestPlan(store, 1) + """
                run("Edit Plan Annotation...", "annotation=T1 structure=supraspinous side=midline level=L4/L5 label=[L4/5 interspinous] notes=[] x=400 y=300");
                run("Finalize Session Plan...", "signer=[Dr Test]");
                """ + SAVE_AND_SHOW;
        GuiSession.Result signed = GuiSession.run(third, null, null);
        assertThat(signed.log()).doesNotContain("Injection Planner:");
        assertThat(signed.output()).doesNotContain("midline-depth").doesNotContain("VIOLATION");
        SessionPlan plan = GuiSession.newestRevision(store).plan();
        assertThat(plan.status()).isEqualTo(PlanStatus.SIGNED);
        assertThat(plan.targets().get(0).depthMm()).isCloseTo(25.02, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(new PlanStore(store).courses()).hasSize(1);
    }
}
