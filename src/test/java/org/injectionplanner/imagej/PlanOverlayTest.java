package org.injectionplanner.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.process.ByteProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.PolygonShape;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.safety.Severity;
import org.injectionplanner.scene.PlanScene;
import org.injectionplanner.scene.PlanStyle;
import org.injectionplanner.scene.SceneOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan overlay and the ROI conversions, headless on a small stack. */
class PlanOverlayTest {

    private static final String SOP = "2.25.42";
    private static final MeasuredCalibration CAL =
            new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, 0.1, 0.05, 0, 0.0);

    @TempDir
    Path dir;

    private static ImagePlus stack(int frames) {
        ImageStack s = new ImageStack(200, 150);
        for (int i = 0; i < frames; i++) {
            s.addSlice(new ByteProcessor(200, 150));
        }
        ImagePlus imp = new ImagePlus("test", s);
        imp.setProp(UltrasoundImages.PROP_SOP_UID, SOP);
        return imp;
    }

    private static SessionPlan plan() {
        SessionPlan p = SessionPlan.newDraft(UUID.randomUUID(), 1, LocalDate.of(2026, 11, 26), "test")
                .withImage(new PlanImage(SOP, "2.25.1", "2.25.2", "test", 4, null, null, null));
        p = p.withTarget(new Target(UUID.randomUUID(), 1, "T1", "supraspinous", Side.MIDLINE, SpinalLevel.L4_L5,
                new ImageRef(SOP, 2), new PixelPoint(50, 60), null, "", CAL));
        p = p.withTarget(new Target(UUID.randomUUID(), 2, "T2", "iliolumbar", Side.LEFT, SpinalLevel.L5,
                new ImageRef(SOP, 4), new PixelPoint(80, 90), null, "", MeasuredCalibration.UNCALIBRATED));
        p = p.withZone(new NerveZone(UUID.randomUUID(), 1, ZoneKind.NERVE, "nerve", new ImageRef(SOP, 2),
                new EllipseShape(new PixelPoint(120, 70), 12, 8, 30), 5, CAL));
        p = p.withZone(new NerveZone(UUID.randomUUID(), 2, ZoneKind.VESSEL, "vessel", new ImageRef(SOP, 4),
                new PolygonShape(List.of(new PixelPoint(10, 10), new PixelPoint(40, 10), new PixelPoint(25, 30))), 3,
                MeasuredCalibration.UNCALIBRATED));
        return p;
    }

    @Test
    void annotationsShowOnlyOnTheirFrameAndUncalibratedZonesHaveNoMargin() {
        ImagePlus imp = stack(4);
        SessionPlan plan = plan();
        List<Roi> rois = PlanOverlay.build(imp, plan, null, null);
        NerveZone calibrated = plan.zones().get(0);
        NerveZone uncalibrated = plan.zones().get(1);
        long calibratedParts = rois.stream()
                .filter(r -> calibrated.id().toString().equals(r.getProperty(PlanOverlay.PROP_ID))).count();
        long uncalibratedParts = rois.stream()
                .filter(r -> uncalibrated.id().toString().equals(r.getProperty(PlanOverlay.PROP_ID))).count();
        assertThat(calibratedParts).as("fill, outline, margin, label").isEqualTo(4);
        assertThat(uncalibratedParts).as("fill, outline, label; no margin").isEqualTo(3);
        for (Roi r : rois) {
            String id = r.getProperty(PlanOverlay.PROP_ID);
            if (id == null) {
                continue;
            }
            int expected = plan.target(UUID.fromString(id)).map(t -> t.image().frame())
                    .orElseGet(() -> plan.zone(UUID.fromString(id)).orElseThrow().image().frame());
            assertThat(r.getPosition()).isEqualTo(expected);
        }
        assertThat(rois.stream().filter(r -> r instanceof ij.gui.TextRoi).map(r -> ((ij.gui.TextRoi) r).getText()))
                .anyMatch(t -> t.contains("uncalibrated"))
                .anyMatch(t -> t.contains("3.0 mm"));
    }

    @Test
    void labelsOfAnnotationsNearTheRightEdgeStayWithinTheImage() {
        SessionPlan plan = plan();
        Target nearEdge = new Target(UUID.randomUUID(), 3, "T3", "iliolumbar", Side.RIGHT, SpinalLevel.L5,
                new ImageRef(SOP, 2), new PixelPoint(192, 100), null, "", CAL);
        plan = plan.withTarget(nearEdge).withZone(new NerveZone(UUID.randomUUID(), 3, ZoneKind.NERVE,
                "branch near the edge", new ImageRef(SOP, 2), new EllipseShape(new PixelPoint(185, 40), 8, 6, 0), 2,
                CAL));
        plan = plan.withInjection(Injection.fromPreset(nearEdge.id(), ClinicSettings.defaults().presets().get(0))
                .withPath(new NeedlePath(new PixelPoint(196, 5), CAL)));
        List<Roi> rois = PlanOverlay.build(stack(4), plan, null, null);
        List<ij.gui.TextRoi> labels = rois.stream().filter(r -> r instanceof ij.gui.TextRoi)
                .map(r -> (ij.gui.TextRoi) r).toList();
        assertThat(labels).hasSizeGreaterThanOrEqualTo(6);
        for (ij.gui.TextRoi label : labels) {
            assertThat(label.getXBase()).as(label.getText()).isGreaterThanOrEqualTo(0);
            if (label.getFloatWidth() <= 200) {
                assertThat(label.getXBase() + label.getFloatWidth()).as(label.getText()).isLessThanOrEqualTo(200);
            } else {
                assertThat(label.getXBase()).as("wider than the image: " + label.getText()).isZero();
            }
        }
    }

    @Test
    void targetsZonesAndMarginsAreDrawnInDistinctStyles() {
        SessionPlan plan = plan();
        List<Roi> rois = PlanOverlay.build(stack(4), plan, null, null);
        List<Roi> target = parts(rois, plan.targets().get(0).id());
        List<Roi> zone = parts(rois, plan.zones().get(0).id());
        PlanStyle style = PlanStyle.CURRENT;
        assertThat(target).extracting(Roi::getFillColor).contains(style.target());
        Roi outline = zone.stream().filter(r -> style.zone().equals(r.getStrokeColor())).findFirst().orElseThrow();
        Roi margin = zone.stream()
                .filter(r -> style.margin().equals(r.getStrokeColor()) && !(r instanceof ij.gui.TextRoi))
                .findFirst().orElseThrow();
        assertThat(List.of(style.target(), style.zone(), style.margin())).doesNotHaveDuplicates();
        assertThat(margin.getStrokeWidth()).as("the margin is thinner than the zone's outline")
                .isLessThan(outline.getStrokeWidth());
        assertThat(margin.getFillColor()).as("only the zone is filled").isNull();
        assertThat(zone).extracting(Roi::getFillColor).anyMatch(c -> c != null && c.getAlpha() < 255);
    }

    @Test
    void eachMarkOfTheFramesSceneIsOneRoiAndLabelsMeasureAsImageJsTextRois() {
        SessionPlan plan = plan();
        Target t1 = plan.targets().get(0);
        // a steep in-plane path from above: an insertion-angle warning, drawn dashed
        plan = plan.withInjection(Injection.fromPreset(t1.id(), ClinicSettings.defaults().presets().get(0))
                .withPath(new NeedlePath(new PixelPoint(52, 5), CAL)));
        SafetyReport report = SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(), null));
        assertThat(report.worstPathFinding(t1.id())).get().extracting(f -> f.severity()).isEqualTo(Severity.WARNING);
        ImagePlus imp = stack(4);
        List<Roi> rois = PlanOverlay.build(imp, plan, report, null);
        List<PlanScene.Mark> marks = new ArrayList<>();
        for (int frame = 1; frame <= 4; frame++) {
            PlanScene scene = PlanScene.of(plan, report, new ImageRef(SOP, frame), 200, 150, null, PlanStyle.CURRENT,
                    PlanOverlay.options(imp).withCine(new SceneOptions.CineFrames(4, frame, List.of(2, 4))));
            marks.addAll(scene.guides());
            marks.addAll(scene.marks());
        }
        assertThat(rois).hasSameSizeAs(marks);
        for (int i = 0; i < rois.size(); i++) {
            Roi roi = rois.get(i);
            PlanScene.Mark mark = marks.get(i);
            assertThat(roi.getProperty(PlanOverlay.PROP_ID))
                    .isEqualTo(mark.annotationId() == null ? null : mark.annotationId().toString());
            if (mark instanceof PlanScene.Label label) {
                ij.gui.TextRoi text = (ij.gui.TextRoi) roi;
                assertThat(text.getFloatWidth()).as(label.text()).isEqualTo(label.width());
                assertThat(text.getFloatHeight()).as(label.text()).isEqualTo(label.height());
                assertThat(text.getXBase()).isEqualTo(label.x());
            }
            if (mark instanceof PlanScene.Line line && line.width() == PlanStyle.PATH_WIDTH) {
                assertThat(roi).isInstanceOf(ij.gui.Line.class);
                assertThat(roi.getStroke().getDashArray()).as("the warning's path is dashed").isNotNull();
                assertThat(roi.getStrokeColor()).isEqualTo(line.colour()).isEqualTo(PlanStyle.CURRENT.warning());
            }
        }
    }

    @Test
    void everyFrameOfAStackShowsTheStripOfAnnotatedFramesAndTheCurrentOne() {
        ImagePlus imp = stack(4);
        SessionPlan plan = plan();
        List<Roi> rois = PlanOverlay.build(imp, plan, null, null);
        for (int slice = 1; slice <= 4; slice++) {
            int s = slice;
            List<Roi> guides = rois.stream()
                    .filter(r -> r.getPosition() == s && r.getProperty(PlanOverlay.PROP_ID) == null)
                    .toList();
            // the band, a cell for each of frames 2 and 4, the pointer at the frame shown
            List<Roi> filled = guides.stream().filter(r -> r.getFillColor() != null).toList();
            assertThat(filled).as("slice " + slice).hasSizeGreaterThanOrEqualTo(4);
            Roi pointer = filled.stream().filter(r -> PlanStyle.CURRENT.selected().equals(r.getFillColor()))
                    .findFirst().orElseThrow();
            // 200 px less 2 px at each end, in 4 cells of 49 px: the current one centred at 2 + (s − 0.5) × 49
            assertThat(pointer.getBounds().getCenterX()).as("slice " + slice).isCloseTo(2 + (s - 0.5) * 49,
                    org.assertj.core.api.Assertions.within(1.0));
            assertThat(filled.stream().filter(r -> PlanStyle.CURRENT.target().equals(r.getFillColor())))
                    .extracting(r -> (int) Math.round(r.getBounds().getX()))
                    .containsExactlyInAnyOrder(2 + 49, 2 + 3 * 49);
        }
        assertThat(rois).filteredOn(r -> r.getPosition() == 1 || r.getPosition() == 3)
                .allMatch(r -> r.getProperty(PlanOverlay.PROP_ID) == null, "no annotation on frames 1 and 3");
    }

    @Test
    void theRoisOfATargetWithAnOverriddenViolationAreNamedWithItsReason() {
        SessionPlan plan = plan();
        Target inZone = new Target(UUID.randomUUID(), 3, "T3", "iliolumbar", Side.LEFT, SpinalLevel.L5,
                new ImageRef(SOP, 2), new PixelPoint(120, 70), null, "", CAL);
        plan = plan.withTarget(inZone);
        SafetyReport before = SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(), null));
        for (org.injectionplanner.safety.Finding f : before.about(inZone.id())) {
            if (f.severity() == Severity.VIOLATION) {
                plan = plan.withOverride(new org.injectionplanner.plan.FindingOverride(f.key(), f.measured(),
                        "branch retracted", "Dr A", java.time.OffsetDateTime.parse("2026-11-26T09:30:00+01:00")));
            }
        }
        assertThat(before.about(inZone.id())).anyMatch(f -> f.severity() == Severity.VIOLATION);
        SafetyReport report = SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(), null));
        List<Roi> rois = PlanOverlay.build(stack(4), plan, report, null);
        assertThat(parts(rois, inZone.id())).isNotEmpty()
                .allMatch(r -> r.getName() != null && r.getName().equals("T3 (Iliolumbar ligament): overridden — branch retracted"));
        assertThat(parts(rois, plan.targets().get(0).id())).allMatch(r -> r.getName() == null);
        assertThat(parts(rois, inZone.id())).filteredOn(r -> r instanceof ij.gui.TextRoi)
                .extracting(r -> ((ij.gui.TextRoi) r).getText().strip())
                .allMatch(t -> t.endsWith("· overridden") && !t.contains("VIOLATION"));
    }

    private static List<Roi> parts(List<Roi> rois, UUID id) {
        return rois.stream().filter(r -> id.toString().equals(r.getProperty(PlanOverlay.PROP_ID))).toList();
    }

    @Test
    void redrawingReplacesOnlyThePlansElementsEvenWhereAnotherElementLooksTheSame() {
        ImagePlus imp = stack(4);
        SessionPlan plan = plan();
        Overlay ov = new Overlay();
        OvalRoi lookalike = new OvalRoi(44, 54, 12, 12);
        ov.add(lookalike);
        imp.setOverlay(ov);
        PlanOverlay.render(imp, plan, null, null);
        int planElements = PlanOverlay.build(imp, plan, null, null).size();
        PlanOverlay.render(imp, plan, null, null);
        PlanOverlay.render(imp, plan, null, plan.targets().get(0).id());
        Roi[] after = imp.getOverlay().toArray();
        assertThat(after).hasSize(1 + planElements);
        assertThat(after[0]).isSameAs(lookalike);
        assertThat(Arrays.stream(after).skip(1)).allMatch(r -> "true".equals(r.getProperty(PlanOverlay.MARK)));
        PlanOverlay.render(imp, null, null, null);
        assertThat(imp.getOverlay().toArray()).containsExactly(lookalike);
    }

    @Test
    void roiSetKeepsEveryAnnotationsFrameAndName() throws Exception {
        Path zip = dir.resolve("RoiSet.zip");
        PlanRois.writeZip(PlanRois.toRois(plan()), zip);
        List<String> read = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Roi roi = RoiDecoder.openFromByteArray(in.readAllBytes());
                read.add(roi.getName() + " t" + roi.getTPosition() + " f" + roi.getProperty(PlanRois.PROP_FRAME)
                        + " " + roi.getProperty(PlanRois.PROP_KIND));
            }
        }
        assertThat(read).containsExactly("T1 T1 t2 f2 target", "T2 T2 t4 f4 target", "Z1 nerve t2 f2 zone",
                "Z2 vessel t4 f4 zone");
    }

    @Test
    void imageJRoisBecomeTargetsAndZones() {
        ImagePlus imp = stack(3);
        PointRoi points = new PointRoi(new float[] {5, 15}, new float[] {6, 16}, 2);
        points.setPosition(3);
        assertThat(PlanRois.points(points)).containsExactly(new PixelPoint(5, 6), new PixelPoint(15, 16));
        assertThat(PlanRois.frameOf(points, imp, 1)).isEqualTo(3);
        ZoneShape oval = PlanRois.shape(new OvalRoi(10, 20, 30, 40));
        assertThat(oval).isInstanceOf(PolygonShape.class);
        assertThat(oval.contains(new PixelPoint(25, 40))).isTrue();
        assertThat(oval.contains(new PixelPoint(11, 21))).isFalse();
        assertThat(PlanRois.shape(new ij.gui.Line(0, 0, 10, 10))).isNull();
    }
}
