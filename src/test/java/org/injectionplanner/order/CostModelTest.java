package org.injectionplanner.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
    void defaultWeightsPriceLevelSideAndImageChange() {
        assertThat(DEFAULTS).isEqualTo(new CostModel(1, 10, 20));
        assertThat(DEFAULTS.travel(at(4.5, 0), at(5.5, 0))).isEqualTo(1);
        assertThat(DEFAULTS.travel(at(4.5, 0), at(4.5, -1))).as("midline out to the left").isEqualTo(5);
        assertThat(DEFAULTS.travel(at(4.5, -1), at(4.5, 0))).as("left back to the midline").isEqualTo(10);
        assertThat(DEFAULTS.travel(at(4.5, -1), at(4.5, 1))).as("left across to the right").isEqualTo(10);
        assertThat(DEFAULTS.travel(at(4.5, 1), at(4.5, 1))).isZero();
        assertThat(DEFAULTS.travel(at(3.5, -1), at(5.5, 0))).isEqualTo(2 + 10);
        assertThat(DEFAULTS.move(at(3.5, -1), at(5.5, 0))).isEqualTo(20 + 2 + 10);
        assertThat(DEFAULTS.travel(new ProbePosition(null, 0), at(9, 0))).as("unknown level").isZero();
        assertThat(new CostModel(2, 3, 0).travel(at(1, 0), at(3.5, 1))).isEqualTo(2 * 2.5 + 3 * 0.5);
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

        assertThat(DEFAULTS.cost(List.of(a1, a2, b))).isEqualTo(0 + 0 + (20 + 1 + 5));
        assertThat(DEFAULTS.cost(List.of(a1, b, a2))).isEqualTo((20 + 1 + 5) + (20 + 1 + 10));
        assertThat(DEFAULTS.cost(List.of(b, a1, a2))).isEqualTo((1 + 5) + (20 + 1 + 10));
        assertThat(DEFAULTS.cost(List.of())).isZero();
    }

    @Test
    void weightsAreConfigurableAndChecked() {
        assertThat(DEFAULTS.withLevelWeight(2).withSideWeight(3).withImageChangeWeight(4))
                .isEqualTo(new CostModel(2, 3, 4));
        assertThatThrownBy(() -> new CostModel(-1, 10, 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level weight");
        assertThatThrownBy(() -> DEFAULTS.withSideWeight(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("side weight");
        assertThatThrownBy(() -> DEFAULTS.withImageChangeWeight(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image change weight");
        assertThatThrownBy(() -> new ProbePosition(1.0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProbePosition.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
