package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.injectionplanner.imagej.gui.BedsideMapIT.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which frames of a cine hold annotations, in a real ImageJ on the session-1 sample cine (36 frames, 800 px wide):
 * stepping through every frame, each shows the frame strip with a cell at each annotated frame and the pointer at
 * the frame shown; a double-click on a target's row of the Plan Panel's session map shows the target's frame, and
 * opens its image again from the file where it was closed.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class CineFramesIT {

    private static final String PROBE = "org.injectionplanner.imagej.gui.OverlayProbe.onSlice";
    private static final String U = "org.injectionplanner.imagej.gui.UserInput.";
    private static final int FRAMES = 36;
    /** The strip spans the image's width less 2 px at each side: one cell per frame. */
    private static final double CELL = 796.0 / FRAMES;
    private static final String TARGET_COLOUR = "e69f00";
    private static final String POINTER_COLOUR = "f0e442";

    @TempDir
    Path dir;

    @Test
    void everyFrameShowsTheStripOfTheAnnotatedFramesAndPointsAtItself() throws Exception {
        String macro = GuiSession.openStudy(dir.resolve("store"), 3) + """
                run("Add Injection Target...", "x=400 y=300 frame=5 structure=supraspinous side=midline level=L4/L5 label=[on frame 5]");
                run("Add Injection Target...", "x=420 y=320 frame=30 structure=interspinous side=midline level=L4/L5 label=[on frame 30]");
                run("Add Nerve Zone...", "ellipse=300,200,20,10 frame=20 kind=nerve name=[medial branch] margin=3");
                out = "";
                for (f = 1; f <= %d; f++) {
                    Stack.setFrame(f);
                    out = out + "shown " + call("%sframe") + "\\n" + call("%s", "" + f) + "\\n---\\n";
                }
                File.saveString(out, getArgument());
                """.formatted(FRAMES, U, PROBE);
        GuiSession.Result r = GuiSession.run(macro, null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        String[] frames = r.output().split("\n---\n");
        assertThat(frames).hasSize(FRAMES);
        List<Long> annotatedCells = List.of(5L, 20L, 30L).stream().map(f -> Math.round(2 + (f - 1) * CELL)).toList();
        for (int f = 1; f <= FRAMES; f++) {
            String frame = frames[f - 1];
            assertThat(frame).startsWith("shown " + f + "\n");
            List<Element> all = BedsideMapIT.elements(frame);
            List<Element> cells = all.stream().filter(e -> e.kind().equals("guide") && e.fill().equals(TARGET_COLOUR))
                    .toList();
            assertThat(cells).as("frame %d: the cells of frames 5, 20 and 30", f)
                    .extracting(e -> Math.round(e.box().getX())).containsExactlyInAnyOrderElementsOf(annotatedCells);
            assertThat(cells).as("frame %d: along the bottom edge", f)
                    .allMatch(e -> e.box().getMinY() > 580 && e.box().getMaxY() <= 600);
            List<Element> pointers = all.stream().filter(e -> e.kind().equals("guide")
                    && e.fill().equals(POINTER_COLOUR)).toList();
            assertThat(pointers).as("frame %d: one pointer", f).hasSize(1);
            assertThat(pointers.get(0).box().getCenterX()).as("frame %d: the pointer at its own cell", f)
                    .isCloseTo(2 + (f - 0.5) * CELL, within(1.0));
            boolean holdsOne = f == 5 || f == 20 || f == 30;
            assertThat(all.stream().anyMatch(Element::annotation)).as("frame %d holds an annotation", f)
                    .isEqualTo(holdsOne);
        }
        assertThat(BedsideMapIT.elements(frames[4])).anyMatch(e -> e.what().contains("T1 on frame 5 · "));
        assertThat(BedsideMapIT.elements(frames[29])).anyMatch(e -> e.what().contains("T2 on frame 30 · "));
    }

    @Test
    void doubleClickingATargetsRowShowsItsFrameAndOpensItsImageWhereClosed() throws Exception {
        String macro = GuiSession.openStudy(dir.resolve("store"), 3) + """
                cine = getTitle();
                run("Add Injection Target...", "x=400 y=300 frame=5 structure=supraspinous side=midline level=L4/L5 label=[on frame 5]");
                run("Add Injection Target...", "x=420 y=320 frame=30 structure=interspinous side=midline level=L4/L5 label=[on frame 30]");
                Stack.setFrame(1);
                run("Open Ultrasound Study...", "path=[%s] series=1");
                transverse = getTitle();
                run("Add Injection Target...", "x=400 y=300 frame=1 structure=supraspinous side=midline level=L4/L5 label=[transverse]");
                run("Plan Panel");
                // the images beside the panel, not over it: the first click of a double-click selects the row and
                // brings its image to the front, and the second must still land on the row
                call("%2$splace", cine, "780", "110");
                call("%2$splace", transverse, "780", "110");
                call("%2$sdoubleClickRow", "Plan Panel", "#2  T2 ");
                out = "T2=" + call("%2$sawaitFrame", cine, "30");
                call("%2$sdoubleClickRow", "Plan Panel", "#1  T1 ");
                out = out + "\\nT1=" + call("%2$sawaitFrame", cine, "5");
                selectImage(cine);
                close();
                titles = "";
                for (i = 1; i <= nImages; i++) { selectImage(i); titles = titles + getTitle() + ";"; }
                out = out + "\\nopen=" + titles;
                call("%2$sdoubleClickRow", "Plan Panel", "#2  T2 ");
                out = out + "\\nreopened=" + call("%2$sawaitFrame", "Cine transverse", "30");
                File.saveString(out, getArgument());
                """.formatted(GuiSession.STUDY, U);
        GuiSession.Result r = GuiSession.run(macro, null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        Map<String, String> seen = r.output().lines().map(l -> l.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
        String cine = "Cine transverse L4-L5 midline (36 frames)";
        assertThat(seen).containsEntry("T2", cine).containsEntry("T1", cine).containsEntry("reopened", cine);
        assertThat(seen.get("open")).as("the cine was closed before the last double-click").doesNotContain("Cine");
    }
}
