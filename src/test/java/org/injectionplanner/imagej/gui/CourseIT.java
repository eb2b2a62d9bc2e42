package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.store.PlanStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course in a real ImageJ: session 1 on the sample study with outcomes entered as ODI section scores,
 * session 2 four weeks later with the totals; Treatment Course... lists both and plots two points per
 * measure with the important-improvement lines; Compare with Earlier Session... lists session 1's site as
 * dropped and the outcomes' change.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class CourseIT {

    @TempDir
    Path dir;

    @Test
    void outcomesOfTwoSessionsArePlottedAcrossTheCourse() throws Exception {
        Path store = dir.resolve("store");
        String macro = GuiSession.openStudy(store, 1) + """
                run("New Session Plan...", "course=[new course] date=2026-10-01 author=[Dr A]");
                run("Add Injection Target...", "x=400 y=300 frame=1 structure=supraspinous side=midline level=L4/L5 label=[L4/5 supraspinous]");
                run("Record Outcomes...", "nrs_rest=6 nrs_activity=8 odi= odi_sections=[2 2 2 2 2 1 1 2 2 -] rmdq=12 pgic= notes=[baseline]");
                run("Save Session Plan");
                run("New Session Plan...", "course=[next session of this course] date=2026-10-29 author=[Dr A]");
                run("Record Outcomes...", "nrs_rest=4 nrs_activity=7 odi=25 odi_sections= rmdq=10 pgic=2 notes=[better]");
                run("Save Session Plan");
                run("Treatment Course...", "indication=[chronic low back pain] planned=4");
                out = call("org.injectionplanner.imagej.gui.PlotProbe.data", "Treatment Course: outcomes");
                out = out + "rows=" + Table.size("Treatment Course") + "\\n";
                out = out + "date2=" + Table.getString("Date", 1, "Treatment Course") + "\\n";
                out = out + "odi1=" + Table.getString("ODI %", 0, "Treatment Course") + "\\n";
                out = out + "session2=" + Table.getString("Session", 1, "Treatment Course") + "\\n";
                out = out + "due=" + Table.getString("Session", 2, "Treatment Course") + "\\n";
                run("Compare with Earlier Session...", "session=1");
                selectWindow("Session Comparison");
                out = out + getInfo("window.contents");
                File.saveString(out, getArgument());
                """;
        GuiSession.Result r = GuiSession.run(macro, null, GuiSession.screenshot("treatment-course.png"));
        assertThat(r.log()).doesNotContain("error");
        String[] lines = r.output().split("\n");
        // NRS rest 6 → 4 at days 0 and 28; its line at 6 − 2; activity 8 → 7; ODI 35.6 → 25 ÷ 10; its line
        // at (35.6 − 10) ÷ 10
        assertThat(lines[0]).isEqualTo("0.0,6.0 28.0,4.0");
        assertThat(lines[1]).isEqualTo("-2.0,4.0 1000.0,4.0");
        assertThat(lines[2]).isEqualTo("0.0,8.0 28.0,7.0");
        assertThat(lines[3]).startsWith("0.0,3.5555").contains(" 28.0,2.5");
        assertThat(lines[4]).startsWith("-2.0,2.5555");
        assertThat(r.output()).contains("rows=3", "date2=2026-10-29", "odi1=35.6", "session2=2 of 4", "due=3 of 4",
                "Session 1 → session 2: 0 added, 1 dropped, 0 changed, 0 unchanged",
                "dropped     L4/5 supraspinous · Supraspinous ligament (reason: not recorded)",
                "nrsRest     6 → 4 (-2.0, -33 %): improved");
        PlanStore saved = new PlanStore(store);
        SessionPlan first = saved.course(saved.courses().get(0)).plans().get(0);
        assertThat(first.outcomes().odiSections()).containsExactly(2, 2, 2, 2, 2, 1, 1, 2, 2, null);
        assertThat(saved.course(saved.courses().get(0)).course().record().indication())
                .isEqualTo("chronic low back pain");
    }
}
