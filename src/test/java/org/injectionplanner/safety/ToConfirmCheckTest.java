package org.injectionplanner.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.CopyForward;
import org.injectionplanner.plan.DropReason;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.junit.jupiter.api.Test;

/** A site copied from an earlier session blocks sign-off, by name, until it is placed on today's images. */
class ToConfirmCheckTest {

    private static final PlanImage TODAYS = new PlanImage("2.25.900", "2.25.901", "2.25.902", "fixture", 1, null,
            null, null);

    private static SafetyReport check(SessionPlan plan) {
        return SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(), plan.date().minusDays(28)));
    }

    /** Session 1 with one uncalibrated site (a violation there, overridden) and one calibrated one. */
    private static SessionPlan copied() {
        SessionPlan prior = SessionPlan.newDraft(PlanFixtures.COURSE, 1, PlanFixtures.DATE, "Dr A")
                .withImage(PlanFixtures.IMAGE);
        ImageRef frame = new ImageRef(PlanFixtures.IMAGE.sopInstanceUid(), 1);
        Target t1 = PlanFixtures.target(1, frame, 100, 100, MeasuredCalibration.UNCALIBRATED);
        Target t3 = PlanFixtures.target(3, frame, 200, 100, PlanFixtures.region(0, 0.1, 0.1))
                .describedAs("L iliolumbar", "iliolumbar", t1.side(), t1.level(), "");
        prior = prior.withTarget(t1).withTarget(t3).withInjection(PlanFixtures.injection(t1, null))
                .withInjection(PlanFixtures.injection(t3, null));
        SessionPlan draft = SessionPlan.newDraft(PlanFixtures.COURSE, 2, PlanFixtures.DATE.plusDays(28), "Dr A");
        return CopyForward.from(prior, draft).withPatientWeightKg(70.0);
    }

    @Test
    void eachSiteToConfirmIsAViolationNamingItAndItsSessionThatNoOverrideLifts() {
        SessionPlan plan = copied();
        UUID t3 = PlanFixtures.id("target", 3);
        SafetyReport report = check(plan);
        assertThat(report.violations()).extracting(Finding::check).containsOnly("to-confirm");
        Finding f = report.violations().stream().filter(v -> t3.equals(v.targetId())).findFirst().orElseThrow();
        assertThat(f.key()).isEqualTo("to-confirm/" + t3);
        assertThat(f.message()).isEqualTo("Injection 2, T3 \"L iliolumbar\" (Iliolumbar ligament): not yet "
                + "placed on today's images "
                + "(copied from session 1)");
        assertThat(report.findings()).as("the earlier image's calibration is not judged").extracting(Finding::check)
                .doesNotContain("calibration", "no-path");

        SessionPlan overridden = plan.withOverride(new FindingOverride(f.key(), null, "I know where it is", "Dr A",
                OffsetDateTime.parse("2026-12-24T09:00:00Z")));
        assertThat(SignOffGate.problems(overridden, check(overridden)))
                .contains("violation without a written override reason: " + f.message());
    }

    @Test
    void placingOrDroppingEverySiteClearsTheFindings() {
        SessionPlan plan = copied();
        UUID t1 = PlanFixtures.id("target", 1);
        UUID t3 = PlanFixtures.id("target", 3);
        SessionPlan placed = CopyForward.place(t3, TODAYS, new ImageRef(TODAYS.sopInstanceUid(), 1),
                new PixelPoint(50, 60), PlanFixtures.region(0, 0.1, 0.1)).applyTo(plan);
        assertThat(check(placed).findings()).extracting(Finding::key).doesNotContain("to-confirm/" + t3)
                .contains("to-confirm/" + t1);
        SessionPlan settled = CopyForward.drop(t1, DropReason.RESOLVED, "").applyTo(placed);
        assertThat(check(settled).findings()).extracting(Finding::check).doesNotContain("to-confirm");
        assertThat(check(settled).findings()).extracting(Finding::key).contains("no-path/"
                + settled.injectionAt(t3).orElseThrow().id());
    }
}
