package org.injectionplanner.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.ImageSides;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.PatientDirection;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.junit.jupiter.api.Test;

/**
 * The image checks: a target's side against the half of a transverse image it lies on (each side, the band
 * around the midline, a midline target, a longitudinal image, unknown sides) and its level against the levels
 * the series description names.
 */
class ImageChecksTest {

    private static final String UID = "2.25.900";
    private static final PlanImage IMAGE = new PlanImage(UID, "2.25.901", "2.25.902", "transverse L4-L5 (40 frames)",
            40, null, null, null);
    /** 0.1 mm a pixel. */
    private static final MeasuredCalibration CAL = PlanFixtures.region(0, 0.1, 0.1);
    /** The left edge faces the patient's right (viewed from the feet); the midline at x = 400. */
    private static final ImageSides CONVENTIONAL = new ImageSides(PatientDirection.RIGHT, 400.0,
            ImageSides.Source.PHYSICIAN, "Dr A");

    private static Target target(int number, Side side, SpinalLevel level, double x, MeasuredCalibration cal) {
        PixelPoint p = new PixelPoint(x, 200);
        return new Target(PlanFixtures.id("target", number), number, "T" + number, "thoracolumbar-fascia", side,
                level, new ImageRef(UID, 1), p, cal.depthMm(p), "", cal);
    }

    private static SessionPlan plan(ImageSides sides, Target... targets) {
        SessionPlan plan = SessionPlan.newDraft(PlanFixtures.COURSE, 1, PlanFixtures.DATE, "Dr A").withImage(IMAGE);
        plan = PlanEdits.setImageSides(IMAGE, sides).applyTo(plan);
        for (Target t : targets) {
            plan = plan.withTarget(t);
        }
        return plan;
    }

