package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import ij.gui.Roi;
import ij.io.RoiDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Annotating a sample study in a real ImageJ: targets and zones on two frames, undo and redo, save,
 * quit; then a new ImageJ reopens the study and the plan and finds the same annotations on the same
 * frames.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class AnnotateIT {


    @TempDir
    Path dir;

    /** name, T position, x, y of each ROI of a RoiSet.zip. */
    private static List<String> describe(Path zip) throws Exception {
        List<String> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Roi roi = RoiDecoder.openFromByteArray(in.readAllBytes());
                out.add(roi.getName() + " @t" + roi.getTPosition() + " frame="
                        + roi.getProperty("injectionplanner.frame") + " " + Math.round(roi.getFloatPolygon().xpoints[0])
                        + "," + Math.round(roi.getFloatPolygon().ypoints[0]));
            }
        }
        return out;
    }

    @Test
    void annotationsSurviveUndoRedoSaveAndAFreshImageJ() throws Exception {
        Path store = dir.resolve("store");
        Path before = dir.resolve("before.zip");
        Path after = dir.resolve("after.zip");
        String first = GuiSession.openStudy(store, 3) + """
                run("Add Injection Target...", "x=400 y=190 frame=5 structure=supraspinous side=midline level=L4/L5 label=[L4/5 supraspinous]");
                run("Add Injection Target...", "x=330 y=330 frame=5 structure=facet-capsule side=right level=L4/L5 label=[R L4/5 facet]");
                run("Add Nerve Zone...", "ellipse=517,117,30,26 frame=5 kind=nerve name=[cutaneous branch] margin=5");
                run("Add Injection Target...", "x=420 y=200 frame=20 structure=interspinous side=midline level=L4/L5 label=[L4/5 interspinous]");
                run("Add Nerve Zone...", "points=[300,260;360,250;380,300;320,320] frame=20 kind=vessel name=[vessel] margin=3");
                run("Delete Plan Annotation...", "annotation=T2");
                run("Undo Plan Edit");
                run("Add Injection Target...", "x=100 y=100 frame=7 structure=supraspinous side=midline level=L4/L5 label=[stray]");
                run("Undo Plan Edit");
                run("Redo Plan Edit");
                run("Undo Plan Edit");
                run("Edit Plan Annotation...", "annotation=Z2 margin=4");
                Stack.setFrame(5);
                n5 = Overlay.size;
                run("Save Session Plan");
                run("Export Plan ROIs...", "path=[%s]");
                File.saveString("overlay5=" + n5, getArgument());
                """.formatted(before);
        GuiSession.Result r1 = GuiSession.run(first, null, null);
        assertThat(r1.log()).doesNotContain("Injection Planner:");
        List<String> saved = describe(before);
        assertThat(saved).containsExactly(
                "T1 L4/5 supraspinous @t5 frame=5 400,190",
                "T2 R L4/5 facet @t5 frame=5 330,330",
                "T3 L4/5 interspinous @t20 frame=20 420,200",
                "Z1 cutaneous branch @t5 frame=5 547,117",
                "Z2 vessel @t20 frame=20 300,260");

        Path shot = GuiSession.screenshot("annotate.png");
        String second = GuiSession.openLatestPlan(store, 3) + """
                Stack.setFrame(20);
                n20 = Overlay.size;
                Stack.setFrame(5);
                n5 = Overlay.size;
                run("Export Plan ROIs...", "path=[%s]");
                run("Plan Panel");
                File.saveString("overlay5=" + n5 + "\\noverlay20=" + n20, getArgument());
                """.formatted(after);
        GuiSession.Result r2 = GuiSession.run(second, null, shot);
        assertThat(describe(after)).isEqualTo(saved);
        assertThat(r2.output()).contains("overlay5=" + r1.output().replace("overlay5=", ""));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void unsavedWorkIsOfferedAfterACrash() throws Exception {
        Path store = dir.resolve("store");
        Path recovered = dir.resolve("recovered.zip");
        String work = GuiSession.openStudy(store, 1) + """
                run("Add Injection Target...", "x=400 y=200 frame=1 structure=supraspinous side=midline level=L4/L5 label=[unsaved]");
                run("Add Nerve Zone...", "ellipse=517,117,30,26 frame=1 kind=nerve name=[unsaved nerve] margin=5");
                call("org.injectionplanner.imagej.gui.StoreProbe.awaitAutosave", "%s", "unsaved nerve");
                File.saveString("done", getArgument());
                """.formatted(store);
        GuiSession.run(work, null, null, true);
        assertThat(Files.exists(store.resolve("courses"))).isTrue();
        String restart = GuiSession.openStudy(store, 1) + """
                run("Recover Unsaved Plan...", "which=1");
                run("Export Plan ROIs...", "path=[%s]");
                File.saveString("overlay=" + Overlay.size, getArgument());
                """.formatted(recovered);
        GuiSession.Result r = GuiSession.run(restart, null, null);
        assertThat(r.log()).as("the crashed session's lock is stale and taken over")
                .contains("took over the lock of course");
        assertThat(describe(recovered)).containsExactly("T1 unsaved @t1 frame=1 400,200",
                "Z1 unsaved nerve @t1 frame=1 547,117");
    }
}
