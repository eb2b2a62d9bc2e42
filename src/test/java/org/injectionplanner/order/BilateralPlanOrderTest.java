package org.injectionplanner.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.junit.jupiter.api.Test;

/**
 * A realistic bilateral lumbosacral session of 12 sites on 6 images, each image showing one side
 * (docs/ordering.md §4): on each side a longitudinal paramedian image of the L3/L4, L4/L5 and L5/S1 facets,
 * a transverse image of the iliolumbar ligament at L5 and a longitudinal image of the long posterior
 * sacroiliac ligament at S1 and S2. The targets are entered as a new user would, structure by structure,
 * alternating sides, and on the facet images the L5/S1 facet is the shallowest.
 */
class BilateralPlanOrderTest {

    private static final MeasuredCalibration CAL = PlanFixtures.region(0, 0.1, 0.1);

    private final List<Target> targets = new ArrayList<>();

    private static PlanImage image(String uid, String description) {
        return new PlanImage(uid, "2.25.900", "2.25.901", description, 1, null, null, null);
    }

    private static final PlanImage FACETS_LEFT = image("2.25.911", "Longitudinal paramedian facets L3-S1 left");
    private static final PlanImage FACETS_RIGHT = image("2.25.912", "Longitudinal paramedian facets L3-S1 right");
    private static final PlanImage ILIOLUMBAR_LEFT = image("2.25.921", "Transverse iliolumbar L5 left");
    private static final PlanImage ILIOLUMBAR_RIGHT = image("2.25.922", "Transverse iliolumbar L5 right");
    private static final PlanImage SACROILIAC_LEFT = image("2.25.931", "Longitudinal posterior sacroiliac left");
    private static final PlanImage SACROILIAC_RIGHT = image("2.25.932", "Longitudinal posterior sacroiliac right");

    private void site(String label, String structure, Side side, SpinalLevel level, PlanImage image, double depthMm) {
        int number = targets.size() + 1;
        PixelPoint point = new PixelPoint(100 + 10 * number, depthMm / 0.1);
        targets.add(new Target(PlanFixtures.id("target", number), number, label, structure, side, level,
                new ImageRef(image.sopInstanceUid(), 1), point, CAL.depthMm(point), "", CAL));
    }

    /** The 12 sites in the order a new user entered them. */
    private SessionPlan plan() {
        site("L facet L5/S1", "facet-capsule", Side.LEFT, SpinalLevel.L5_S1, FACETS_LEFT, 25);
        site("R facet L5/S1", "facet-capsule", Side.RIGHT, SpinalLevel.L5_S1, FACETS_RIGHT, 26);
        site("L facet L3/L4", "facet-capsule", Side.LEFT, SpinalLevel.L3_L4, FACETS_LEFT, 32);
        site("R facet L3/L4", "facet-capsule", Side.RIGHT, SpinalLevel.L3_L4, FACETS_RIGHT, 33);
        site("L facet L4/L5", "facet-capsule", Side.LEFT, SpinalLevel.L4_L5, FACETS_LEFT, 30);
        site("R facet L4/L5", "facet-capsule", Side.RIGHT, SpinalLevel.L4_L5, FACETS_RIGHT, 31);
        site("L iliolumbar", "iliolumbar", Side.LEFT, SpinalLevel.L5, ILIOLUMBAR_LEFT, 40);
        site("R iliolumbar", "iliolumbar", Side.RIGHT, SpinalLevel.L5, ILIOLUMBAR_RIGHT, 41);
        site("L LPSL S1", "lpsl", Side.LEFT, SpinalLevel.S1, SACROILIAC_LEFT, 12);
        site("R LPSL S1", "lpsl", Side.RIGHT, SpinalLevel.S1, SACROILIAC_RIGHT, 13);
        site("L LPSL S2", "lpsl", Side.LEFT, SpinalLevel.S2, SACROILIAC_LEFT, 10);
        site("R LPSL S2", "lpsl", Side.RIGHT, SpinalLevel.S2, SACROILIAC_RIGHT, 11);
        SessionPlan plan = PlanFixtures.draft();
        for (PlanImage image : List.of(FACETS_LEFT, FACETS_RIGHT, ILIOLUMBAR_LEFT, ILIOLUMBAR_RIGHT, SACROILIAC_LEFT,
                SACROILIAC_RIGHT)) {
            plan = plan.withImage(image);
        }
        for (Target t : targets) {
            plan = plan.withTarget(t);
        }
        for (Target t : targets) {
            plan = plan.withInjection(PlanFixtures.injection(t, null));
        }
        return plan;
    }

    private static List<Target> proposedTargets(SessionPlan plan, List<UUID> order) {
        Map<UUID, Injection> byId = plan.injections().stream().collect(Collectors.toMap(Injection::id,
                Function.identity()));
        return order.stream().map(id -> plan.targetOf(byId.get(id))).toList();
    }

    @Test
    void theImagesOrientationsComeFromTheirDescriptions() {
        Map<String, ProbeOrientation> orientation = SessionOrder.items(plan()).stream().collect(
                Collectors.toMap(OrderItem::groupKey, OrderItem::orientation, (a, b) -> a));

        assertThat(orientation).containsEntry(FACETS_LEFT.sopInstanceUid(), ProbeOrientation.LONGITUDINAL)
                .containsEntry(ILIOLUMBAR_RIGHT.sopInstanceUid(), ProbeOrientation.TRANSVERSE)
                .containsEntry(SACROILIAC_LEFT.sopInstanceUid(), ProbeOrientation.LONGITUDINAL);
    }

    /**
     * Left side from its top (the facets cranial to caudal, iliolumbar, sacroiliac S1 then S2), one walk
     * round the table, then the right side from its top in the same sequence.
     */
    @Test
    void theSessionIsProposedOneSideAfterTheOtherWithLevelsInSequence() {
        SessionPlan plan = plan();
        List<Target> proposed = proposedTargets(plan, SessionOrder.propose(plan, CostModel.defaults()));

        assertThat(proposed).extracting(Target::label).containsExactly(
                "L facet L3/L4", "L facet L4/L5", "L facet L5/S1", "L iliolumbar", "L LPSL S1", "L LPSL S2",
                "R facet L3/L4", "R facet L4/L5", "R facet L5/S1", "R iliolumbar", "R LPSL S1", "R LPSL S2");
        List<OrderItem> items = SessionOrder.items(plan.withInjectionOrder(SessionOrder.propose(plan,
                CostModel.defaults())));
        assertThat(OrderProposerPropertiesTest.sideChanges(items)).isEqualTo(1);
        OrderProposerPropertiesTest.assertLevelsInSequenceWithinSides(items);
        // from the start at L3/L4 on the midline: stepping out to the left 20, 5 image changes x 20, one
        // side change 40, levels 1 + 0.5 + 1.5 + 2 (up to the right's top) + 0.5 + 1.5 = 7, orientation
        // changes L -> T -> L on each side 4 x 2, no reversal
        assertThat(SessionOrder.cost(plan, items.stream().map(OrderItem::id).toList(), CostModel.defaults()))
                .isEqualTo(20 + 5 * 20 + 40 + 7 + 4 * 2);
    }

    /** Proposing again keeps the proposal, and so does proposing on a plan already in it. */
    @Test
    void theProposalIsKeptOnceMade() {
        SessionPlan plan = plan();
        List<UUID> proposed = SessionOrder.propose(plan, CostModel.defaults());
        SessionPlan reordered = plan.withInjectionOrder(proposed);

        assertThat(SessionOrder.propose(reordered, CostModel.defaults())).isEqualTo(proposed);
    }
}
