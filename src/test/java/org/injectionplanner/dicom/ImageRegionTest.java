package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which ultrasound region holds the image, and whether the regions' scales differ. */
class ImageRegionTest {

    /** A 2D region in cm over x0..x1 × y0..y1 pixels with these deltas (cm per pixel). */
    private static UltrasoundRegion region(int index, long x0, long y0, long x1, long y1, Integer format,
            double deltaX, double deltaY) {
        return new UltrasoundRegion(index, x0, y0, x1, y1, format, 1, 0L, null, null, 3, 3, null, null, deltaX,
                deltaY);
    }

    @Test
    void theLargestSpatialRegionHoldsTheImage() {
        UltrasoundRegion small = region(0, 0, 0, 99, 49, 1, 0.01, 0.01);
        UltrasoundRegion large = region(1, 0, 60, 399, 459, 1, 0.01, 0.01);
        UltrasoundRegion doppler = region(2, 0, 0, 799, 599, 3, 0.01, 0.01);
        UltrasoundCalibration cal = new UltrasoundCalibration(List.of(small, large, doppler), null, null,
                PlausibleScale.DEFAULT);
        assertThat(cal.imageRegion()).contains(large);
        assertThat(cal.spatialScalesDiffer()).isFalse();

        UltrasoundRegion finer = region(3, 500, 0, 799, 99, 1, 0.005, 0.01);
        UltrasoundCalibration mixed = new UltrasoundCalibration(List.of(small, large, finer), null, null,
                PlausibleScale.DEFAULT);
        assertThat(mixed.imageRegion()).contains(large);
        assertThat(mixed.spatialScalesDiffer()).isTrue();
    }

    @Test
    void theFirstOfEqualRegionsWinsAndNoSpatialRegionGivesNone() {
        UltrasoundRegion first = region(0, 0, 0, 99, 99, 1, 0.01, 0.01);
        UltrasoundRegion second = region(1, 100, 0, 199, 99, 1, 0.02, 0.02);
        assertThat(new UltrasoundCalibration(List.of(first, second), null, null, PlausibleScale.DEFAULT)
                .imageRegion())
                .contains(first);
        UltrasoundCalibration none = new UltrasoundCalibration(List.of(region(0, 0, 0, 9, 9, 3, 0.01, 0.01)),
                0.1, 0.1, PlausibleScale.DEFAULT);
        assertThat(none.imageRegion()).isEmpty();
        assertThat(none.spatialScalesDiffer()).isFalse();
    }
}
