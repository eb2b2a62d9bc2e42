package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan drawn for the bedside, in a real ImageJ on the session-1 sample: an 11-site plan with an
 * overridden violation, and 12 targets crowded into 40 × 20 px with targets at the image's edges. No label
 * covers a target, an entry or another label, all lie inside the image, the overridden finding is drawn as
 * such, the depth ruler and scale bar show; on a cine, a frame without targets shows the frame strip. The
 * screenshots are docs/screenshots/session-map.png and crowded-labels.png.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class BedsideMapIT {

    private static final String PROBE = "org.injectionplanner.imagej.gui.OverlayProbe.onSlice";

    @TempDir
    Path dir;

    /** One overlay element as {@link OverlayProbe} prints it. */
    record Element(String kind, Rectangle2D box, String fill, boolean annotation, String name, String what) {

        static Element parse(String line) {
            String[] head = line.substring(0, line.indexOf('|')).split(" ");
            String[] tail = line.substring(line.indexOf('|') + 1).split("\\|", 2);
            return new Element(head[0], new Rectangle2D.Double(Double.parseDouble(head[1]),
                    Double.parseDouble(head[2]), Double.parseDouble(head[3]), Double.parseDouble(head[4])), head[5],
                    head[6].equals("id"), tail[0], tail[1]);
        }
    }

    static List<Element> elements(String output) {
        return output.lines().filter(l -> !l.startsWith("image ") && l.contains("|")).map(Element::parse).toList();
    }

    @Test
    void anElevenSitePlanShowsEveryLabelTheOverrideTheRulerAndTheScale() throws Exception {
        Path store = dir.resolve("store");
        String macro = GuiSession.openStudy(store, 1) + GuiSession.L4_L5_TARGETS + """
                run("Add Injection Target...", "x=300 y=420 frame=1 structure=iliolumbar side=right level=L4/L5 label=[R iliolumbar upper]");
                run("Add Injection Target...", "x=320 y=420 frame=1 structure=iliolumbar side=right level=L4/L5 label=[R iliolumbar lower]");
                run("Add Injection Target...", "x=480 y=420 frame=1 structure=iliolumbar side=left level=L4/L5 label=[L iliolumbar upper]");
                run("Add Injection Target...", "x=500 y=420 frame=1 structure=iliolumbar side=left level=L4/L5 label=[L iliolumbar lower]");
                run("Add Injection Target...", "x=250 y=250 frame=1 structure=erector-spinae-enthesis side=right level=L4/L5 label=[R erector spinae]");
                run("Add Injection Target...", "x=560 y=250 frame=1 structure=erector-spinae-enthesis side=left level=L4/L5 label=[L erector spinae]");
                run("Add Injection Target...", "x=420 y=200 frame=1 structure=interspinous side=midline level=L4/L5 label=[L4/5 interspinous]");
                run("Add Injection Target...", "x=380 y=220 frame=1 structure=thoracolumbar-fascia side=midline level=L4/L5 label=[TL fascia]");
                run("Add Nerve Zone...", "ellipse=470,200,25,20 frame=1 kind=nerve name=[medial branch] margin=5");
                run("Add Nerve Zone...", "ellipse=400,500,150,10 frame=1 kind=dura name=[dura] margin=0");
                run("Add Nerve Zone...", "ellipse=240,330,12,8 frame=1 kind=nerve name=[cutaneous branch] margin=3");
                run("Plan Needle Path...", "target=T1 entry_x=589 entry_y=30");
                run("Plan Needle Path...", "target=T2 entry_x=300 entry_y=30");
                run("Plan Needle Path...", "target=T3 entry_x=600 entry_y=40");
                run("Plan Needle Path...", "target=T4 entry_x=215 entry_y=30");
                run("Plan Needle Path...", "target=T5 entry_x=345 entry_y=30");
                run("Plan Needle Path...", "target=T6 entry_x=455 entry_y=30");
                run("Plan Needle Path...", "target=T7 entry_x=590 entry_y=60");
                run("Plan Needle Path...", "target=T8 entry_x=200 entry_y=30");
                run("Plan Needle Path...", "target=T9 entry_x=600 entry_y=120");
                run("Plan Needle Path...", "target=T10 entry_x=430 entry_y=30");
                run("Override Safety Finding...", "reason=[branch seen clear on the live scan] author=[Dr Test]");
                run("Save Session Plan");
                run("Plan Panel");
                File.saveString(call("%s", "1"), getArgument());
                """.formatted(PROBE);
        GuiSession.Result r = GuiSession.run(macro, null, GuiSession.screenshot("session-map.png"));
        assertThat(r.log()).doesNotContain("Injection Planner:");
        List<Element> all = elements(r.output());
        assertLaidOut(all, 800, 600);
        List<String> texts = all.stream().filter(e -> e.kind().equals("text")).map(Element::what).toList();
        assertThat(texts.stream().filter(t -> t.contains(" mm deep"))).hasSize(11);
        assertThat(texts).anyMatch(t -> t.startsWith("#1 T1 L4/5 supraspinous") && t.endsWith("· overridden"));
        // the overridden site's hover note names it as its findings do
        assertThat(all).anyMatch(e -> e.name().startsWith("Injection 1, T1 \"L4/5 supraspinous\"")
                && e.name().contains(": overridden — branch seen clear on the live scan"));
        // the depth ruler from the skin line (row 22) at 0.09 mm/px: 10 mm every 111 px; the scale bar
        assertThat(texts).contains("0 mm", "10", "20", "30", "40");
        assertThat(texts).anyMatch(t -> t.matches("\\d+ mm") && !t.equals("0 mm"));
        assertThat(Files.size(GuiSession.screenshot("session-map.png"))).isGreaterThan(10_000);
    }

    @Test
    void twelveTargetsCrowdedInFortyByTwentyPixelsAndTargetsAtTheEdgesKeepTheirLabelsApart() throws Exception {
        Path store = dir.resolve("store");
        StringBuilder macro = new StringBuilder(GuiSession.openStudy(store, 1));
        for (int i = 0; i < 12; i++) {
            macro.append(String.format(Locale.ROOT, "run(\"Add Injection Target...\", \"x=%d y=%d frame=1 "
                    + "structure=iliolumbar side=left level=L4/L5 label=[site %d]\");%n", 380 + (i % 4) * 13,
                    290 + (i / 4) * 10, i + 1));
        }
        int[][] edges = {{192, 300}, {606, 280}, {400, 26}, {420, 574}, {195, 570}, {604, 30}};
        for (int[] e : edges) {
            macro.append(String.format(Locale.ROOT, "run(\"Add Injection Target...\", \"x=%d y=%d frame=1 "
                    + "structure=supraspinous side=midline level=L4/L5 label=[edge]\");%n", e[0], e[1]));
        }
        for (int i = 1; i <= 6; i++) {
            macro.append(String.format(Locale.ROOT, "run(\"Plan Needle Path...\", \"target=T%d entry_x=%d "
                    + "entry_y=30\");%n", i, 300 + 30 * i));
        }
        macro.append("""
                run("Add Nerve Zone...", "ellipse=330,150,20,10 frame=1 kind=nerve name=[medial branch] margin=3");
                File.saveString(call("%s", "1"), getArgument());
                """.formatted(PROBE));
        GuiSession.Result r = GuiSession.run(macro.toString(), null, GuiSession.screenshot("crowded-labels.png"));
        assertThat(r.log()).doesNotContain("Injection Planner:");
        List<Element> all = elements(r.output());
        assertLaidOut(all, 800, 600);
        assertThat(all.stream().filter(e -> e.kind().equals("text") && e.what().contains(" mm deep"))).hasSize(18);
    }

    @Test
    void aCineFrameWithoutTargetsShowsTheStripOfFramesHoldingThem() throws Exception {
        Path store = dir.resolve("store");
        String macro = GuiSession.openStudy(store, 3) + """
                run("Add Injection Target...", "x=400 y=300 frame=5 structure=supraspinous side=midline level=L4/L5 label=[on frame 5]");
                run("Add Injection Target...", "x=420 y=320 frame=30 structure=interspinous side=midline level=L4/L5 label=[on frame 30]");
                setSlice(1);
                out = call("%1$s", "1") + "\\n---\\n" + call("%1$s", "5");
                File.saveString(out, getArgument());
                """.formatted(PROBE);
        GuiSession.Result r = GuiSession.run(macro, null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        String[] parts = r.output().split("\n---\n");
        List<Element> first = elements(parts[0]);
        assertThat(first).as("frame 1 holds no annotation").noneMatch(Element::annotation);
        // 36 frames over 796 px from x = 2: a cell of 22.1 px each; frames 5 and 30 in the target colour
        double cell = 796 / 36.0;
        List<Element> cells = first.stream().filter(e -> e.kind().equals("guide") && e.fill().equals("e69f00"))
                .toList();
        assertThat(cells).extracting(e -> Math.round(e.box().getX()))
                .containsExactlyInAnyOrder(Math.round(2 + 4 * cell), Math.round(2 + 29 * cell));
        assertThat(cells).allMatch(e -> e.box().getMaxY() <= 600 && e.box().getMinY() > 580);
        Element pointer = first.stream().filter(e -> e.kind().equals("guide") && e.fill().equals("f0e442"))
                .findFirst().orElseThrow();
        assertThat(pointer.box().getCenterX()).isCloseTo(2 + 0.5 * cell, org.assertj.core.api.Assertions.within(1.0));
        assertThat(first).anyMatch(e -> e.kind().equals("text") && e.what().equals("0 mm"));
        List<Element> fifth = elements(parts[1]);
        assertThat(fifth).anyMatch(e -> e.kind().equals("text") && e.what().contains("T1 on frame 5 · "));
        assertThat(fifth.stream().filter(e -> e.kind().equals("guide") && e.fill().equals("f0e442")).findFirst()
                .orElseThrow().box().getCenterX()).isCloseTo(2 + 4.5 * cell,
                        org.assertj.core.api.Assertions.within(1.0));
    }

    /**
     * No two labels overlap, none covers a target's ring or an entry square, all lie inside the image
     * {@code width} × {@code height}.
     */
    private static void assertLaidOut(List<Element> all, int width, int height) {
        List<Element> texts = all.stream().filter(e -> e.kind().equals("text")).toList();
        List<Element> markers = all.stream().filter(e -> e.annotation() && !e.kind().equals("text")
                && (e.what().equals("Oval") || e.what().equals("Rectangle"))).toList();
        assertThat(texts).hasSizeGreaterThan(10);
        assertThat(markers).hasSizeGreaterThan(10);
        for (int i = 0; i < texts.size(); i++) {
            Element a = texts.get(i);
            assertThat(a.box().getMinX()).as(a.what()).isGreaterThanOrEqualTo(0);
            assertThat(a.box().getMinY()).as(a.what()).isGreaterThanOrEqualTo(0);
            assertThat(a.box().getMaxX()).as(a.what()).isLessThanOrEqualTo(width);
            assertThat(a.box().getMaxY()).as(a.what()).isLessThanOrEqualTo(height);
            for (int j = i + 1; j < texts.size(); j++) {
                assertThat(a.box().intersects(texts.get(j).box())).as(a.what() + " and " + texts.get(j).what())
                        .isFalse();
            }
            for (Element m : markers) {
                assertThat(a.box().intersects(m.box())).as(a.what() + " over " + m.what() + " " + m.box()).isFalse();
            }
        }
    }
}
