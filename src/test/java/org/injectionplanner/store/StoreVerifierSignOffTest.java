package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.Amendment;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.Target;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.store.VerifyReport.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify-store checks signatures made before keyed signatures (no seal; ForgedSignaturesTest covers sealed
 * ones) and that a signed plan changes only through an amendment. The revisions
 * are written as the store writes them but behind its back: the store itself refuses to save a signature
 * its checks would not give, or a signed plan changed after signing.
 */
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
        return plan.withTarget(t.movedTo(new PixelPoint(t.point().x() + 10, t.point().y()), t.calibration()));
    }

    /** Writes {@code plan} as revision {@code sequence} of its course, chained to {@code previous}. */
    private Path write(SessionPlan plan, int sequence, Path previous) throws Exception {
        Path dir = StoreLayout.revisions(StoreLayout.course(root, plan.courseId()));
        Files.createDirectories(dir);
        String previousSha256 = previous == null ? null : PlanStoreTestFiles.sha256(Files.readAllBytes(previous));
        StoreLayout.RevisionName name = new StoreLayout.RevisionName(sequence, plan.id());
        Path file = dir.resolve(name.fileName());
        byte[] bytes = RevisionFile.write(plan, sequence, AT.plusMinutes(sequence), "Dr A", "revision " + sequence,
                previousSha256).bytes();
        Files.write(file, bytes);
        // as a save does: the course's head record names the newest revision
        Files.write(StoreLayout.head(StoreLayout.course(root, plan.courseId())),
                new CourseHead(name, PlanStoreTestFiles.sha256(bytes)).toJson());
        return file;
    }

    @Test
    void anAmendedAndResignedPlanIsIntact() throws Exception {
        SessionPlan first = signed(TestPlans.sample());
        SessionPlan amended = moved(first.amended(new Amendment("level corrected", "Dr A", AT.plusHours(1),
                first.signature())));
        Path one = write(first, 1, null);
        Path two = write(amended, 2, one);
        write(signed(amended), 3, two);
        VerifyReport report = StoreVerifier.verify(root);
        assertThat(report.breaks()).isEmpty();
        assertThat(report.warnings()).as("signatures without a seal are reported, not trusted")
                .filteredOn(p -> p.message().equals("session 2 by Dr A was signed before keyed signatures: the signer "
                        + "cannot be verified")).extracting(p -> p.file().getFileName().toString())
                .containsExactly(one.getFileName().toString(), "000003-" + TestPlans.PLAN + ".json");
    }

    @Test
    void aSignedPlanChangedWithoutAnAmendmentIsABreak() throws Exception {
        SessionPlan first = signed(TestPlans.sample());
        Path second = write(moved(first), 2, write(first, 1, null));
        VerifyReport report = StoreVerifier.verify(root);
        assertThat(report.breaks()).allMatch(p -> p.file().equals(second)).extracting(Problem::message)
                .containsExactly("the signature of session 2 by Dr A is not valid (the plan counts as a draft): the "
                                + "planned content no longer matches the signature's SHA-256: changed after signing",
                        "changes the plan signed in 000001-" + TestPlans.PLAN + ".json without an amendment");
    }
}
