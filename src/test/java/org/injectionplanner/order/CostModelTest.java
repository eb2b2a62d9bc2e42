package org.injectionplanner.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.injectionplanner.plan.OrderWeights;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.junit.jupiter.api.Test;

/** The cost model of docs/ordering.md §2, by hand. */
class CostModelTest {

    private static final CostModel DEFAULTS = CostModel.defaults();

    private static ProbePosition at(double level, double side) {
        return new ProbePosition(level, side);
    }

    @Test
    void levelsAreVertebralSegmentsWithTheSacrumAfterL5() {
        assertThat(ProbePosition.segments(SpinalLevel.T12_L1)).isEqualTo(0.5);
        assertThat(ProbePosition.segments(SpinalLevel.L4)).isEqualTo(4);
        assertThat(ProbePosition.segments(SpinalLevel.L4_L5)).isEqualTo(4.5);
        assertThat(ProbePosition.segments(SpinalLevel.L5_S1)).isEqualTo(5.5);
        assertThat(ProbePosition.segments(SpinalLevel.S1)).isEqualTo(6);
        assertThat(ProbePosition.segments(SpinalLevel.S4)).isEqualTo(9);
        double previous = 0;
        for (SpinalLevel level : SpinalLevel.values()) {
            assertThat(ProbePosition.segments(level)).as(level.label()).isGreaterThan(previous);
            previous = ProbePosition.segments(level);
        }
    }

    @Test
    void defaultWeightsPriceLevelSideImageChangeOrientationAndReversal() {
        assertThat(DEFAULTS).isEqualTo(new CostModel(1, 40, 20, 2, 10));
        assertThat(DEFAULTS.weights()).isEqualTo(OrderWeights.defaults());
        assertThat(CostModel.of(new OrderWeights(1, 2, 3, 4, 5))).isEqualTo(new CostModel(1, 2, 3, 4, 5));
        assertThat(DEFAULTS.travel(at(4.5, 0), at(5.5, 0))).isEqualTo(1);
        assertThat(DEFAULTS.travel(at(4.5, 0), at(4.5, -1))).as("midline out to the left").isEqualTo(20);
        assertThat(DEFAULTS.travel(at(4.5, -1), at(4.5, 0))).as("left back to the midline").isEqualTo(40);
        assertThat(DEFAULTS.travel(at(4.5, -1), at(4.5, 1))).as("left across to the right").isEqualTo(40);
        assertThat(DEFAULTS.travel(at(4.5, 1), at(4.5, 1))).isZero();
        assertThat(DEFAULTS.travel(at(3.5, -1), at(5.5, 0))).isEqualTo(2 + 40);
        assertThat(DEFAULTS.move(at(3.5, -1), at(5.5, 0))).isEqualTo(20 + 2 + 40);
        assertThat(DEFAULTS.travel(new ProbePosition(null, 0), at(9, 0))).as("unknown level").isZero();
        assertThat(new CostModel(2, 3, 0, 0, 0).travel(at(1, 0), at(3.5, 1))).isEqualTo(2 * 2.5 + 3 * 0.5);
    }

    @Test
    void goingBackUpOnTheSameSideIsAReversalButStartingTheOtherSideAtTheTopIsNot() {
        assertThat(DEFAULTS.travel(at(5.5, -1), at(4.5, -1))).as("left, back up").isEqualTo(1 + 10);
        assertThat(DEFAULTS.travel(at(5.5, 0), at(3.5, 0))).as("midline, back up").isEqualTo(2 + 10);
        assertThat(DEFAULTS.travel(at(4.5, -1), at(5.5, -1))).as("left, down").isEqualTo(1);
        assertThat(DEFAULTS.travel(at(5.5, -1), at(4.5, 1))).as("to the right's top").isEqualTo(1 + 40);
        assertThat(DEFAULTS.travel(at(5.5, 0), at(4.5, -1))).as("midline out to the left's top").isEqualTo(1 + 20);
        assertThat(DEFAULTS.travel(at(5.5, -0.5), at(4.5, -1))).as("both left of the midline").isEqualTo(1 + 10 + 10);
        assertThat(DEFAULTS.travel(new ProbePosition(null, -1), at(4.5, -1))).as("unknown level").isZero();
    }

    @Test
    void turningTheProbeIsPricedOnlyBetweenKnownOrientations() {
        ProbePosition transverse = new ProbePosition(4.5, -1, ProbeOrientation.TRANSVERSE);
        ProbePosition longitudinal = new ProbePosition(4.5, -1, ProbeOrientation.LONGITUDINAL);
        ProbePosition unknown = new ProbePosition(4.5, -1, ProbeOrientation.UNKNOWN);

        assertThat(DEFAULTS.travel(transverse, longitudinal)).isEqualTo(2);
        assertThat(DEFAULTS.travel(longitudinal, transverse)).isEqualTo(2);
        assertThat(DEFAULTS.travel(transverse, transverse)).isZero();
        assertThat(DEFAULTS.travel(transverse, unknown)).isZero();
        assertThat(DEFAULTS.travel(unknown, longitudinal)).isZero();
        assertThat(DEFAULTS.withOrientationWeight(7).travel(transverse, longitudinal)).isEqualTo(7);
    }

