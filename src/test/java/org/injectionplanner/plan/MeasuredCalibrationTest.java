package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.injectionplanner.geometry.PixelPoint;
import org.junit.jupiter.api.Test;

/** A target's depth is derived from its point and calibration, in one place. */
class MeasuredCalibrationTest {

    private static final MeasuredCalibration REGION =
            new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, 0.1, 0.25, 0, 40.0);

    @Test
    void depthIsMeasuredDownFromTheSkinLineInTheRowScale() {
        assertThat(REGION.depthMm(new PixelPoint(500, 120))).isCloseTo(20.0, within(1e-12));
        assertThat(REGION.depthMm(new PixelPoint(0, 40))).isZero();
        assertThat(REGION.depthMm(new PixelPoint(0, 36))).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void noDepthWithoutScaleOrSkinLine() {
        assertThat(MeasuredCalibration.UNCALIBRATED.depthMm(new PixelPoint(10, 10))).isNull();
        MeasuredCalibration noSkin =
                new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, 0.1, 0.1, 0, null);
        assertThat(noSkin.depthMm(new PixelPoint(10, 10))).isNull();
    }

    @Test
    void movingATargetRecomputesItsDepthFromTheNewCalibration() {
        Target t = PlanFixtures.target(1, 10, 80, REGION);
        assertThat(t.depthMm()).isCloseTo(10.0, within(1e-12));
        SessionPlan plan = PlanFixtures.draft().withTarget(t);
        MeasuredCalibration other =
                new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, 0.2, 0.2, 1, 100.0);
        SessionPlan moved = PlanEdits.moveTarget(t.id(), new PixelPoint(300, 150), other).applyTo(plan);
        Target after = moved.target(t.id()).orElseThrow();
        assertThat(after.depthMm()).isCloseTo(10.0, within(1e-12));
        assertThat(after.point()).isEqualTo(new PixelPoint(300, 150));
        assertThat(after.calibration()).isEqualTo(other);
        SessionPlan uncalibrated = PlanEdits.moveTarget(t.id(), new PixelPoint(3, 4),
                MeasuredCalibration.UNCALIBRATED).applyTo(moved);
        assertThat(uncalibrated.target(t.id()).orElseThrow().depthMm()).isNull();
    }
}