    private static List<Finding> findings(SessionPlan plan, String check) {
        return SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(), null)).findings().stream()
                .filter(f -> f.check().equals(check)).toList();
    }

    @Test
    void aTargetOnTheOtherHalfFromItsSideIsAWarning() {
        // T1 Left at x = 700 (the half whose edge is marked L): agrees; T2 Left at x = 100 (edge R): disagrees
        Target agrees = target(1, Side.LEFT, null, 700, CAL);
        Target wrong = target(2, Side.LEFT, null, 100, CAL);
        List<Finding> found = findings(plan(CONVENTIONAL, agrees, wrong), "image-side");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.key()).isEqualTo("image-side/" + wrong.id());
            assertThat(f.targetId()).isEqualTo(wrong.id());
            assertThat(f.measured()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f.unit()).isEqualTo("mm");
            assertThat(f.message()).isEqualTo("T2 (Thoracolumbar fascia): the side is Left, but it lies 30.0 mm "
                    + "from the midline on the half "
                    + "of the image marked R (patient right; image sides left edge R, right edge L, midline at "
                    + "x = 400.0 (set by Dr A)): correct the side or the image's orientation");
        });
        // the same image flipped (left edge L): now T1 is wrong, T2 right; a Right target mirrors it
        ImageSides flipped = new ImageSides(PatientDirection.LEFT, 400.0, ImageSides.Source.PHYSICIAN, "Dr A");
        assertThat(findings(plan(flipped, agrees, wrong), "image-side")).extracting(Finding::targetId)
                .containsExactly(agrees.id());
        Target right = target(3, Side.RIGHT, null, 100, CAL);
        assertThat(findings(plan(CONVENTIONAL, right), "image-side")).isEmpty();
        assertThat(findings(plan(flipped, right), "image-side")).extracting(Finding::targetId)
                .containsExactly(right.id());
    }

    @Test
    void theMidlineItsBandAndMidlineTargetsAreNotJudged() {
        // 29 px = 2.9 mm right of the midline: within the 3 mm band; 31 px = 3.1 mm: beyond it
        assertThat(findings(plan(CONVENTIONAL, target(1, Side.RIGHT, null, 429, CAL)), "image-side")).isEmpty();
        assertThat(findings(plan(CONVENTIONAL, target(1, Side.RIGHT, null, 431, CAL)), "image-side")).hasSize(1);
        assertThat(findings(plan(CONVENTIONAL, target(1, Side.MIDLINE, null, 100, CAL)), "image-side")).isEmpty();
        // a midline set on the spinous process of a view that is not centred moves the halves
        ImageSides offCentre = new ImageSides(PatientDirection.RIGHT, 150.0, ImageSides.Source.PHYSICIAN, "Dr A");
        assertThat(findings(plan(offCentre, target(1, Side.LEFT, null, 300, CAL)), "image-side")).isEmpty();
        // uncalibrated: a band of 10 px, the distance in px
        MeasuredCalibration none = MeasuredCalibration.UNCALIBRATED;
        assertThat(findings(plan(CONVENTIONAL, target(1, Side.LEFT, null, 391, none)), "image-side")).isEmpty();
        assertThat(findings(plan(CONVENTIONAL, target(1, Side.LEFT, null, 380, none)), "image-side"))
                .singleElement().satisfies(f -> {
                    assertThat(f.measured()).isNull();
                    assertThat(f.message()).contains("lies 20 px from the midline on the half of the image marked R");
                });
    }

    @Test
    void aLongitudinalImageSaysNothingAboutSides() {
        ImageSides longitudinal = new ImageSides(PatientDirection.CRANIAL, null, ImageSides.Source.DICOM_HEADER,
                "Patient Orientation (0020,0020) \"F\\A\"");
        assertThat(findings(plan(longitudinal, target(1, Side.LEFT, null, 100, CAL),
                target(2, Side.RIGHT, null, 700, CAL)), "image-side")).isEmpty();
    }

    @Test
    void unknownSidesGiveOneNotePerImageNamingItsLateralTargets() {
        SessionPlan plan = plan(null, target(1, Side.LEFT, null, 100, CAL), target(2, Side.RIGHT, null, 700, CAL),
                target(3, Side.MIDLINE, null, 400, CAL));
        assertThat(findings(plan, "image-side")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.NOTE);
            assertThat(f.key()).isEqualTo("image-side/unknown/" + UID);
            assertThat(f.targetId()).isNull();
            assertThat(f.message()).isEqualTo("Session: image \"transverse L4-L5 (40 frames)\" has no patient sides "
                    + "(not in its DICOM header, not set): the side of T1, T2 cannot be checked against it; set them "
                    + "with Set Image Orientation...");
        });
        SafetyReport report = SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(), null));
        assertThat(report.warnings()).noneMatch(f -> f.check().equals("image-side"));
        assertThat(SignOffGate.problems(plan, report)).noneMatch(p -> p.contains("sides"));
        // only midline targets: nothing to check, no note
        assertThat(findings(plan(null, target(3, Side.MIDLINE, null, 400, CAL)), "image-side")).isEmpty();
    }

    @Test
    void aLevelTheSeriesDoesNotNameIsANote() {
        Target outside = target(1, Side.MIDLINE, SpinalLevel.L5_S1, 400, CAL);
        Target inside = target(2, Side.MIDLINE, SpinalLevel.L4_L5, 400, CAL);
        Target vertebra = target(3, Side.MIDLINE, SpinalLevel.L5, 400, CAL);
        assertThat(findings(plan(CONVENTIONAL, outside, inside, vertebra), "series-level")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.NOTE);
                    assertThat(f.key()).isEqualTo("series-level/" + outside.id());
                    assertThat(f.message()).isEqualTo("T1 (Thoracolumbar fascia): at L5/S1 on a series described "
                            + "\"transverse L4-L5 (40 "
                            + "frames)\": check the level or the image");
                });
    }

    @Test
    void seriesLevelsAreReadLeniently() {
        assertThat(SeriesLevels.of("Transverse L4-L5").covers(SpinalLevel.L4_L5)).isTrue();
        assertThat(SeriesLevels.of("transverse l4/5 midline").covers(SpinalLevel.L5)).isTrue();
        assertThat(SeriesLevels.of("transverse L4/5 midline").covers(SpinalLevel.L5_S1)).isFalse();
        assertThat(SeriesLevels.of("sagittal L5 to S1").covers(SpinalLevel.L5_S1)).isTrue();
        assertThat(SeriesLevels.of("sagittal L3–L5").covers(SpinalLevel.L3_L4)).isTrue();
        assertThat(SeriesLevels.of("T12-L1 junction").covers(SpinalLevel.T12_L1)).isTrue();
        assertThat(SeriesLevels.of("L5").covers(SpinalLevel.L4_L5)).isFalse();
        assertThat(SeriesLevels.of("longitudinal posterior sacroiliac").namesAny()).isFalse();
        assertThat(SeriesLevels.of("US series 3 #12 L7 T4 US1").namesAny()).isFalse();
        assertThat(SeriesLevels.of(null).namesAny()).isFalse();
    }
}