    @Test
    void theOrientationIsWhatTheImageDescriptionNames() {
        assertThat(ProbeOrientation.fromDescription("Transverse L4-L5 midline")).isEqualTo(ProbeOrientation.TRANSVERSE);
        assertThat(ProbeOrientation.fromDescription("Cine transverse L4-L5 midline"))
                .isEqualTo(ProbeOrientation.TRANSVERSE);
        assertThat(ProbeOrientation.fromDescription("Longitudinal posterior sacroiliac (right)"))
                .isEqualTo(ProbeOrientation.LONGITUDINAL);
        assertThat(ProbeOrientation.fromDescription("PARASAGITTAL facets L3-S1 left"))
                .isEqualTo(ProbeOrientation.LONGITUDINAL);
        assertThat(ProbeOrientation.fromDescription("axial L5")).isEqualTo(ProbeOrientation.TRANSVERSE);
        assertThat(ProbeOrientation.fromDescription("long axis, then short axis")).isEqualTo(ProbeOrientation.UNKNOWN);
        assertThat(ProbeOrientation.fromDescription("Transversus abdominis plane")).as("a whole word only")
                .isEqualTo(ProbeOrientation.UNKNOWN);
        assertThat(ProbeOrientation.fromDescription("Lumbar facets")).isEqualTo(ProbeOrientation.UNKNOWN);
        assertThat(ProbeOrientation.fromDescription(null)).isEqualTo(ProbeOrientation.UNKNOWN);
    }

    @Test
    void anImageSitsAtTheMeanOfItsInjections() {
        List<OrderItem> items = List.of(
                Instances.item(1, 0, SpinalLevel.L4_L5, Side.MIDLINE, null, 1, false),
                Instances.item(2, 0, SpinalLevel.L5_S1, Side.LEFT, null, 2, false),
                Instances.item(3, 0, null, Side.LEFT, null, 3, false),
                Instances.item(4, 0, SpinalLevel.L5_S1, Side.RIGHT, null, 4, false));

        assertThat(ProbePosition.of(items)).isEqualTo(new ProbePosition((4.5 + 5.5 + 5.5) / 3, -0.25));
        assertThat(ProbePosition.of(items.subList(2, 3))).isEqualTo(new ProbePosition(null, -1));
        assertThat(ProbePosition.start(items)).isEqualTo(new ProbePosition(4.5, 0));
        assertThat(ProbePosition.start(items.subList(2, 3))).isEqualTo(new ProbePosition(null, 0));
    }

    /** Start at L4/L5 midline; image a (L4/L5 midline, two injections), then b (L5/S1 left), then a again. */
    @Test
    void theCostOfAnOrderCountsTravelFromTheStartAndEveryChangeOfImage() {
        OrderItem a1 = Instances.item(1, 0, SpinalLevel.L4_L5, Side.MIDLINE, null, 1, false);
        OrderItem a2 = Instances.item(2, 0, SpinalLevel.L4_L5, Side.MIDLINE, null, 2, false);
        OrderItem b = Instances.item(3, 1, SpinalLevel.L5_S1, Side.LEFT, null, 3, false);

        assertThat(DEFAULTS.cost(List.of(a1, a2, b))).isEqualTo(0 + 0 + (20 + 1 + 20));
        assertThat(DEFAULTS.cost(List.of(a1, b, a2))).isEqualTo((20 + 1 + 20) + (20 + 1 + 40));
        assertThat(DEFAULTS.cost(List.of(b, a1, a2))).isEqualTo((1 + 20) + (20 + 1 + 40));
        assertThat(DEFAULTS.cost(List.of())).isZero();
    }

    /** One longitudinal image of the left L3/L4, L4/L5 and L5/S1 facets: every step back up is a reversal. */
    @Test
    void withinAnImageEveryStepBackUpIsAReversal() {
        OrderItem l34 = Instances.item(1, 0, SpinalLevel.L3_L4, Side.LEFT, 20.0, 1, false);
        OrderItem l45 = Instances.item(2, 0, SpinalLevel.L4_L5, Side.LEFT, 25.0, 2, false);
        OrderItem none = Instances.item(3, 0, null, Side.LEFT, 5.0, 3, false);
        OrderItem l5s1 = Instances.item(4, 0, SpinalLevel.L5_S1, Side.LEFT, 15.0, 4, false);

        assertThat(DEFAULTS.withinImage(List.of(l34, l45, none, l5s1))).isZero();
        assertThat(DEFAULTS.withinImage(List.of(l5s1, none, l45, l34))).isEqualTo(20);
        assertThat(DEFAULTS.withinImage(List.of(l45, l5s1, l34))).isEqualTo(10);
        assertThat(DEFAULTS.cost(List.of(l5s1, l45, l34, none))).isEqualTo(DEFAULTS.cost(List.of(l34, l45, l5s1, none))
                + 20);
        List<OrderItem> within = new java.util.ArrayList<>(List.of(l5s1, none, l45, l34));
        within.sort(CostModel.WITHIN_IMAGE);
        assertThat(within).as("levels first, not depth").containsExactly(l34, l45, l5s1, none);
    }

    @Test
    void weightsAreConfigurableAndChecked() {
        assertThat(DEFAULTS.withLevelWeight(2).withSideWeight(3).withImageChangeWeight(4).withOrientationWeight(5)
                .withReversalWeight(6)).isEqualTo(new CostModel(2, 3, 4, 5, 6));
        assertThatThrownBy(() -> new CostModel(-1, 10, 20, 2, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level weight");
        assertThatThrownBy(() -> DEFAULTS.withOrientationWeight(-0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orientation weight");
        assertThatThrownBy(() -> DEFAULTS.withReversalWeight(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reversal weight");
        assertThatThrownBy(() -> DEFAULTS.withSideWeight(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("side weight");
        assertThatThrownBy(() -> DEFAULTS.withImageChangeWeight(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image change weight");
        assertThatThrownBy(() -> new ProbePosition(1.0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProbePosition.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
