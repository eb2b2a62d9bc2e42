package org.injectionplanner.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.injectionplanner.plan.PlanFixtures.p;

import java.awt.Color;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.Laterality;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.Needle;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.StructureCatalogue;
import org.injectionplanner.plan.StructureKind;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.safety.Severity;
import org.junit.jupiter.api.Test;

/** What a plan's scene holds: marks per annotation on its frame, styled by the worst finding. */
class PlanSceneTest {

    private static final MeasuredCalibration CAL = PlanFixtures.region(0, 0.1, 0.1);
    private static final ImageRef FRAME = new ImageRef(PlanFixtures.IMAGE.sopInstanceUid(), 1);
    private static final PlanStyle STYLE = PlanStyle.CURRENT;

    /**
     * On a 600 × 400 image at 0.1 mm/px: Z1 a nerve about (300, 200), 2 mm margin; T1 inside it (a violation,
     * its path too); T2 4 mm deep, far from it, with a clear path from the skin (2 mm below the skin line: within
     * the tolerance) and a 90 mm needle; T3 with an in-plane path steeper than
     * 30° (a warning about the path); T4 on frame 2.
     */
    private static SessionPlan plan() {
        Target t1 = PlanFixtures.target(1, 300, 200, CAL);
        Target t2 = PlanFixtures.target(2, 100, 40, CAL);
        Target t3 = PlanFixtures.target(3, 500, 300, CAL);
        Target t4 = PlanFixtures.target(4, new ImageRef(PlanFixtures.IMAGE.sopInstanceUid(), 2), 50, 50, CAL);
        Injection steep = PlanFixtures.injection(t3, PlanFixtures.path(480, 20, CAL));
        steep = steep.prescribed(Approach.IN_PLANE, new Needle(22, 88.9), steep.solution(), steep.volumeMl());
        return PlanFixtures.draft().withTarget(t1).withTarget(t2).withTarget(t3).withTarget(t4)
                .withZone(PlanFixtures.zone(1, new EllipseShape(p(300, 200), 40, 20, 0), 2, CAL))
                .withInjection(PlanFixtures.injection(t1, PlanFixtures.path(300, 20, CAL)))
                .withInjection(PlanFixtures.injection(t2, PlanFixtures.path(20, 20, CAL)))
                .withInjection(steep);
    }

