package org.injectionplanner.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.injectionplanner.dicom.PlausibleScale;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.dicom.UltrasoundRegion;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.OffImageEntry;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.planfile.PlanJson;
import org.junit.jupiter.api.Test;

/** An in-plane path from beyond the probe's end: the off-image warning, and the path kept in the plan file. */
class OffImageCheckTest {

    static final UltrasoundCalibration US = new UltrasoundCalibration(List.of(new UltrasoundRegion(0, 100L, 50L, 499L,
            549L, 1, 1, 0L, null, null, 3, 3, null, null, 0.01, 0.01)), null, null,
            PlausibleScale.DEFAULT);

    static SessionPlan plan(double offsetMm) {
        MeasuredCalibration cal = MeasuredCalibration.of(US, new double[] {200}, new double[] {250});
        Target t = PlanFixtures.target(1, 200, 250, cal);
        NeedlePath path = OffImageEntry.beyondEnd(t, US, null, OffImageEntry.ProbeEnd.LEFT, offsetMm);
        return PlanFixtures.draft().withPatientWeightKg(70.0).withTarget(t)
                .withInjection(PlanFixtures.injection(t, path));
    }

    @Test
    void theOffImagePartIsAWarningWithItsLengthAndThePathIsOtherwiseCertified() {
        SafetyReport report = SafetyChecks.check(plan(14), SafetyContext.of(ClinicSettings.defaults(), null));
        assertThat(report.findings()).extracting(Finding::check).doesNotContain("path-calibration", "entry-depth",
                "zone-clearance", "needle-length");
        Finding offImage = report.findings().stream().filter(f -> f.check().equals("off-image")).findFirst()
                .orElseThrow();
        assertThat(offImage.severity()).isEqualTo(Severity.WARNING);
        double expected = Math.hypot(24, 20) * 140 / 240;
        assertThat(offImage.measured()).isCloseTo(expected, within(1e-9));
        assertThat(offImage.unit()).isEqualTo("mm");
        assertThat(offImage.key()).isEqualTo("off-image/" + PlanFixtures.id("injection", 1));
        assertThat(offImage.message()).contains("18.3 mm of the path lies outside the image")
                .contains("zones there cannot be checked");
        // 39.8° in-plane: the steep-angle remark applies as usual
        assertThat(report.findings()).extracting(Finding::check).contains("insertion-angle");
        assertThat(report.openViolations(plan(14))).isEmpty();
    }

    @Test
    void aShallowAngleFromFartherAwayDrawsNoAngleRemark() {
        // 60 mm beyond the end: 70 mm across, 20 mm down, 16°
        SafetyReport report = SafetyChecks.check(plan(60), SafetyContext.of(ClinicSettings.defaults(), null));
        assertThat(report.findings().stream().filter(f -> f.injectionId() != null)).extracting(Finding::check)
                .containsExactly("off-image");
    }

    @Test
    void thePlanFileKeepsTheImageEdgeAndWritesTheSameBytesAgain() throws Exception {
        SessionPlan plan = plan(14);
        byte[] json = PlanJson.write(plan);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"imageEdgeX\": 100.0");
        SessionPlan back = PlanJson.read(json, "plan.json");
        assertThat(back).isEqualTo(plan);
        assertThat(back.injections().get(0).path().imageEdgeX()).isEqualTo(100.0);
        assertThat(PlanJson.write(back)).isEqualTo(json);
    }
}
