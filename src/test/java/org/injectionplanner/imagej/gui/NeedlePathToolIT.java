package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.scene.DragReadout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Needle Path and Injection Target tools driven by real mouse events ({@link UserInput}): a drag from a
 * skin entry point released on a target plans that target's path, and records the equivalent Plan Needle
 * Path... line; while the button is held, the previews of a path or of a dragged target show their findings.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class NeedlePathToolIT {

    /** How far a mouse position, a whole screen pixel, may lie from the image point aimed at, in image pixels. */
    private static final double SCREEN_PIXEL = 2.0;
    /** PlanOverlay's colour for a violation (vermillion), as UserInput.drawnIn takes it. */
    private static final String VIOLATION = "213,94,0";

    @TempDir
    Path dir;

    @Test
    void aDragFromTheSkinToATargetPlansItsPath() throws Exception {
        String scenario = withT1("""
                run("Add Injection Target...", "x=330 y=330 frame=1 structure=facet-capsule side=right level=L4/L5 label=[R L4/5 facet]");
                run("Record...");
                call(U + "place", "Recorder", "0", "650");
                run("Needle Path");
                call(U + "drag", "300", "30", "400", "300");
                call(U + "drag", "250", "30", "331", "331");
                call(U + "drag", "600", "40", "560", "560");
                run("Save Session Plan");
                File.saveString(call(U + "recorded"), getArgument());
                """);
        GuiSession.Result r = GuiSession.run(scenario, null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        SessionPlan plan = savedPlan();
        NeedlePath t1 = plan.injectionAt(plan.targets().get(0).id()).orElseThrow().path();
        NeedlePath t2 = plan.injectionAt(plan.targets().get(1).id()).orElseThrow().path();
        assertThat(t1.entry().x()).isCloseTo(300, within(SCREEN_PIXEL));
        assertThat(t1.entry().y()).isCloseTo(30, within(SCREEN_PIXEL));
        assertThat(t2.entry().x()).isCloseTo(250, within(SCREEN_PIXEL));
        assertThat(t2.entry().y()).isCloseTo(30, within(SCREEN_PIXEL));
        assertThat(t1.measure(plan.targets().get(0))).as("both ends in the calibrated region").isPresent();
        assertThat(r.output().lines().filter(l -> l.startsWith("run(\"Plan Needle Path...\"")))
                .as("one recorded line per path planned; the drag released away from a target plans none")
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("target=T1 entry_x="))
                .anySatisfy(l -> assertThat(l).contains("target=T2 entry_x="));
    }

    @Test
    void aTargetDraggedIntoANerveZoneShowsTheViolationWhileTheButtonIsDown() throws Exception {
        String scenario = withT1("""
                run("Add Nerve Zone...", "ellipse=560,300,25,20 frame=1 kind=nerve name=[medial branch] margin=2");
                run("Plan Needle Path...", "target=T1 entry_x=400 entry_y=30");
                run("Injection Target");
                out = "before=" + violations();
                call(U + "press", "400", "300");
                call(U + "moveTo", "560", "300");
                out = out + "\\nheld=" + violations();
                call(U + "moveTo", "420", "320");
                out = out + "\\nback=" + violations();
                call(U + "release");
                out = out + "\\nreleased=" + violations();
                """);
        Map<String, String> seen = runSavingOutput(scenario);
        assertThat(seen).containsKeys("before", "held", "back", "released");
        assertThat(seen.get("before")).as("a clear path before the drag").isEmpty();
        SessionPlan plan = savedPlan();
        assertThat(seen.get("held")).as("the target dragged into the zone is drawn as a violation before release")
                .isEqualTo(plan.targets().get(0).id().toString());
        assertThat(seen.get("back")).as("and clear again when dragged out, still before release").isEmpty();
        assertThat(seen.get("released")).isEmpty();
        assertThat(plan.targets().get(0).point().x()).as("dropped where released").isCloseTo(420, within(SCREEN_PIXEL));
    }

    @Test
    void aPathDraggedAcrossANerveZoneShowsTheViolationBeforeRelease() throws Exception {
        // As in SessionMapIT: the entry (589, 30) aims the path to T1 (400, 300) through the zone's centre.
        String scenario = withT1("""
                run("Add Nerve Zone...", "ellipse=470,200,25,20 frame=1 kind=nerve name=[medial branch] margin=5");
                run("Needle Path");
                call(U + "press", "589", "30");
                call(U + "moveTo", "400", "300");
                out = "onTarget=" + violations() + "\\nstatus=" + call("ij.ImageJ.getStatusBarText");
                call(U + "moveTo", "330", "120");
                out = out + "\\noffTarget=" + violations();
                call(U + "release");
                out = out + "\\nreleased=" + violations();
                """);
        Map<String, String> seen = runSavingOutput(scenario);
        assertThat(seen).containsKeys("onTarget", "status", "offTarget", "released");
        assertThat(seen.get("onTarget")).as("held over T1, the path through the zone is drawn as a violation")
                .isEqualTo(savedPlan().targets().get(0).id().toString());
        assertThat(seen.get("status")).as("the worst finding first, then the mm values")
                .startsWith("VIOLATION: ").contains("Z2").contains("| T1 needle path ");
        assertThat(seen.get("offTarget")).as("away from the target the preview is gone").isEmpty();
        assertThat(seen.get("released")).isEmpty();
        SessionPlan plan = savedPlan();
        assertThat(plan.injectionAt(plan.targets().get(0).id()).orElseThrow().path())
                .as("released away from the target: nothing planned").isNull();
    }

    @Test
    void aZoneVertexDraggedAcrossAPathShowsTheViolationBeforeRelease() throws Exception {
        // T1's path runs straight down x = 400; the zone's top-left vertex (480, 150) dragged to (380, 150)
        // makes its left edge cross the path at y ≈ 160
        String scenario = withT1("""
                run("Plan Needle Path...", "target=T1 entry_x=400 entry_y=30");
                run("Add Nerve Zone...", "points=[480,150;540,150;540,200;480,200] frame=1 kind=nerve name=[branch] margin=2");
                run("Nerve Zone");
                out = "before=" + violations();
                call(U + "press", "480", "150");
                call(U + "moveTo", "380", "150");
                out = out + "\\nheld=" + violations();
                call(U + "moveTo", "470", "150");
                call(U + "release");
                out = out + "\\nreleased=" + violations();
                """);
        Map<String, String> seen = runSavingOutput(scenario);
        SessionPlan plan = savedPlan();
        assertThat(seen).containsKeys("before", "held", "released");
        assertThat(seen.get("before")).isEmpty();
        assertThat(seen.get("held")).as("the path the reshaped zone crosses is drawn as a violation before release")
                .isEqualTo(plan.targets().get(0).id().toString());
        assertThat(seen.get("released")).as("dropped clear of the path").isEmpty();
        assertThat(plan.zones().get(1).shape().outline().get(0).x()).isCloseTo(470, within(SCREEN_PIXEL));
    }

    @Test
    void aReadoutNextToTheMouseShowsTheNumbersOfTheDragAndStaysOnTheCanvas() throws Exception {
        String scenario = withT1("""
                function readout() { return replace(call("%s.readout"), "\\n", "|"); }
                run("Add Nerve Zone...", "ellipse=300,300,20,20 frame=1 kind=nerve name=[medial branch] margin=2");
                run("Needle Path");
                call(U + "press", "589", "30");
                call(U + "moveTo", "400", "300");
                out = "pathHeld=" + readout();
                call(U + "release");
                out = out + "\\npathReleased=" + readout();
                run("Injection Target");
                call(U + "press", "400", "300");
                call(U + "moveTo", "420", "320");
                out = out + "\\ntargetHeld=" + readout();
                call(U + "release");
                out = out + "\\ntargetReleased=" + readout();
                w = getWidth();
                h = getHeight();
                run("Needle Path");
                call(U + "press", "300", "30");
                call(U + "moveTo", "" + (w - 2), "200");
                out = out + "\\nedgeHeld=" + readout();
                call(U + "moveTo", "" + (w - 2), "" + (h - 2));
                out = out + "\\ncornerHeld=" + readout();
                call(U + "release");
                out = out + "\\nedgeReleased=" + readout();
                """.formatted(OverlayProbe.class.getName()));
        Map<String, String> seen = runSavingOutput(scenario);
        assertThat(seen).containsKeys("pathHeld", "pathReleased", "targetHeld", "targetReleased", "edgeHeld",
                "cornerHeld", "edgeReleased");
        SessionPlan plan = savedPlan();
        Target t1 = plan.targets().get(0);
        SessionPlan beforeMove = plan.withTarget(t1.movedTo(new PixelPoint(400, 300), t1.calibration()));
        assertThat(readoutLines(seen.get("pathHeld")))
                .as("held over T1: the numbers of the path planned on release, before T1 was moved")
                .isEqualTo(DragReadout.ofTarget(beforeMove, t1.id()).lines())
                .anySatisfy(l -> assertThat(l).matches("path \\d+\\.\\d mm, \\d+°"))
                .anySatisfy(l -> assertThat(l).endsWith(" mm from Z2 medial branch"));
        assertThat(readoutLines(seen.get("targetHeld"))).as("T1 dragged: its numbers where it was let go")
                .isEqualTo(DragReadout.ofTarget(plan, t1.id()).lines())
                .contains("T1 L4/5 supraspinous");
        assertThat(seen.get("pathReleased")).isEqualTo("none");
        assertThat(seen.get("targetReleased")).isEqualTo("none");
        assertThat(seen.get("edgeReleased")).isEqualTo("none");
        for (String key : List.of("pathHeld", "targetHeld", "edgeHeld", "cornerHeld")) {
            double[] b = readoutBounds(seen.get(key));
            assertThat(b[0] >= 0 && b[1] >= 0 && b[0] + b[2] <= b[4] && b[1] + b[3] <= b[5])
                    .as("%s: the readout %s lies inside the canvas", key, seen.get(key)).isTrue();
            assertThat(b[2] > 80 && b[3] > 3 * 10).as("%s: a box of four lines of text: %s", key, seen.get(key))
                    .isTrue();
        }
        assertThat(readoutLines(seen.get("edgeHeld"))).first().isEqualTo("release on a target");
        double[] edge = readoutBounds(seen.get("edgeHeld"));
        assertThat(edge[0] + edge[2]).as("at the right edge: left of the mouse").isLessThan(edge[4] - 10);
        double[] corner = readoutBounds(seen.get("cornerHeld"));
        assertThat(corner[0] + corner[2]).as("in the corner: left of the mouse").isLessThan(corner[4] - 10);
        assertThat(corner[1] + corner[3]).as("and above it").isLessThan(corner[5] - 10);
    }

    /** The text lines of an {@link OverlayProbe#readout} written with "|" for newlines. */
    private static List<String> readoutLines(String readout) {
        List<String> parts = List.of(readout.split("\\|"));
        return parts.subList(1, parts.size());
    }

    /** x, y, width, height, canvas width, canvas height of an {@link OverlayProbe#readout}, canvas pixels. */
    private static double[] readoutBounds(String readout) {
        return Arrays.stream(readout.split("\\|")[0].split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /**
     * The macro that opens session 1's transverse image with target T1 at (400, 300) (25 mm deep) and the
     * patient's dura line Z1 (42.1 mm deep, below it) into the test's store,
     * sets {@code U} to UserInput's prefix for {@code call} and defines {@code violations()} (the ids drawn in
     * the violation colour), then runs {@code rest}.
     */
    private String withT1(String rest) {
        return GuiSession.openStudy(dir.resolve("store"), 1) + """
                run("Add Injection Target...", "x=400 y=300 frame=1 structure=supraspinous side=midline level=L4/L5 label=[L4/5 supraspinous]");
                run("Add Nerve Zone...", "ellipse=400,500,150,10 frame=1 kind=dura name=[dura] margin=0");
                U = "org.injectionplanner.imagej.gui.UserInput.";
                function violations() { return call(U + "drawnIn", "%s"); }
                """.formatted(VIOLATION) + rest;
    }

    /**
     * Runs a scenario that leaves "key=value" lines in its variable {@code out}, saves the plan, and returns
     * those lines; ImageJ's Log must hold no plugin error.
     */
    private static Map<String, String> runSavingOutput(String scenario) throws Exception {
        GuiSession.Result r = GuiSession.run(scenario + """
                run("Save Session Plan");
                File.saveString(out, getArgument());
                """, null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        Map<String, String> seen = keyValues(r.output());
        assertThat(seen).as("the macro wrote:\n" + r.output()).isNotEmpty();
        return seen;
    }

    /** The "key=value" lines a scenario wrote. */
    private static Map<String, String> keyValues(String output) {
        Map<String, String> values = new HashMap<>();
        output.lines().map(l -> l.split("=", 2)).filter(kv -> kv.length == 2).forEach(kv -> values.put(kv[0], kv[1]));
        return values;
    }

    /** The newest revision of the one course in the test's store. */
    private SessionPlan savedPlan() throws Exception {
        return GuiSession.newestRevision(dir.resolve("store")).plan();
    }
}
