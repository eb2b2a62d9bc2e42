package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.injectionplanner.plan.ImageSides;
import org.injectionplanner.plan.PatientDirection;
import org.injectionplanner.plan.SessionPlan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Set Image Orientation... on session 1's transverse L4–L5 image (800 px wide, no Patient Orientation in its
 * header): before, the Plan Panel notes that the sides cannot be checked; after {@code left=R right=L}, the
 * overlay writes R and L at the top corners, a Left target on the half marked R draws the image-side warning,
 * a target at L5/S1 on the series "Transverse L4-L5 midline" a note, and the saved plan records who set the
 * sides.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class ImageOrientationIT {

    private static final String PROBE = "org.injectionplanner.imagej.gui.OverlayProbe.onSlice";
    /** The Plan Panel's findings area: with no row chosen, every finding in full. */
    private static final String FINDINGS = "org.injectionplanner.imagej.gui.UserInput.wrappedText";

    @TempDir
    Path dir;

    @Test
    void theSidesSetByMacroAreDrawnRecordedAndCheckTheTargetsSides() throws Exception {
        Path store = dir.resolve("store");
        String scenario = GuiSession.openStudy(store, 1) + """
                run("Add Injection Target...", "x=250 y=200 frame=1 structure=facet-capsule side=left level=L4/L5 label=[L facet]");
                run("Add Injection Target...", "x=550 y=200 frame=1 structure=facet-capsule side=left level=L5/S1 label=[L5/S1 facet]");
                run("Plan Panel");
                before = call("%s", "Plan Panel");
                run("Set Image Orientation...", "left=R right=L midline=400 physician=[Dr Test]");
                run("Save Session Plan");
                after = call("%s", "Plan Panel");
                File.saveString(before + "=====\\n" + after + "=====\\n" + call("%s", "1"), getArgument());
                """.formatted(FINDINGS, FINDINGS, PROBE);
        GuiSession.Result r = GuiSession.run(scenario, null, GuiSession.screenshot("image-orientation.png"));
        assertThat(r.log()).doesNotContain("Injection Planner:");
        String[] parts = r.output().split("=====\n");
        assertThat(parts).hasSize(3);
        assertThat(parts[0]).contains("note: Session: image \"Transverse L4-L5 midline #1\" has no patient sides (not "
                + "in its DICOM header, not set): the side of T1, T2 cannot be checked against it")
                .doesNotContain("the side is Left, but");
        assertThat(parts[1]).doesNotContain("has no patient sides")
                .contains("warning: Injection 1, T1 \"L facet\" (Facet joint capsule): the side is Left, but it lies "
                        + "13.5 mm from the midline on the half of the image marked R (patient right; image sides "
                        + "left edge R, right edge L, midline at x = 400.0 (set by Dr Test))")
                .contains("note: Injection 2, T2 \"L5/S1 facet\" (Facet joint capsule): at L5/S1 on a series "
                        + "described \"Transverse L4-L5 midline #1\"");
        List<String> overlay = Arrays.asList(parts[2].split("\n"));
        int width = Integer.parseInt(overlay.get(0).split(" ")[1]);
        assertThat(overlay).anySatisfy(line -> assertThat(line).matches("text 2\\.00 2\\.00 .* -\\|\\|R"));
        assertThat(overlay).anySatisfy(line -> {
            assertThat(line).matches("text [0-9.]+ 2\\.00 .* -\\|\\|L");
            assertThat(Double.parseDouble(line.split(" ")[1])).isGreaterThan(width / 2.0);
        });
        SessionPlan plan = GuiSession.newestRevision(store).plan();
        assertThat(plan.images()).singleElement().satisfies(image -> assertThat(image.sides()).isEqualTo(
                new ImageSides(PatientDirection.RIGHT, 400.0, ImageSides.Source.PHYSICIAN, "Dr Test")));
    }
}
