package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.Amendment;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.Target;
import org.injectionplanner.store.VerifyReport.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify-store checks signatures and that a signed plan changes only through an amendment. */
class StoreVerifierSignOffTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-26T10:00:00+01:00");

    @TempDir
    Path root;

    private static SessionPlan signed(SessionPlan plan) {
        return plan.signed(new Signature("Dr A", AT, PlanJson.plannedContentSha256(plan)));
    }

    /** The plan with its first target moved 10 px to the right. */
    private static SessionPlan moved(SessionPlan plan) {
        Target t = plan.targets().get(0);
        return plan.withTarget(t.movedTo(new PixelPoint(t.point().x() + 10, t.point().y()), t.depthMm(),
                t.calibration()));
    }

    @Test
    void anAmendedAndResignedPlanIsIntact() throws Exception {
        SessionPlan first = signed(TestPlans.sample());
        SessionPlan amended = moved(first.amended(new Amendment("level corrected", "Dr A", AT.plusHours(1),
                first.signature())));
        try (OpenCourse course = new PlanStore(root).open(TestPlans.COURSE)) {
            course.save(first, "Dr A", "signed");
            course.save(amended, "Dr A", "level corrected");
            course.save(signed(amended), "Dr A", "signed again");
        }
        assertThat(StoreVerifier.verify(root).problems()).isEmpty();
    }

    @Test
    void aSignedPlanChangedWithoutAnAmendmentIsABreak() throws Exception {
        SessionPlan first = signed(TestPlans.sample());
        SessionPlan changed = moved(first);
        Path second;
        try (OpenCourse course = new PlanStore(root).open(TestPlans.COURSE)) {
            Path one = course.save(first, "Dr A", "signed").file();
            second = course.save(changed, "Dr A", "edited behind the editor's back").file();
            assertThat(one).isNotEqualTo(second);
        }
        VerifyReport report = StoreVerifier.verify(root);
        assertThat(report.breaks()).allMatch(p -> p.file().equals(second)).extracting(Problem::message)
                .containsExactly("the signature of session 2 by Dr A does not match the plan's content: the signed "
                                + "plan was altered",
                        "changes the plan signed in 000001-" + TestPlans.PLAN + ".json without an amendment");
    }
}
