package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.injectionplanner.plan.PlanFixtures.COURSE;
import static org.injectionplanner.plan.PlanFixtures.DATE;
import static org.injectionplanner.plan.PlanFixtures.IMAGE;
import static org.injectionplanner.plan.PlanFixtures.p;
import static org.injectionplanner.plan.PlanFixtures.region;

import java.util.List;
import java.util.UUID;
import org.injectionplanner.geometry.EllipseShape;
import org.junit.jupiter.api.Test;

/** Starting a session from an earlier one: site identity, details and order kept, sites placed and dropped. */
class CopyForwardTest {

    private static final MeasuredCalibration OLD = region(0, 0.1, 0.1);
    private static final MeasuredCalibration TODAY = region(0, 0.08, 0.08);
    private static final PlanImage TODAYS = new PlanImage("2.25.900", "2.25.901", "2.25.902", "fixture", 30, null,
            null, DATE.plusDays(28));

    /** Session 1: three sites (T3 injected first, with needle paths), a zone, signed-off details. */
    static SessionPlan prior() {
        SessionPlan plan = SessionPlan.newDraft(COURSE, 1, DATE, "Dr A").withImage(IMAGE);
        ImageRef frame = new ImageRef(IMAGE.sopInstanceUid(), 1);
        Target t1 = PlanFixtures.target(1, frame, 100, 100, OLD).describedAs("L4/5 supraspinous", "supraspinous",
                Side.MIDLINE, SpinalLevel.L4_L5, "tender");
        Target t2 = PlanFixtures.target(2, frame, 150, 120, OLD).describedAs("R facet", "facet-capsule",
                Side.RIGHT, SpinalLevel.L4_L5, "");
        Target t3 = PlanFixtures.target(3, frame, 200, 140, OLD).describedAs("L iliolumbar", "iliolumbar",
                Side.LEFT, SpinalLevel.L4_L5, "");
        plan = plan.withTarget(t1).withTarget(t2).withTarget(t3)
                .withZone(PlanFixtures.zone(1, new EllipseShape(p(300, 300), 20, 10, 0), 5, OLD));
        plan = plan.withInjection(PlanFixtures.injection(t3, PlanFixtures.path(220, 10, OLD)).withLocked(true))
                .withInjection(PlanFixtures.injection(t1, PlanFixtures.path(90, 5, OLD))
                        .prescribed(Approach.OUT_OF_PLANE, new Needle(25, 38.0), new Solution(12.5, null, null), 1.0))
                .withInjection(PlanFixtures.injection(t2, null));
        return plan;
    }

    static SessionPlan copied() {
        return copied(prior());
    }

    static SessionPlan copied(SessionPlan prior) {
        return CopyForward.from(prior, SessionPlan.newDraft(COURSE, 2, DATE.plusDays(28), "Dr A"));
    }

