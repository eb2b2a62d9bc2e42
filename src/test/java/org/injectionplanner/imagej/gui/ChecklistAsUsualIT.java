package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.injectionplanner.plan.ChecklistAnswer;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.SessionPlan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-procedure checklist completed with the keyboard alone: the focus starts on "all as usual" (Space ticks
 * it), Tab walks the weight and then the questions in order, one deviation and its note are typed, Enter is OK.
 * Every other question is yes, the weight is asked once, and the "no" with its note is flagged in the Plan
 * Panel's session map.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class ChecklistAsUsualIT {

    @TempDir
    Path dir;

    @Test
    void theKeyboardAloneAnswersAllAsUsualWithOneDeviationAndItsNote() throws Exception {
        List<String> questions = ChecklistItem.defaults().stream().map(ChecklistItem::id)
                .filter(id -> !id.equals(ChecklistItem.WEIGHT)).toList();
        int nsaids = questions.indexOf("nsaids-paused");
        // the dialog's text fields: weight_kg, the weight question's answer and note, then each question's
        int nsaidsAnswer = 3 + 2 * nsaids;
        String scenario = GuiSession.openStudy(dir.resolve("store"), 1) + """
                run("Add Injection Target...", "x=300 y=200 frame=1 structure=facet-capsule side=left level=L4/L5 label=[L facet]");
                run("Plan Panel");
                U = "org.injectionplanner.imagej.gui.UserInput.";
                doCommand("Pre-procedure Checklist...");
                title = "Pre-procedure Checklist: session 1";
                seen = call(U + "focusOwner", title);
                call(U + "key", "SPACE");
                call(U + "key", "TAB");
                seen = seen + "\\n" + call(U + "focusOwner", title);
                call(U + "typeText", "70");
                for (i = 0; i < %d; i++) call(U + "key", "TAB");
                seen = seen + "\\n" + call(U + "focusOwner", title);
                call(U + "typeText", "n");
                call(U + "key", "TAB");
                seen = seen + "\\n" + call(U + "focusOwner", title);
                call(U + "typeText", "taken yesterday for a headache");
                call(U + "keyClosing", title, "ENTER");
                call(U + "awaitRow", "Plan Panel", "Checklist: 13 of 13 answered");
                run("Save Session Plan");
                File.saveString(seen + "\\n" + call(U + "rows", "Plan Panel") + "=====\\n"
                        + call(U + "wrappedText", "Plan Panel"), getArgument());
                """.formatted(nsaidsAnswer);
        GuiSession.Result r = GuiSession.run(scenario, null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        assertThat(r.output().lines().limit(4).toList()).containsExactly(
                "checkbox all as usual (every unanswered question: yes; type only the deviations)",
                "field 0", "field " + nsaidsAnswer, "field " + (nsaidsAnswer + 1));
        SessionPlan plan = GuiSession.newestRevision(dir.resolve("store")).plan();
        assertThat(plan.patientWeightKg()).isEqualTo(70.0);
        assertThat(plan.unansweredChecklist()).isEmpty();
        ChecklistEntry deviation = plan.checklist().stream().filter(e -> e.item().id().equals("nsaids-paused"))
                .findFirst().orElseThrow();
        assertThat(deviation.answer()).isEqualTo(ChecklistAnswer.NO);
        assertThat(deviation.note()).isEqualTo("taken yesterday for a headache");
        assertThat(plan.checklist()).filteredOn(e -> !e.item().id().equals("nsaids-paused"))
                .allMatch(e -> e.answer() == ChecklistAnswer.YES);
        String[] panel = r.output().split("=====\n");
        assertThat(panel[0]).as("the map's row, flagged").contains("      DEVIATION, answered no: "
                + deviation.item().question().substring(0, 20));
        assertThat(panel[1]).as("in full under the map").contains("DEVIATION, answered no: "
                + deviation.item().question() + " (note: taken yesterday for a headache)");
    }
}
