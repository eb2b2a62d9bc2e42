package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.injectionplanner.plan.ChecklistAnswer;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.SessionPlan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-procedure checklist answered "all as usual" in its dialog with one deviation typed by hand: every other
 * question yes, the weight once, and the "no" with its note flagged in the Plan Panel's session map.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class ChecklistAsUsualIT {

    @TempDir
    Path dir;

    @Test
    void allAsUsualAnswersTheRestYesAndTheDeviationStandsOut() throws Exception {
        String scenario = GuiSession.openStudy(dir.resolve("store"), 1) + """
                run("Add Injection Target...", "x=300 y=200 frame=1 structure=facet-capsule side=left level=L4/L5 label=[L facet]");
                run("Plan Panel");
                U = "org.injectionplanner.imagej.gui.UserInput.";
                doCommand("Pre-procedure Checklist...");
                title = "Pre-procedure Checklist: session 1";
                call(U + "tick", title, "all as usual");
                call(U + "answer", title, "70|||||||||no|NSAID taken yesterday");
                run("Save Session Plan");
                File.saveString(call(U + "rows", "Plan Panel"), getArgument());
                """;
        GuiSession.Result r = GuiSession.run(scenario, null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        SessionPlan plan = GuiSession.newestRevision(dir.resolve("store")).plan();
        assertThat(plan.patientWeightKg()).isEqualTo(70.0);
        assertThat(plan.unansweredChecklist()).isEmpty();
        ChecklistEntry nsaids = plan.checklist().stream().filter(e -> e.item().id().equals("nsaids-paused"))
                .findFirst().orElseThrow();
        assertThat(nsaids.answer()).isEqualTo(ChecklistAnswer.NO);
        assertThat(nsaids.note()).isEqualTo("NSAID taken yesterday");
        assertThat(plan.checklist()).filteredOn(e -> !e.item().id().equals("nsaids-paused"))
                .allMatch(e -> e.answer() == ChecklistAnswer.YES);
        assertThat(r.output()).contains("DEVIATION, answered no: " + nsaids.item().question()
                + " (note: NSAID taken yesterday)");
    }
}
