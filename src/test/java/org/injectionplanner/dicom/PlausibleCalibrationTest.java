package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A region or Pixel Spacing outside the plausible 0.005 to 5 mm per pixel leaves the image uncalibrated. */
class PlausibleCalibrationTest {

    private static UltrasoundCalibration withRegion(DataSet region) {
        DataSet ds = new DataSet();
        ds.putSequence(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS, List.of(region));
        return UltrasoundCalibration.of(ds);
    }

    private static UltrasoundCalibration withDeltas(double xCm, double yCm) {
        return withRegion(TestImages.usRegion(0, 0, 99, 99, xCm, yCm));
    }

    @Test
    void aDeltaWhoseMillimetresOverflowIsNoScaleNotInfinity() {
        // −1e308 cm is finite; × 10 mm per cm is not
        UltrasoundCalibration cal = withDeltas(-1e308, 0.01);
        UltrasoundRegion r = cal.regions().get(0);
        assertThat(r.mmPerPixelX()).isNull();
        assertThat(r.mmPerPixelY()).isEqualTo(0.1);
        assertThat(r.isSpatialCm()).isFalse();
        assertThat(r.problem()).isEqualTo("ultrasound region 1: Physical Delta X of -1.0E308 cm per pixel is outside"
                + " the plausible 0.005 to 5.0 mm per pixel");
        assertThat(cal.spatialRegions()).isEmpty();
        assertThat(cal.problems()).containsExactly(r.problem());
        assertThat(cal.scaleFor(new double[] {10}, new double[] {10})).isEmpty();
    }

    @Test
    void aDeltaThatWouldUnderflowTheGeometryIsNoScale() {
        UltrasoundRegion r = withDeltas(0.01, 1e-301).regions().get(0);
        assertThat(r.mmPerPixelY()).isNull();
        assertThat(r.problem()).startsWith("ultrasound region 1: Physical Delta Y of 1.0E-301 cm per pixel is outside");
    }

    @Test
    void theRangeIsInclusive() {
        assertThat(withDeltas(0.0005, 0.5).spatialRegions()).hasSize(1);
        assertThat(withDeltas(0.00049, 0.01).spatialRegions()).isEmpty();
        assertThat(withDeltas(0.01, 0.50001).spatialRegions()).isEmpty();
    }

    @Test
    void aRegionOutsideThe16BitImagePlaneIsNoScale() {
        UltrasoundRegion far = withRegion(TestImages.usRegion(0, 0, 70_000, 99, 0.01, 0.01)).regions().get(0);
        assertThat(far.isSpatialCm()).isFalse();
        assertThat(far.problem()).isEqualTo("ultrasound region 1: location 0,0 to 70000,99 is not a rectangle"
                + " of pixels between 0 and 65535");
        UltrasoundRegion inverted = withRegion(TestImages.usRegion(50, 0, 10, 99, 0.01, 0.01)).regions().get(0);
        assertThat(inverted.problem()).contains("location 50,0 to 10,99");
    }

    @Test
    void regionsInOtherUnitsHaveNoProblemTheyAreJustNotSpatial() {
        DataSet doppler = TestImages.usRegion(0, 0, 99, 99, 1e300, 0.01);
        doppler.putShorts(Tag.PHYSICAL_UNITS_X_DIRECTION, Vr.US, 4);
        UltrasoundRegion r = withRegion(doppler).regions().get(0);
        assertThat(r.problem()).isNull();
        assertThat(r.isSpatialCm()).isFalse();
    }

    @Test
    void implausiblePixelSpacingIsNoScale() {
        DataSet ds = new DataSet();
        ds.putString(Tag.PIXEL_SPACING, Vr.DS, "1e-301", "1e-301");
        assertThat(UltrasoundCalibration.of(ds).pixelSpacingRowMm()).isNull();
        ds.putString(Tag.PIXEL_SPACING, Vr.DS, "0.1", "0.2");
        UltrasoundCalibration cal = UltrasoundCalibration.of(ds);
        assertThat(cal.pixelSpacingRowMm()).isEqualTo(0.1);
        assertThat(cal.pixelSpacingColumnMm()).isEqualTo(0.2);
    }
}
