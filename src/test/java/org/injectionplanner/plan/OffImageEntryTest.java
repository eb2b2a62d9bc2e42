package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.injectionplanner.dicom.PlausibleScale;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.dicom.UltrasoundRegion;
import org.injectionplanner.geometry.PixelPoint;
import org.junit.jupiter.api.Test;

/** In-plane entries beyond the end of a linear probe: placed, measured and refused. */
class OffImageEntryTest {

    /** A 400 × 500 px B-mode region at (100, 50), 0.1 mm per pixel, its top row the skin line. */
    static final UltrasoundCalibration US = new UltrasoundCalibration(List.of(new UltrasoundRegion(0, 100L, 50L, 499L,
            549L, 1, 1, 0L, null, null, 3, 3, null, null, 0.01, 0.01)), null, null,
            PlausibleScale.DEFAULT);

    /** T1 at (200, 250): 20 mm deep, 10 mm inside the left edge. */
    static Target target() {
        MeasuredCalibration cal = MeasuredCalibration.of(US, new double[] {200}, new double[] {250});
        return PlanFixtures.target(1, 200, 250, cal);
    }

    @Test
    void anEntryBeyondTheLeftEndLiesOnTheSkinLineAtTheRegionsScaleAndIsMeasuredAsUsual() {
        NeedlePath path = OffImageEntry.beyondEnd(target(), US, null, OffImageEntry.ProbeEnd.LEFT, 14);
        assertThat(path.entry().x()).isCloseTo(-40, within(1e-9));
        assertThat(path.entry().y()).isEqualTo(50);
        assertThat(path.imageEdgeX()).isEqualTo(100);
        assertThat(path.entryCalibration()).isEqualTo(target().calibration());
        NeedlePath.Measurement m = path.measure(target()).orElseThrow();
        // from (-40, 50) to (200, 250): 24 mm across, 20 mm down
        assertThat(m.lengthMm()).isCloseTo(Math.hypot(24, 20), within(1e-9));
        assertThat(m.angleDeg()).isCloseTo(Math.toDegrees(Math.atan2(20, 24)), within(1e-9));
        assertThat(m.targetDepthMm()).isCloseTo(20, within(1e-9));
        assertThat(m.entryDepthMm()).isCloseTo(0, within(1e-9));
        // the path meets the edge x = 100 after 140 of its 240 px across
        assertThat(path.imageEntry(target().point()).y()).isCloseTo(50 + 200 * 140 / 240.0, within(1e-9));
        assertThat(m.offImageMm()).isCloseTo(Math.hypot(24, 20) * 140 / 240, within(1e-9));
    }

    @Test
    void anEntryBeyondTheRightEndStartsAfterTheLastColumn() {
        NeedlePath path = OffImageEntry.beyondEnd(target(), US, "LINEAR", OffImageEntry.ProbeEnd.RIGHT, 5);
        assertThat(path.imageEdgeX()).isEqualTo(500);
        assertThat(path.entry()).isEqualTo(new PixelPoint(550, 50));
        assertThat(path.measure(target()).orElseThrow().offImageMm()).isCloseTo(
                Math.hypot(35, 20) * 50 / 350, within(1e-9));
    }

    @Test
    void aClickBesideTheRegionIsTakenAtSkinLevelAndAClickInsideIsNot() {
        NeedlePath clicked = OffImageEntry.fromClick(target(), US, null, new PixelPoint(60, 300)).orElseThrow();
        assertThat(clicked.entry()).isEqualTo(new PixelPoint(60, 50));
        assertThat(clicked.imageEdgeX()).isEqualTo(100);
        assertThat(OffImageEntry.fromClick(target(), US, null, new PixelPoint(150, 40))).isEmpty();
        assertThat(OffImageEntry.fromClick(target(), US, null, new PixelPoint(300, 10))).isEmpty();
        Target uncalibrated = PlanFixtures.target(2, 200, 250, MeasuredCalibration.UNCALIBRATED);
        assertThat(OffImageEntry.fromClick(uncalibrated, US, null, new PixelPoint(60, 300))).isEmpty();
    }

    @Test
    void sectorAndCurvedProbesAreRefusedWithTheReason() {
        for (String type : List.of("SECTOR_PHASED", "CURVED LINEAR")) {
            assertThatThrownBy(() -> OffImageEntry.beyondEnd(target(), US, type, OffImageEntry.ProbeEnd.LEFT, 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(type + " probe").hasMessageContaining("not a flat rectangle");
            assertThatThrownBy(() -> OffImageEntry.fromClick(target(), US, type, new PixelPoint(60, 300)))
                    .hasMessageContaining("cannot be extrapolated");
        }
    }

    @Test
    void theOffsetMustBePositiveAndBoundedAndTheTargetInARegion() {
        assertThatThrownBy(() -> OffImageEntry.beyondEnd(target(), US, null, OffImageEntry.ProbeEnd.LEFT, 0))
                .hasMessageContaining("more than 0 and at most 150 mm");
        assertThatThrownBy(() -> OffImageEntry.beyondEnd(target(), US, null, OffImageEntry.ProbeEnd.LEFT, 151))
                .hasMessageContaining("at most 150 mm");
        Target spacing = PlanFixtures.target(3, 200, 250, new MeasuredCalibration(
                MeasuredCalibration.Source.PIXEL_SPACING, 0.1, 0.1, null, 0.0));
        assertThatThrownBy(() -> OffImageEntry.beyondEnd(spacing, US, null, OffImageEntry.ProbeEnd.LEFT, 5))
                .hasMessageContaining("T3 is not in a calibrated ultrasound region");
        assertThat(OffImageEntry.ProbeEnd.parse(" Right ")).isEqualTo(OffImageEntry.ProbeEnd.RIGHT);
        assertThatThrownBy(() -> OffImageEntry.ProbeEnd.parse("top")).hasMessageContaining("use left or right");
    }

    @Test
    void aPathOnTheImageHasNothingOutside() {
        NeedlePath path = new NeedlePath(new PixelPoint(150, 50), target().calibration());
        assertThat(path.offImage()).isFalse();
        assertThat(path.imageEntry(target().point())).isEqualTo(path.entry());
        assertThat(path.measure(target()).orElseThrow().offImageMm()).isZero();
        assertThatThrownBy(() -> new NeedlePath(new PixelPoint(100, 50), target().calibration(), 100.0))
                .hasMessageContaining("finite image edge beside it");
    }
}
