package org.injectionplanner.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.TestImages;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.dicom.Vr;
import org.junit.jupiter.api.Test;

/** Finding the mm scale of a measurement from an image's ultrasound regions. */
class CalibrationScaleTest {

    private static PixelPoint p(double x, double y) {
        return PixelPoint.of(x, y);
    }

    /**
     * Two side-by-side regions: columns 0..99 at −0.01 cm × 0.005 cm per pixel (x runs right to left),
     * columns 100..199 at 0.02 cm per pixel; rows 0..99.
     */
    private static UltrasoundCalibration twoRegions() {
        DataSet ds = new DataSet();
        ds.putSequence(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS,
                List.of(TestImages.usRegion(0, 0, 99, 99, -0.01, 0.005),
                        TestImages.usRegion(100, 0, 199, 99, 0.02, 0.02)));
        return UltrasoundCalibration.of(ds);
    }

    @Test
    void negativePhysicalDeltaGivesAPositiveScale() {
        Optional<MmScale> scale = CalibratedGeometry.scaleFor(twoRegions(), List.of(p(10, 10), p(50, 60)));
        assertThat(scale).hasValueSatisfying(s -> {
            assertThat(s.mmPerPixelX()).isCloseTo(0.1, within(1e-12));
            assertThat(s.mmPerPixelY()).isCloseTo(0.05, within(1e-12));
        });
        assertThat(CalibratedGeometry.distanceMm(p(10, 10), p(20, 10), scale.orElseThrow()))
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void pointsInOneRegionUseThatRegion() {
        assertThat(CalibratedGeometry.scaleFor(twoRegions(), List.of(p(100, 0), p(199.9, 99.9))))
                .hasValueSatisfying(s -> {
                    assertThat(s.mmPerPixelX()).isCloseTo(0.2, within(1e-12));
                    assertThat(s.mmPerPixelY()).isCloseTo(0.2, within(1e-12));
                });
    }

    @Test
    void pointsInDifferentRegionsAreUncalibrated() {
        assertThat(CalibratedGeometry.scaleFor(twoRegions(), List.of(p(10, 10), p(150, 10)))).isEmpty();
        // the region edge: column 99 ends at x = 100
        assertThat(CalibratedGeometry.scaleFor(twoRegions(), List.of(p(99.5, 10), p(100, 10)))).isEmpty();
    }

    @Test
    void pointsOutsideEveryRegionAreUncalibrated() {
        assertThat(CalibratedGeometry.scaleFor(twoRegions(), List.of(p(10, 10), p(10, 100)))).isEmpty();
        assertThat(CalibratedGeometry.scaleFor(twoRegions(), List.of(p(300, 300)))).isEmpty();
    }

    @Test
    void pixelSpacingOnlyWithoutRegions() {
        DataSet ds = new DataSet();
        ds.putString(Tag.PIXEL_SPACING, Vr.DS, "0.3", "0.2");
        assertThat(CalibratedGeometry.scaleFor(UltrasoundCalibration.of(ds), List.of(p(5000, 5000))))
                .contains(MmScale.of(0.2, 0.3));
        assertThat(CalibratedGeometry.scaleFor(UltrasoundCalibration.of(new DataSet()), List.of(p(1, 1)))).isEmpty();
    }

    @Test
    void aMeasurementNeedsPoints() {
        assertThatThrownBy(() -> CalibratedGeometry.scaleFor(twoRegions(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one point");
    }
}
