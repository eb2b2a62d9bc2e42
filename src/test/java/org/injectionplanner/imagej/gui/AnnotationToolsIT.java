package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.process.FloatPolygon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Injection Target and Nerve Zone tools driven by real mouse and key events ({@link UserInput}) in
 * a real ImageJ: place targets and answer their dialog, drag one, delete one with the Delete key, draw a
 * polygon zone by clicks and an ellipse by a drag, move a polygon vertex; the plan then holds those
 * annotations at those image pixels on those frames. The lines the Macro Recorder recorded meanwhile,
 * replayed in a fresh ImageJ, make the same plan. Picking rows of the Plan Panel shows the annotation's
 * frame and highlights it.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class AnnotationToolsIT {

    private static final String RECORDED = "----recorded----";
    /** PlanOverlay's colour for the selected annotation (Okabe–Ito yellow). */
    private static final String SELECTED = "240,228,66";

    @TempDir
    Path dir;

    @Test
    void toolsEditThePlanWithTheMouseAndRecordEquivalentLines() throws Exception {
        Path interactive = dir.resolve("interactive.zip");
        String scenario = GuiSession.openStudy(dir.resolve("store"), 3) + """
                U = "org.injectionplanner.imagej.gui.UserInput.";
                run("Record...");
                call(U + "place", "Recorder", "0", "650");
                Stack.setFrame(5);
                run("Injection Target");
                call(U + "click", "400", "190");
                call(U + "answer", "Injection Target", "Supraspinous ligament|midline|L4/L5|L4/5 supraspinous");
                call(U + "click", "330", "330");
                call(U + "answer", "Injection Target", "Facet joint capsule|right|L4/L5|R L4/5 facet");
                call(U + "click", "250", "400");
                call(U + "answer", "Injection Target", "Interspinous ligament|midline|L5/S1|stray");
                call(U + "drag", "400", "190", "420", "210");
                call(U + "click", "250", "400");
                call(U + "key", "DELETE");
                run("Nerve Zone");
                Stack.setFrame(20);
                call(U + "click", "300", "260");
                call(U + "click", "360", "250");
                call(U + "click", "380", "300");
                call(U + "click", "320", "320");
                call(U + "click", "301", "261");
                call(U + "answer", "Nerve Zone", "vessel|vessel|3");
                call(U + "drag", "490", "90", "550", "140");
                call(U + "answer", "Nerve Zone", "nerve|cutaneous branch|5");
                call(U + "drag", "360", "250", "370", "240");
                run("Export Plan ROIs...", "path=[%s]");
                Stack.setFrame(1);
                run("Plan Panel");
                t2 = call(U + "pickRow", "Plan Panel", "1");
                out = "row=" + t2 + "\\nframe=" + call(U + "frame") + "\\nselected=" + call(U + "drawnIn", "%s");
                out = out + "\\ndetails=" + replace(call(U + "wrappedText", "Plan Panel"), "\\n", " | ");
                z2 = call(U + "pickRow", "Plan Panel", "3");
                out = out + "\\nrow=" + z2 + "\\nframe=" + call(U + "frame") + "\\nselected=" + call(U + "drawnIn", "%s");
                File.saveString(out + "\\n%s\\n" + call(U + "recorded"), getArgument());
                """.formatted(interactive, SELECTED, SELECTED, RECORDED);
        GuiSession.Result r = GuiSession.run(scenario, null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        String[] parts = r.output().split(RECORDED + "\n", 2);
        assertThat(parts).as("the macro's output:\n" + r.output() + "\nImageJ's log:\n" + r.log()).hasSize(2);

        Map<String, Roi> plan = roiSet(interactive);
        assertThat(plan.keySet()).as("exported; the macro wrote:\n" + r.output())
                .containsExactly("T1", "T2", "Z1", "Z2");
        assertThat(describe(plan.get("T1"))).as("placed at 400,190, dragged to 420,210")
                .isEqualTo("T1 L4/5 supraspinous frame=5 [420,210]");
        assertThat(describe(plan.get("T2"))).isEqualTo("T2 R L4/5 facet frame=5 [330,330]");
        assertThat(describe(plan.get("Z1"))).as("four clicked vertices, the second dragged from 360,250")
                .isEqualTo("Z1 vessel frame=20 [300,260 370,240 380,300 320,320]");
        Roi ellipse = plan.get("Z2");
        assertThat(ellipse.getName()).isEqualTo("Z2 cutaneous branch");
        assertThat(ellipse.getProperty("injectionplanner.frame")).isEqualTo("20");
        java.awt.geom.Rectangle2D box = ellipse.getFloatBounds();
        assertThat(new double[] {box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()}).as("the drag's rectangle")
                .containsExactly(new double[] {490, 90, 550, 140}, org.assertj.core.data.Offset.offset(0.5));
        assertThat(plan.get("Z1").getProperty("injectionplanner.marginMm")).isEqualTo("3.0");

        String recorded = parts[1];
        assertThat(recorded.lines().filter(l -> !l.isBlank()))
                .as("recorded, and nothing else (Delete must not reach ImageJ's Edit › Clear):\n" + recorded)
                .containsExactly(
                        "run(\"Add Injection Target...\", \"x=400.00 y=190.00 frame=5 structure=supraspinous "
                                + "side=midline level=L4/L5 label=[L4/5 supraspinous]\");",
                        "run(\"Add Injection Target...\", \"x=330.00 y=330.00 frame=5 structure=facet-capsule "
                                + "side=right level=L4/L5 label=[R L4/5 facet]\");",
                        "run(\"Add Injection Target...\", \"x=250.00 y=400.00 frame=5 structure=interspinous "
                                + "side=midline level=L5/S1 label=[stray]\");",
                        "run(\"Edit Plan Annotation...\", \"annotation=T1 x=420.00 y=210.00\");",
                        "run(\"Delete Plan Annotation...\", \"annotation=T3\");",
                        "run(\"Add Nerve Zone...\", \"points=[300.00,260.00;360.00,250.00;380.00,300.00;320.00,320.00] "
                                + "frame=20 kind=vessel name=[vessel] margin=3.0\");",
                        "run(\"Add Nerve Zone...\", \"ellipse=520.00,115.00,30.00,25.00,0.00 frame=20 kind=nerve "
                                + "name=[cutaneous branch] margin=5.0\");",
                        "run(\"Edit Plan Annotation...\", \"annotation=Z1 "
                                + "points=[300.00,260.00;370.00,240.00;380.00,300.00;320.00,320.00]\");");

        Map<String, String> panel = panelOutput(parts[0]);
        assertThat(panel.get("row1")).startsWith("T2");
        assertThat(panel.get("frame1")).as("T2's frame shown").isEqualTo("5");
        assertThat(panel.get("selected1")).as("T2 highlighted")
                .isEqualTo(plan.get("T2").getProperty("injectionplanner.id"));
        assertThat(panel.get("row1")).as("T2 by its label and structure, side and level, depth, image and frame")
                .startsWith("T2   R L4/5 facet · Facet joint capsule").contains(" R L4/L5 ")
                .contains(" mm deep  image ").endsWith(" fr 5");
        assertThat(panel.get("details1")).as("T2's row in full under the map, its image by its description")
                .contains("• T2 R L4/5 facet · Facet joint capsule, Right L4/L5, ").contains(" mm deep, image ")
                .endsWith("\" frame 5");
        assertThat(panel.get("row2")).startsWith("Z2");
        assertThat(panel.get("frame2")).as("Z2's frame shown").isEqualTo("20");
        assertThat(panel.get("selected2")).as("Z2 highlighted").isEqualTo(ellipse.getProperty("injectionplanner.id"));

        Path replayed = dir.resolve("replayed.zip");
        String replay = GuiSession.openStudy(dir.resolve("store2"), 3)
                + recorded.lines().filter(l -> l.startsWith("run(\"")).collect(Collectors.joining("\n"))
                + "\nrun(\"Export Plan ROIs...\", \"path=[%s]\");\n".formatted(replayed);
        GuiSession.run(replay, null, null);
        Map<String, Roi> again = roiSet(replayed);
        assertThat(again.keySet()).isEqualTo(plan.keySet());
        for (String name : plan.keySet()) {
            assertThat(describe(again.get(name))).as("replayed " + name).isEqualTo(describe(plan.get(name)));
        }
    }

    /** The ROIs of a RoiSet.zip by the first word of their name (T1, Z2, ...), in order. */
    private static Map<String, Roi> roiSet(Path zip) throws Exception {
        Map<String, Roi> rois = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Roi roi = RoiDecoder.openFromByteArray(in.readAllBytes());
                rois.put(roi.getName().split(" ")[0], roi);
            }
        }
        return rois;
    }

    /** Name, frame and vertices (image pixels, rounded) of an exported annotation. */
    private static String describe(Roi roi) {
        FloatPolygon p = roi.getFloatPolygon();
        List<String> points = new ArrayList<>();
        for (int i = 0; i < p.npoints; i++) {
            points.add(String.format(Locale.ROOT, "%d,%d", Math.round(p.xpoints[i]), Math.round(p.ypoints[i])));
        }
        return roi.getName() + " frame=" + roi.getProperty("injectionplanner.frame") + " " + points.toString()
                .replace(", ", " ");
    }

    /** row1, frame1, selected1, row2, ... from the lines key=value the scenario wrote. */
    private static Map<String, String> panelOutput(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        Arrays.stream(text.split("\n")).filter(l -> l.contains("=")).forEach(l -> {
            String key = l.substring(0, l.indexOf('='));
            out.put(key + seen.merge(key, 1, Integer::sum), l.substring(l.indexOf('=') + 1));
        });
        return out;
    }
}