    private static SafetyReport report(SessionPlan plan) {
        return SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(), null));
    }

    private static <M extends PlanScene.Mark> List<M> marks(PlanScene scene, UUID id, Class<M> type) {
        return scene.marks().stream().filter(m -> m.annotationId().equals(id)).filter(type::isInstance)
                .map(type::cast).toList();
    }

    @Test
    void aViolationIsThickSolidAndCrossedAWarningDashedAClearPathThinAndSolid() {
        SessionPlan plan = plan();
        SafetyReport report = report(plan);
        PlanScene scene = PlanScene.of(plan, report, FRAME, 600, 400, null, STYLE);
        UUID t1 = plan.targets().get(0).id();
        UUID t2 = plan.targets().get(1).id();
        UUID t3 = plan.targets().get(2).id();
        assertThat(report.worstPathFinding(t3)).get().extracting(f -> f.check()).isEqualTo("insertion-angle");

        PlanScene.Line violated = marks(scene, t1, PlanScene.Line.class).get(0);
        assertThat(violated.colour()).isEqualTo(STYLE.violation());
        assertThat(violated.dash()).isEqualTo(PlanStyle.Dash.SOLID);
        assertThat(violated.width()).isEqualTo(PlanStyle.VIOLATION_PATH_WIDTH);
        assertThat(marks(scene, t1, PlanScene.Cross.class)).singleElement()
                .satisfies(c -> assertThat(c.centre()).isEqualTo(new PixelPoint(300, 200)));
        assertThat(marks(scene, t1, PlanScene.Label.class)).anyMatch(l -> l.text().endsWith("· VIOLATION"));

        PlanScene.Line clear = marks(scene, t2, PlanScene.Line.class).get(0);
        assertThat(clear.colour()).isEqualTo(STYLE.clear());
        assertThat(clear.dash()).isEqualTo(PlanStyle.Dash.SOLID);
        assertThat(clear.width()).isLessThan(violated.width());
        assertThat(marks(scene, t2, PlanScene.Cross.class)).isEmpty();

        PlanScene.Line warned = marks(scene, t3, PlanScene.Line.class).get(0);
        assertThat(warned.colour()).isEqualTo(STYLE.warning());
        assertThat(warned.dash()).isEqualTo(PlanStyle.Dash.DASHED);
        assertThat(marks(scene, t3, PlanScene.Cross.class)).isEmpty();
        assertThat(marks(scene, t3, PlanScene.Label.class)).anyMatch(l -> l.text().endsWith("· warning"));
    }

    @Test
    void onlyTheFramesAnnotationsAreInItsScene() {
        SessionPlan plan = plan();
        PlanScene first = PlanScene.of(plan, null, FRAME, 600, 400, null, STYLE);
        PlanScene second = PlanScene.of(plan, null, new ImageRef(FRAME.sopInstanceUid(), 2), 600, 400, null, STYLE);
        UUID t4 = plan.targets().get(3).id();
        assertThat(first.marks()).noneMatch(m -> m.annotationId().equals(t4));
        assertThat(second.marks()).allMatch(m -> m.annotationId().equals(t4)).hasSize(3);
        assertThat(PlanScene.of(plan, null, new ImageRef("2.25.999", 1), 600, 400, null, STYLE).marks()).isEmpty();
    }

    @Test
    void withoutFindingsPathsAreInTheTargetColourAndNothingIsCrossed() {
        SessionPlan plan = plan();
        PlanScene scene = PlanScene.of(plan, null, FRAME, 600, 400, null, STYLE);
        assertThat(scene.marks()).filteredOn(m -> m instanceof PlanScene.Line)
                .allMatch(m -> ((PlanScene.Line) m).colour().equals(STYLE.target()));
        assertThat(scene.marks()).noneMatch(m -> m instanceof PlanScene.Cross);
    }

    @Test
    void theSelectedAnnotationIsHighlighted() {
        SessionPlan plan = plan();
        UUID z1 = plan.zones().get(0).id();
        PlanScene scene = PlanScene.of(plan, null, FRAME, 600, 400, z1, STYLE);
        assertThat(marks(scene, z1, PlanScene.Outline.class)).anyMatch(o -> STYLE.selected().equals(o.stroke())
                && o.width() == PlanStyle.SELECTED_ZONE_WIDTH);
        assertThat(marks(scene, z1, PlanScene.Label.class)).singleElement()
                .satisfies(l -> assertThat(l.colour()).isEqualTo(STYLE.selected()));
    }

    @Test
    void labelsStayWithinTheImagesWidth() {
        // T3 at x = 500: on the narrower images its labels run past the right edge, and are drawn left of it
        SessionPlan plan = plan();
        for (int width : new int[] {510, 560, 600}) {
            PlanScene scene = PlanScene.of(plan, report(plan), FRAME, width, 400, null, STYLE);
            assertThat(scene.marks()).filteredOn(m -> m instanceof PlanScene.Label).map(m -> (PlanScene.Label) m)
                    .allSatisfy(l -> {
                        assertThat(l.x()).as(l.text()).isGreaterThanOrEqualTo(0);
                        assertThat(l.x() + l.width()).as(l.text()).isLessThanOrEqualTo(width);
                    });
        }
    }

    @Test
    void theScaleBarIsARoundLengthFromTheFramesCalibration() {
        SessionPlan plan = plan();
        PlanScene.ScaleBar bar = PlanScene.of(plan, null, FRAME, 600, 400, null, STYLE).scaleBar();
        // a fifth of 600 px is 120 px = 12 mm at 0.1 mm/px: 10 mm, 100 px
        assertThat(bar.mm()).isEqualTo(10);
        assertThat(bar.lengthPx()).isCloseTo(100, within(1e-9));
        assertThat(bar.text()).isEqualTo("10 mm");
        assertThat(bar.start().y()).isLessThan(400).isGreaterThan(350);
        SessionPlan uncalibrated = PlanFixtures.draft()
                .withTarget(PlanFixtures.target(1, 10, 10, MeasuredCalibration.UNCALIBRATED));
        assertThat(PlanScene.of(uncalibrated, null, FRAME, 600, 400, null, STYLE).scaleBar()).isNull();
    }

    @Test
    void theMutedStyleIsGreyerThanTheCurrentOne() {
        List<Color> current = colours(PlanStyle.CURRENT);
        List<Color> muted = colours(PlanStyle.MUTED);
        for (int i = 0; i < current.size(); i++) {
            assertThat(saturation(muted.get(i))).isLessThan(saturation(current.get(i)));
            assertThat(muted.get(i).getAlpha()).isEqualTo(current.get(i).getAlpha());
        }
        SessionPlan plan = plan();
        PlanScene scene = PlanScene.of(plan, report(plan), FRAME, 600, 400, null, PlanStyle.MUTED);
        assertThat(scene.marks()).filteredOn(m -> m instanceof PlanScene.Line)
                .anyMatch(m -> ((PlanScene.Line) m).colour().equals(PlanStyle.MUTED.violation()));
    }

    @Test
    void anOverriddenViolationIsAHollowNeutralRingWithATickNeverTheViolationsStyle() {
        SessionPlan plan = plan();
        UUID t1 = plan.targets().get(0).id();
        for (Finding f : report(plan).about(t1)) {
            if (f.severity() == Severity.VIOLATION) {
                plan = plan.withOverride(new FindingOverride(f.key(), f.measured(), "nerve seen moving away",
                        "Dr A", PlanFixtures.AT));
            }
        }
        PlanScene scene = PlanScene.of(plan, report(plan), FRAME, 600, 400, null, STYLE);
        assertThat(marks(scene, t1, PlanScene.Cross.class)).isEmpty();
        assertThat(marks(scene, t1, PlanScene.Disc.class)).extracting(PlanScene.Disc::fill)
                .containsExactly(STYLE.overridden(), STYLE.ink());
        assertThat(marks(scene, t1, PlanScene.Line.class)).filteredOn(l -> l.width() == PlanStyle.TICK_WIDTH)
                .hasSize(2).allMatch(l -> l.colour().equals(STYLE.overridden()));
        PlanScene.Line path = marks(scene, t1, PlanScene.Line.class).get(0);
        assertThat(path.colour()).isEqualTo(STYLE.overridden());
        assertThat(path.dash()).isEqualTo(PlanStyle.Dash.DOTTED);
        assertThat(marks(scene, t1, PlanScene.Label.class)).anyMatch(l -> l.text().endsWith("· overridden"))
                .noneMatch(l -> l.text().contains("VIOLATION"))
                .noneMatch(l -> l.colour().equals(STYLE.violation()));
        assertThat(List.of(STYLE.overridden(), STYLE.violation(), STYLE.warning(), STYLE.clear()))
                .doesNotHaveDuplicates();
    }

    @Test
    void theLabelDetailChoosesWhatLabelsSayAndDepthsSayDeep() {
        SessionPlan plan = plan();
        Target t2 = plan.targets().get(1);
        plan = plan.withTarget(new Target(t2.id(), 2, "R L5 facet", t2.structureId(), t2.side(), t2.level(),
                t2.image(), t2.point(), t2.depthMm(), t2.notes(), t2.calibration()));
        UUID z1 = plan.zones().get(0).id();
        Map<LabelDetail, List<String>> texts = new EnumMap<>(LabelDetail.class);
        for (LabelDetail d : LabelDetail.values()) {
            PlanScene scene = PlanScene.of(plan, null, FRAME, 600, 400, null, STYLE,
                    SceneOptions.DEFAULT.withDetail(d));
            texts.put(d, scene.marks().stream().filter(m -> m instanceof PlanScene.Label l
                    && (l.annotationId().equals(t2.id()) || l.annotationId().equals(z1)))
                    .map(m -> ((PlanScene.Label) m).text()).toList());
        }
        // T2 at row 40, 0.1 mm/px below the skin line at row 0: 4.0 mm deep; its path 2.0 mm across, 2.0 mm down
        assertThat(texts.get(LabelDetail.NUMBER)).containsExactly("#2 T2", "Z1");
        assertThat(texts.get(LabelDetail.NAME)).containsExactly("#2 T2 R L5 facet", "Z1 nerve 1");
        assertThat(texts.get(LabelDetail.FULL)).containsExactly(
                "#2 T2 R L5 facet · Iliolumbar ligament · 4.0 mm deep", "#2 8.3 mm · 14°",
                "Z1 nerve 1 (margin 2.0 mm)");
    }

    @Test
    void fullLabelsNameTheStructureByTheCatalogueOfTheOptionsOnceAndNeverByItsId() {
        SessionPlan plan = plan();
        Target t2 = plan.targets().get(1);
        Target t3 = plan.targets().get(2);
        Structure added = new Structure("clinic-bursa", "Trochanteric bursa", StructureKind.OTHER, null, null,
                Laterality.PAIRED, false, List.of(), true);
        plan = plan.withTarget(t2.describedAs("left ILIOLUMBAR LIGAMENT upper", "iliolumbar", t2.side(), t2.level(),
                "")).withTarget(t3.describedAs("", "clinic-bursa", t3.side(), null, ""));
        SceneOptions clinic = SceneOptions.DEFAULT.withStructures(StructureCatalogue.defaults().with(added));
        // T1's label is "T1" (its number): the name alone; T2's label holds the name already; T3 has no label
        assertThat(targetTexts(PlanScene.of(plan, null, FRAME, 600, 400, null, STYLE, clinic))).containsExactly(
                "#1 T1 Iliolumbar ligament · 20.0 mm deep", "#2 T2 left ILIOLUMBAR LIGAMENT upper · 4.0 mm deep",
                "#3 T3 Trochanteric bursa · 30.0 mm deep");
        assertThat(targetTexts(PlanScene.of(plan, null, FRAME, 600, 400, null, STYLE, SceneOptions.DEFAULT)))
                .as("a structure the built-in catalogue lacks: its id, the best there is")
                .contains("#3 T3 clinic-bursa · 30.0 mm deep");
        assertThat(targetTexts(PlanScene.of(plan, null, FRAME, 600, 400, null, STYLE,
                clinic.withDetail(LabelDetail.NAME)))).containsExactly("#1 T1", "#2 T2 left ILIOLUMBAR LIGAMENT upper",
                        "#3 T3");
    }

    private static List<String> targetTexts(PlanScene scene) {
        return scene.marks().stream().filter(m -> m instanceof PlanScene.Label l && l.text().contains(" T"))
                .map(m -> ((PlanScene.Label) m).text()).toList();
    }

    @Test
    void theDepthRulerIsNumberedInMillimetresFromTheSkinLineAndAnUncalibratedFrameSaysSo() {
        SessionPlan plan = plan();
        MeasuredCalibration skinAt50 = new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, 0.1,
                0.1, 0, 50.0);
        PlanScene scene = PlanScene.of(plan, null, FRAME, 600, 400, null, STYLE,
                SceneOptions.DEFAULT.withCalibration(skinAt50));
        // 0.1 mm/px: numbers every 5 mm (50 px, more than two label heights) from row 50 to the bottom, row 399
        // (35 mm would be row 400, below it)
        List<PlanScene.Label> numbers = scene.guides().stream().filter(m -> m instanceof PlanScene.Label l
                && l.x() > 500).map(m -> (PlanScene.Label) m).toList();
        assertThat(numbers).extracting(PlanScene.Label::text).containsExactly("0 mm", "5", "10", "15", "20", "25",
                "30");
        for (int i = 0; i < numbers.size(); i++) {
            PlanScene.Label l = numbers.get(i);
            assertThat(l.y() + l.height() / 2).isCloseTo(50 + 50 * i, within(0.01));
            assertThat(l.x() + l.width()).isLessThan(600 - 8);
        }
        assertThat(scene.guides()).filteredOn(m -> m instanceof PlanScene.Line l && l.from().y() == l.to().y())
                .as("a tick every 2.5 mm, 25 px").hasSize(14);
        assertThat(scene.scaleBar().text()).isEqualTo("10 mm");
        assertThat(scene.labels()).noneMatch(l -> l.text().contains("not calibrated"));

        PlanScene uncalibrated = PlanScene.of(plan, null, FRAME, 600, 400, null, STYLE,
                SceneOptions.DEFAULT.withCalibration(MeasuredCalibration.UNCALIBRATED));
        assertThat(uncalibrated.scaleBar()).isNull();
        assertThat(uncalibrated.guides()).noneMatch(m -> m instanceof PlanScene.Line);
        assertThat(uncalibrated.labels()).extracting(PlanScene.Label::text).contains("not calibrated: no mm scale");
        assertThat(PlanScene.of(plan, null, new ImageRef("2.25.999", 1), 600, 400, null, STYLE).guides())
                .as("a frame without annotations or a known calibration").isEmpty();
    }

    @Test
    void sideMarkersStandAtTheTopCornersLeftOfTheRuler() {
        SessionPlan plan = plan();
        PlanScene scene = PlanScene.of(plan, null, FRAME, 600, 400, null, STYLE,
                SceneOptions.DEFAULT.withOrientation(new ImageOrientation("CRAN", "CAUD")));
        PlanScene.Label left = scene.labels().stream().filter(l -> l.text().equals("CRAN")).findFirst().orElseThrow();
        PlanScene.Label right = scene.labels().stream().filter(l -> l.text().equals("CAUD")).findFirst().orElseThrow();
        assertThat(left.x()).isLessThan(5);
        assertThat(left.y()).as("moved down below T2's entry square at (20, 20)").isGreaterThanOrEqualTo(25)
                .isLessThan(60);
        assertThat(right.y()).isLessThan(5);
        PlanScene.Label zero = scene.labels().stream().filter(l -> l.text().equals("0 mm")).findFirst().orElseThrow();
        assertThat(right.x() + right.width()).isLessThanOrEqualTo(zero.x()).isGreaterThan(500);
        assertThat(left.annotationId()).isNull();
        assertThatThrownBy(() -> new ImageOrientation("R", " ")).hasMessageContaining("names both edges");
    }

    @Test
    void aCinesStripMarksTheAnnotatedFramesAndTheCurrentOne() {
        SessionPlan plan = plan();
        PlanScene scene = PlanScene.of(plan, null, new ImageRef(FRAME.sopInstanceUid(), 3), 600, 400, null, STYLE,
                SceneOptions.DEFAULT.withCine(new SceneOptions.CineFrames(30, 3, List.of(1, 2))));
        assertThat(scene.marks()).as("frame 3 holds no annotation").isEmpty();
        List<PlanScene.Outline> strip = scene.guides().stream().filter(m -> m instanceof PlanScene.Outline)
                .map(m -> (PlanScene.Outline) m).toList();
        // 596 px for 30 frames: cells 19.87 px wide from x = 2, along the bottom
        assertThat(strip).filteredOn(o -> STYLE.target().equals(o.fill())).extracting(o -> o.vertices().get(0).x())
                .containsExactly(2.0, 2 + 596 / 30.0);
        PlanScene.Outline pointer = strip.stream().filter(o -> STYLE.selected().equals(o.fill())).findFirst()
                .orElseThrow();
        assertThat(pointer.vertices().get(2).x()).isCloseTo(2 + 2.5 * 596 / 30.0, within(1e-9));
        assertThat(strip).allMatch(o -> o.vertices().stream().allMatch(v -> v.y() > 380 && v.y() <= 400));
        assertThatThrownBy(() -> new SceneOptions.CineFrames(30, 31, List.of()))
                .hasMessageContaining("out of range");
    }

    private static List<Color> colours(PlanStyle s) {
        return List.of(s.target(), s.zone(), s.zoneFill(), s.margin(), s.selected(), s.violation(), s.warning(),
                s.clear());
    }

    private static float saturation(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[1];
    }

    @Test
    void zoneOutlinesAreDrawnWithFewerVerticesWithinTheTolerance() {
        List<PixelPoint> outline = new EllipseShape(new PixelPoint(100, 80), 30, 20, 25).outline();
        List<PixelPoint> drawn = Outlines.simplified(outline, Outlines.DRAWING_TOLERANCE_PX);
        assertThat(drawn.size()).isLessThan(outline.size() / 2);
        assertThat(outline).containsAll(drawn);
        for (PixelPoint q : outline) {
            double nearest = Double.MAX_VALUE;
            for (int i = 0; i < drawn.size(); i++) {
                nearest = Math.min(nearest, segmentDistance(q, drawn.get(i), drawn.get((i + 1) % drawn.size())));
            }
            assertThat(nearest).isLessThanOrEqualTo(Outlines.DRAWING_TOLERANCE_PX);
        }
        List<PixelPoint> box = List.of(new PixelPoint(0, 0), new PixelPoint(10, 0), new PixelPoint(20, 0),
                new PixelPoint(20, 10), new PixelPoint(0, 10));
        assertThat(Outlines.simplified(box, 0.05)).containsExactly(new PixelPoint(0, 0), new PixelPoint(20, 0),
                new PixelPoint(20, 10), new PixelPoint(0, 10));
    }

    private static double segmentDistance(PixelPoint q, PixelPoint a, PixelPoint b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double t = Math.max(0, Math.min(1, ((q.x() - a.x()) * dx + (q.y() - a.y()) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(q.x() - a.x() - t * dx, q.y() - a.y() - t * dy);
    }
}
