package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A region or Pixel Spacing outside the plausible range (by default 0.005 to 5 mm per pixel; a clinic's own
 * with {@link UltrasoundCalibration#within}) leaves the image uncalibrated, with the reason.
 */
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
        assertThat(cal.mmPerPixelX(r)).isNull();
        assertThat(cal.mmPerPixelY(r)).isEqualTo(0.1);
        assertThat(cal.isSpatial(r)).isFalse();
        assertThat(cal.problem(r)).isEqualTo("ultrasound region 1: Physical Delta X of -1.0E308 cm per pixel is outside"
                + " the plausible 0.005 to 5.0 mm per pixel");
        assertThat(cal.spatialRegions()).isEmpty();
        assertThat(cal.problems()).containsExactly(cal.problem(r));
        assertThat(cal.scaleFor(new double[] {10}, new double[] {10})).isEmpty();
    }

    @Test
    void aDeltaThatWouldUnderflowTheGeometryIsNoScale() {
        UltrasoundCalibration cal = withDeltas(0.01, 1e-301);
        UltrasoundRegion r = cal.regions().get(0);
        assertThat(cal.mmPerPixelY(r)).isNull();
        assertThat(cal.problem(r))
                .startsWith("ultrasound region 1: Physical Delta Y of 1.0E-301 cm per pixel is outside");
    }

    @Test
    void theRangeIsInclusive() {
        assertThat(withDeltas(0.0005, 0.5).spatialRegions()).hasSize(1);
        assertThat(withDeltas(0.00049, 0.01).spatialRegions()).isEmpty();
        assertThat(withDeltas(0.01, 0.50001).spatialRegions()).isEmpty();
    }

    @Test
    void aRegionOutsideThe16BitImagePlaneIsNoScale() {
        UltrasoundCalibration farCal = withRegion(TestImages.usRegion(0, 0, 70_000, 99, 0.01, 0.01));
        UltrasoundRegion far = farCal.regions().get(0);
        assertThat(farCal.isSpatial(far)).isFalse();
        assertThat(farCal.problem(far)).isEqualTo("ultrasound region 1: location 0,0 to 70000,99 is not a rectangle"
                + " of pixels between 0 and 65535");
        UltrasoundCalibration inverted = withRegion(TestImages.usRegion(50, 0, 10, 99, 0.01, 0.01));
        assertThat(inverted.problem(inverted.regions().get(0))).contains("location 50,0 to 10,99");
    }

    @Test
    void regionsInOtherUnitsHaveNoProblemTheyAreJustNotSpatial() {
        DataSet doppler = TestImages.usRegion(0, 0, 99, 99, 1e300, 0.01);
        doppler.putShorts(Tag.PHYSICAL_UNITS_X_DIRECTION, Vr.US, 4);
        UltrasoundCalibration cal = withRegion(doppler);
        UltrasoundRegion r = cal.regions().get(0);
        assertThat(cal.problem(r)).isNull();
        assertThat(cal.isSpatial(r)).isFalse();
    }

    @Test
    void implausiblePixelSpacingIsNoScale() {
        DataSet ds = new DataSet();
        ds.putString(Tag.PIXEL_SPACING, Vr.DS, "1e-301", "1e-301");
        assertThat(UltrasoundCalibration.of(ds).pixelSpacing()).isEmpty();
        assertThat(UltrasoundCalibration.of(ds).scaleFor(new double[] {1}, new double[] {1})).isEmpty();
        ds.putString(Tag.PIXEL_SPACING, Vr.DS, "0.1", "0.2");
        UltrasoundCalibration cal = UltrasoundCalibration.of(ds);
        assertThat(cal.pixelSpacing()).hasValueSatisfying(s -> assertThat(s).containsExactly(0.1, 0.2));
        assertThat(cal.within(new PlausibleScale(0.15, 1)).pixelSpacing()).as("0.1 mm below a clinic's 0.15")
                .isEmpty();
    }

    @Test
    void aClinicsRangeDecidesInsteadOfTheDefault() {
        // 0.003 mm per pixel: finer than the default allows, within a clinic's 0.001 to 1 mm
        UltrasoundCalibration cal = withDeltas(0.0003, 0.0003);
        UltrasoundRegion r = cal.regions().get(0);
        assertThat(cal.plausible()).isEqualTo(PlausibleScale.DEFAULT);
        assertThat(cal.scaleFor(new double[] {10}, new double[] {10})).isEmpty();
        assertThat(cal.problems()).containsExactly("ultrasound region 1: Physical Delta X of 3.0E-4 cm per pixel is"
                + " outside the plausible 0.005 to 5.0 mm per pixel");

        UltrasoundCalibration clinic = cal.within(new PlausibleScale(0.001, 1));
        assertThat(clinic.problems()).isEmpty();
        assertThat(clinic.scaleFor(new double[] {10}, new double[] {10})).hasValueSatisfying(s -> {
            assertThat(s.mmPerPixelX()).isCloseTo(0.003, within(1e-15));
            assertThat(s.region()).isEqualTo(r);
        });
        // and a narrower range refuses a scale the default takes: 0.1 mm above a clinic's 0.05
        UltrasoundCalibration coarse = withDeltas(0.01, 0.01).within(new PlausibleScale(0.001, 0.05));
        assertThat(coarse.spatialRegions()).isEmpty();
        assertThat(coarse.problems()).singleElement().asString().endsWith("outside the plausible 0.001 to 0.05 mm "
                + "per pixel");
    }

    @Test
    void aRangeMustBeTwoPositiveFiniteNumbersTheSmallerFirst() {
        for (double[] bad : new double[][] {{0, 5}, {-1, 5}, {5, 0.005}, {1, 1}, {0.005, Double.POSITIVE_INFINITY},
                {Double.NaN, 5}}) {
            assertThatThrownBy(() -> new PlausibleScale(bad[0], bad[1]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the plausible mm per pixel must be a range of two positive finite");
        }
    }
}