    @Test
    void aCopyKeepsEverySiteIdentityDetailAndTheOrderAndLeavesEachToConfirm() {
        SessionPlan prior = prior();
        SessionPlan copy = copied(prior);
        assertThat(copy.targets()).containsExactlyElementsOf(prior.targets());
        assertThat(copy.targets()).allMatch(t -> copy.isToConfirm(t.id()));
        assertThat(copy.copiedForward().toConfirm()).containsExactlyElementsOf(
                prior.targets().stream().map(Target::id).toList());
        assertThat(copy.copiedForward().fromPlanId()).isEqualTo(prior.id());
        assertThat(copy.copiedForward().fromSession()).isEqualTo(1);
        assertThat(copy.copiedForward().fromDate()).isEqualTo(DATE);
        assertThat(copy.injections()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Injection was = prior.injections().get(i);
            Injection now = copy.injections().get(i);
            assertThat(now.targetId()).as("session order").isEqualTo(was.targetId());
            assertThat(now.id()).as("an injection of this session").isNotEqualTo(was.id());
            assertThat(List.of(now.locked(), now.approach(), now.needle(), now.solution(), now.volumeMl()))
                    .isEqualTo(List.of(was.locked(), was.approach(), was.needle(), was.solution(), was.volumeMl()));
            assertThat(now.path()).as("a path drawn on the earlier image is not copied").isNull();
            assertThat(now.record()).isEqualTo(ProcedureRecord.PLANNED);
        }
        assertThat(copy.zones()).as("zones mark the earlier images' anatomy: marked again today").isEmpty();
        assertThat(copy.images()).containsExactly(IMAGE);
        assertThat(copy.nextTargetNumber()).isEqualTo(4);
        assertThat(copy.status()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void onlyAnEmptyLaterDraftOfTheSameCourseIsFilled() {
        SessionPlan prior = prior();
        assertThatThrownBy(() -> CopyForward.from(prior, copied())).hasMessageContaining("already has targets");
        assertThatThrownBy(() -> CopyForward.from(prior, SessionPlan.newDraft(UUID.randomUUID(), 2, DATE, "Dr A")))
                .hasMessageContaining("another treatment course");
        assertThatThrownBy(() -> CopyForward.from(prior, SessionPlan.newDraft(COURSE, 1, DATE, "Dr A")))
                .hasMessageContaining("is not earlier than session 1");
    }

    @Test
    void placingASiteOnTodaysImageConfirmsItWithThatImagesCalibration() {
        SessionPlan copy = copied();
        UUID t1 = PlanFixtures.id("target", 1);
        ImageRef frame = new ImageRef(TODAYS.sopInstanceUid(), 3);
        SessionPlan placed = CopyForward.place(t1, TODAYS, frame, p(110, 90), TODAY).applyTo(copy);
        Target t = placed.target(t1).orElseThrow();
        assertThat(t.image()).isEqualTo(frame);
        assertThat(t.point()).isEqualTo(p(110, 90));
        assertThat(t.calibration()).isEqualTo(TODAY);
        assertThat(t.depthMm()).isEqualTo(TODAY.depthMm(p(110, 90)));
        assertThat(List.of(t.label(), t.structureId(), t.side(), t.level(), t.notes()))
                .isEqualTo(List.of("L4/5 supraspinous", "supraspinous", Side.MIDLINE, SpinalLevel.L4_L5, "tender"));
        assertThat(placed.isToConfirm(t1)).isFalse();
        assertThat(placed.copiedForward().toConfirm()).hasSize(2);
        assertThat(placed.images()).containsExactly(IMAGE, TODAYS);
        assertThat(placed.copiedForward().sites()).hasSize(3);

        SessionPlan all = placed;
        for (int n = 2; n <= 3; n++) {
            all = CopyForward.place(PlanFixtures.id("target", n), TODAYS, frame, p(100 + n, 100), TODAY).applyTo(all);
        }
        assertThat(all.copiedForward().toConfirm()).isEmpty();
        assertThat(all.images()).as("the earlier image leaves the plan with its last site").containsExactly(TODAYS);
    }

    @Test
    void aSiteToConfirmIsNotMovedOnTheEarlierImage() {
        SessionPlan copy = copied();
        UUID t2 = PlanFixtures.id("target", 2);
        assertThatThrownBy(() -> PlanEdits.moveTarget(t2, p(1, 1), OLD).applyTo(copy))
                .hasMessageContaining("still on the image of session 1");
        ImageRef earlier = new ImageRef(IMAGE.sopInstanceUid(), 1);
        assertThatThrownBy(() -> CopyForward.place(t2, IMAGE, earlier, p(1, 1), OLD).applyTo(copy))
                .hasMessageContaining("place it on an image of today's study");
    }

    @Test
    void aDroppedSiteIsRecordedWithItsReasonAndItsNumberIsNotReused() {
        SessionPlan copy = copied();
        UUID t3 = PlanFixtures.id("target", 3);
        SessionPlan dropped = CopyForward.drop(t3, DropReason.NOT_TOLERATED, "").applyTo(copy);
        assertThat(dropped.target(t3)).isEmpty();
        assertThat(dropped.injectionAt(t3)).isEmpty();
        assertThat(dropped.copiedForward().dropped())
                .containsExactly(new DroppedSite(t3, 3, "L iliolumbar", DropReason.NOT_TOLERATED, ""));
        assertThat(dropped.copiedForward().toConfirm()).doesNotContain(t3);
        assertThat(dropped.nextTargetNumber()).as("T3 stays the dropped site's name").isEqualTo(4);
        UUID t1 = PlanFixtures.id("target", 1);
        assertThatThrownBy(() -> CopyForward.drop(t1, DropReason.OTHER, " ").applyTo(copy))
                .hasMessageContaining("needs a note");
        SessionPlan other = CopyForward.drop(t1, DropReason.OTHER, "moved to physiotherapy").applyTo(dropped);
        assertThat(other.copiedForward().dropped()).extracting(DroppedSite::reason)
                .containsExactly(DropReason.NOT_TOLERATED, DropReason.OTHER);

        Target added = PlanFixtures.target(9, new ImageRef(TODAYS.sopInstanceUid(), 1), 5, 5, TODAY);
        SessionPlan withNew = PlanEdits.addTarget(added).applyTo(dropped.withImage(TODAYS));
        assertThatThrownBy(() -> CopyForward.drop(added.id(), DropReason.RESOLVED, "").applyTo(withNew))
                .hasMessageContaining("was not copied from an earlier session");
    }

    @Test
    void deletingASiteToConfirmTakesItOffTheList() {
        UUID t2 = PlanFixtures.id("target", 2);
        SessionPlan deleted = PlanEdits.deleteTarget(t2).applyTo(copied());
        assertThat(deleted.copiedForward().toConfirm()).hasSize(2).doesNotContain(t2);
        assertThat(deleted.copiedForward().dropped()).isEmpty();
    }

    @Test
    void reasonsAreReadAsShown() {
        assertThat(DropReason.of("Not tolerated")).isEqualTo(DropReason.NOT_TOLERATED);
        assertThat(DropReason.of("not-tolerated")).isEqualTo(DropReason.NOT_TOLERATED);
        assertThat(DropReason.of(" resolved")).isEqualTo(DropReason.RESOLVED);
        assertThatThrownBy(() -> DropReason.of("better")).hasMessageContaining("'better' is none of resolved");
    }
}
