package org.injectionplanner.imagej;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanEditor;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;
import org.junit.jupiter.api.Test;

/** Import Plan Annotations from ROIs: one undoable step, all or nothing. Headless on a small stack. */
class ImportPlanRoisTest {

    private static final String SOP = "2.25.4242";
    private static final ClinicSettings SETTINGS = ClinicSettings.defaults();
    private static final TargetFields FIELDS = new TargetFields(SETTINGS.catalogue().require("supraspinous"),
            Side.MIDLINE, SpinalLevel.L4_L5, "");

    private static ImagePlus stack() {
        ImageStack s = new ImageStack(200, 150);
        for (int i = 0; i < 3; i++) {
            s.addSlice(new ByteProcessor(200, 150));
        }
        ImagePlus imp = new ImagePlus("import", s);
        imp.setProp(UltrasoundImages.PROP_SOP_UID, SOP);
        return imp;
    }

    private static PlanEditor editor() {
        return new PlanEditor(SessionPlan.newDraft(UUID.randomUUID(), 1, LocalDate.of(2026, 11, 26), "test"));
    }

    /** The ROI on a stack slice, named unless name is null (then it keeps its own name). */
    private static Roi onFrame(Roi roi, int frame, String name) {
        roi.setPosition(frame);
        if (name != null) {
            roi.setName(name);
        }
        return roi;
    }

    private static PolygonRoi polygon(String name, float... xy) {
        float[] xs = new float[xy.length / 2];
        float[] ys = new float[xy.length / 2];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = xy[2 * i];
            ys[i] = xy[2 * i + 1];
        }
        PolygonRoi roi = new PolygonRoi(xs, ys, Roi.POLYGON);
        roi.setName(name);
        return roi;
    }

    private static ImportPlanRoisCommand.Imported importRois(PlanEditor editor, List<Roi> rois) {
        return ImportPlanRoisCommand.importRois(editor, stack(), rois, FIELDS, ZoneKind.NERVE, 4.0,
                SETTINGS.defaultPreset());
    }

    @Test
    void allRoisBecomeOneUndoableEdit() {
        PlanEditor editor = editor();
        SessionPlan before = editor.plan();
        PointRoi points = new PointRoi(new float[] {20, 40}, new float[] {30, 50}, 2);
        List<Roi> rois = List.of(onFrame(points, 2, "points"),
                onFrame(polygon("nerve root", 100, 20, 140, 20, 120, 60), 3, null),
                onFrame(new OvalRoi(150, 100, 30, 20), 1, "vessel"),
                onFrame(new Line(10, 140, 60, 140), 1, "a line"));

        ImportPlanRoisCommand.Imported done = importRois(editor, rois);

        assertThat(done).isEqualTo(new ImportPlanRoisCommand.Imported(2, 2, 1));
        SessionPlan after = editor.plan();
        assertThat(after.targets()).extracting(Target::number).containsExactly(1, 2);
        assertThat(after.targets()).extracting(t -> t.image().frame()).containsExactly(2, 2);
        assertThat(after.targets()).extracting(Target::point)
                .containsExactly(new PixelPoint(20, 30), new PixelPoint(40, 50));
        assertThat(after.injections()).extracting(i -> after.targetOf(i).number()).containsExactly(1, 2);
        assertThat(after.zones()).extracting(NerveZone::number).containsExactly(1, 2);
        assertThat(after.zones()).extracting(NerveZone::name).containsExactly("nerve root", "vessel");
        assertThat(after.zones()).extracting(z -> z.image().frame()).containsExactly(3, 1);
        assertThat(after.zones()).extracting(NerveZone::marginMm).containsExactly(4.0, 4.0);
        assertThat(editor.undoDescription()).isEqualTo("Import 2 targets and 2 zones from ROIs");

        assertThat(editor.undo()).isTrue();
        assertThat(editor.plan()).as("one undo takes the whole import back").isEqualTo(before);
        assertThat(editor.canUndo()).isFalse();
        assertThat(editor.redo()).isTrue();
        assertThat(editor.plan()).isEqualTo(after);
    }

    @Test
    void oneBadRoiImportsNothingAndIsNamed() {
        PlanEditor editor = editor();
        SessionPlan before = editor.plan();
        List<PlanEditor.Change> heard = new ArrayList<>();
        editor.addListener(heard::add);
        List<Roi> rois = List.of(onFrame(new PointRoi(20, 30), 1, "good point"),
                onFrame(polygon("zone", 100, 20, 140, 20, 120, 60), 1, null),
                onFrame(new PointRoi(250, 30), 1, "off the image"));

        assertThatThrownBy(() -> importRois(editor, rois)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ROI 3 of 3 \"off the image\" (Point): point (250.0, 30.0) is outside")
                .hasMessageEndingWith("Nothing was imported.");
        assertThat(editor.plan()).isEqualTo(before);
        assertThat(editor.canUndo()).isFalse();
        assertThat(heard).isEmpty();

        List<Roi> crossing = List.of(onFrame(new PointRoi(20, 30), 1, "good point"),
                onFrame(polygon("bow tie", 10, 10, 60, 60, 60, 10, 10, 60), 2, null));
        assertThatThrownBy(() -> importRois(editor, crossing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ROI 2 of 2 \"bow tie\" (Polygon): ");
        assertThat(editor.plan()).isEqualTo(before);

        List<Roi> badFrame = List.of(onFrame(new PointRoi(20, 30), 7, "late"));
        assertThatThrownBy(() -> importRois(editor, badFrame))
                .hasMessageContaining("ROI 1 of 1 \"late\" (Point): frame 7 is outside");
        assertThat(editor.plan()).isEqualTo(before);
    }
}
