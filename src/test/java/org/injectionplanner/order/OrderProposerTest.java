package org.injectionplanner.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.junit.jupiter.api.Test;

/** Hand-computed proposals (docs/ordering.md §4), with the default cost model unless stated. */
class OrderProposerTest {

    private static final CostModel DEFAULTS = CostModel.defaults();

    /** Items named for reading; the id is derived from the name. */
    private final Map<UUID, String> names = new HashMap<>();

    private OrderItem item(String name, String image, SpinalLevel level, Side side, Double depthMm, int position,
            boolean locked) {
        UUID id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        names.put(id, name);
        return new OrderItem(id, image, level, side, depthMm, position, locked);
    }

    private OrderItem site(String image, SpinalLevel level, Side side, int position) {
        return item(image, image, level, side, null, position, false);
    }

    private List<String> proposal(List<OrderItem> items, CostModel model) {
        return OrderProposer.propose(items, model).stream().map(names::get).toList();
    }

    private double cost(List<OrderItem> items, String... order) {
        Map<String, OrderItem> byName = new HashMap<>();
        items.forEach(item -> byName.put(names.get(item.id()), item));
        return DEFAULTS.cost(Arrays.stream(order).map(byName::get).toList());
    }

    /**
     * Midline L3/L4, L4/L5, L5/S1 and facets L4/L5, L5/S1 on both sides, one image each. The midline row
     * goes cranial→caudal from the start at L3/L4; then one side from its top, then the other from its
     * top: 6 image changes × 20 + 6 segments × 1 + stepping out to a side 20 + one side change 40 = 186.
     * Walking the first side back up from L5/S1 saves 2 segments but is a reversal (194); doing the midline
     * between the sides costs a return to it and a reversal (213). Which side comes first is a tie, broken
     * by the current order: the side whose top image is earlier in it.
     */
    @Test
    void lumbosacralSessionGoesCranialToCaudalAndFinishesOneSideFirst() {
        List<OrderItem> rightFirstNow = List.of(
                site("rf45", SpinalLevel.L4_L5, Side.RIGHT, 1), site("lf5s", SpinalLevel.L5_S1, Side.LEFT, 2),
                site("ss5s", SpinalLevel.L5_S1, Side.MIDLINE, 3), site("rf5s", SpinalLevel.L5_S1, Side.RIGHT, 4),
                site("ss34", SpinalLevel.L3_L4, Side.MIDLINE, 5), site("lf45", SpinalLevel.L4_L5, Side.LEFT, 6),
                site("ss45", SpinalLevel.L4_L5, Side.MIDLINE, 7));

        assertThat(proposal(rightFirstNow, DEFAULTS))
                .containsExactly("ss34", "ss45", "ss5s", "rf45", "rf5s", "lf45", "lf5s");
        assertThat(cost(rightFirstNow, "ss34", "ss45", "ss5s", "rf45", "rf5s", "lf45", "lf5s")).isEqualTo(186);
        assertThat(cost(rightFirstNow, "ss34", "ss45", "ss5s", "rf5s", "rf45", "lf45", "lf5s")).isEqualTo(194);
        assertThat(cost(rightFirstNow, "ss34", "ss45", "rf45", "rf5s", "ss5s", "lf5s", "lf45")).isEqualTo(213);

        List<OrderItem> leftFirstNow = List.of(
                site("lf45", SpinalLevel.L4_L5, Side.LEFT, 1), site("rf5s", SpinalLevel.L5_S1, Side.RIGHT, 2),
                site("ss5s", SpinalLevel.L5_S1, Side.MIDLINE, 3), site("lf5s", SpinalLevel.L5_S1, Side.LEFT, 4),
                site("ss34", SpinalLevel.L3_L4, Side.MIDLINE, 5), site("rf45", SpinalLevel.L4_L5, Side.RIGHT, 6),
                site("ss45", SpinalLevel.L4_L5, Side.MIDLINE, 7));

        assertThat(proposal(leftFirstNow, DEFAULTS))
                .containsExactly("ss34", "ss45", "ss5s", "lf45", "lf5s", "rf45", "rf5s");
    }

    /**
     * On one image, when the proposal changes the order: cranial before caudal, then superficial before
     * deep (skin wheal first, unknown depth last), then medial. The L3/L4 image g goes first (0 + 33.2
     * against 13.2 + 45.2 the current way), which changes the order.
     */
    @Test
    void injectionsOnOneImageGoCranialThenSuperficialToDeepThenMedial() {
        List<OrderItem> items = List.of(
                item("caudal", "f", SpinalLevel.L5_S1, Side.MIDLINE, 2.0, 1, false),
                item("capsule", "f", SpinalLevel.L4_L5, Side.LEFT, 45.0, 2, false),
                item("wheal", "f", SpinalLevel.L4_L5, Side.LEFT, 4.0, 3, false),
                item("lateral", "f", SpinalLevel.L4_L5, Side.LEFT, null, 4, false),
                item("medial", "f", SpinalLevel.L4_L5, Side.MIDLINE, null, 5, false),
                item("g", "g", SpinalLevel.L3_L4, Side.MIDLINE, null, 6, false));

        assertThat(proposal(items, DEFAULTS))
                .containsExactly("g", "wheal", "capsule", "medial", "lateral", "caudal");
        assertThat(cost(items, "g", "wheal", "capsule", "medial", "lateral", "caudal")).isCloseTo(33.2, within(1e-9));
        assertThat(cost(items, "caudal", "capsule", "wheal", "lateral", "medial", "g"))
                .isCloseTo(13.2 + 45.2 + 10, within(1e-9));
    }

    /**
     * A new user's session, already in the cheapest order but with the injections of one image not in the
     * within-image rule's order (deep before the skin wheal): no order costs less, so nothing moves.
     */
    @Test
    void anOrderNothingBeatsIsKept() {
        List<OrderItem> items = List.of(
                item("ss-deep", "ss", SpinalLevel.L4_L5, Side.MIDLINE, 30.0, 1, false),
                item("ss-wheal", "ss", SpinalLevel.L4_L5, Side.MIDLINE, 3.0, 2, false),
                item("lf-deep", "lf", SpinalLevel.L4_L5, Side.LEFT, 45.0, 3, false),
                item("lf-wheal", "lf", SpinalLevel.L4_L5, Side.LEFT, 4.0, 4, false),
                item("lf5s", "lf5s", SpinalLevel.L5_S1, Side.LEFT, 40.0, 5, false));

        assertThat(proposal(items, DEFAULTS)).containsExactly("ss-deep", "ss-wheal", "lf-deep", "lf-wheal", "lf5s");
        assertThat(cost(items, "ss-deep", "ss-wheal", "lf-deep", "lf-wheal", "lf5s"))
                .isEqualTo(cost(items, "ss-wheal", "ss-deep", "lf-wheal", "lf-deep", "lf5s")).isEqualTo(61);
    }

    /**
     * The injections of an image stay together, and the image is entered where the tour wants it: a
     * midline image of two and a left facet image of two.
     */
    @Test
    void injectionsOnOneImageStayTogether() {
        List<OrderItem> items = List.of(
                item("facet-wheal", "lf", SpinalLevel.L4_L5, Side.LEFT, 3.0, 1, false),
                item("ss", "ss", SpinalLevel.L4_L5, Side.MIDLINE, 8.0, 2, false),
                item("facet", "lf", SpinalLevel.L4_L5, Side.LEFT, 45.0, 3, false),
                item("is", "ss", SpinalLevel.L4_L5, Side.MIDLINE, 30.0, 4, false));

        assertThat(proposal(items, DEFAULTS)).containsExactly("ss", "is", "facet-wheal", "facet");
        assertThat(cost(items, "ss", "is", "facet-wheal", "facet")).isEqualTo(40);
        assertThat(cost(items, "facet-wheal", "facet", "ss", "is")).isEqualTo(20 + 60);
    }

    /**
     * L5/S1 locked first; the start is at L3/L4, the most cranial level: travel 2, then one step back up
     * to L3/L4 (20 + 2 + reversal 10) and down to L4/L5 (21) = 55, against climbing level by level,
     * 2 + 31 + 31 = 64, the current order.
     */
    @Test
    void aLockedInjectionKeepsItsPositionAndTheRestFollowCheapest() {
        List<OrderItem> items = List.of(
                item("L3/L4", "a", SpinalLevel.L3_L4, Side.MIDLINE, null, 3, false),
                item("L4/L5", "b", SpinalLevel.L4_L5, Side.MIDLINE, null, 2, false),
                item("L5/S1", "c", SpinalLevel.L5_S1, Side.MIDLINE, null, 1, true));

        assertThat(proposal(items, DEFAULTS)).containsExactly("L5/S1", "L3/L4", "L4/L5");
        assertThat(cost(items, "L5/S1", "L3/L4", "L4/L5")).isEqualTo(55);
        assertThat(cost(items, "L5/S1", "L4/L5", "L3/L4")).isEqualTo(64);
    }

    /**
     * A lock at position 2 among the three injections of one image splits it: 0 + 21 + (21 + reversal 10)
     * = 52 whichever of a's injections comes where, so the current one stays, deepest first.
     */
    @Test
    void aLockCanForceAnImageToBeSplit() {
        List<OrderItem> items = List.of(
                item("a-40mm", "a", SpinalLevel.L4_L5, Side.MIDLINE, 40.0, 1, false),
                item("b", "b", SpinalLevel.L5_S1, Side.MIDLINE, null, 2, true),
                item("a-5mm", "a", SpinalLevel.L4_L5, Side.MIDLINE, 5.0, 3, false),
                item("a-20mm", "a", SpinalLevel.L4_L5, Side.MIDLINE, 20.0, 4, false));

        assertThat(proposal(items, DEFAULTS)).containsExactly("a-40mm", "b", "a-5mm", "a-20mm");
        assertThat(cost(items, "a-40mm", "b", "a-5mm", "a-20mm")).isEqualTo(52);
        assertThat(cost(items, "a-5mm", "b", "a-20mm", "a-40mm")).isEqualTo(52);
    }

    /**
     * An image without a level (the trochanter) has no level term, so it costs the same after the left
     * facet as between the midline and the facet (60 each); the current order decides.
     */
    @Test
    void anImageWithoutLevelIsPlacedByTheCurrentOrderWhenItCostsTheSame() {
        List<OrderItem> trochanterFirstNow = List.of(
                site("trochanter", null, Side.LEFT, 1), site("ss45", SpinalLevel.L4_L5, Side.MIDLINE, 2),
                site("lf45", SpinalLevel.L4_L5, Side.LEFT, 3));
        assertThat(proposal(trochanterFirstNow, DEFAULTS)).containsExactly("ss45", "trochanter", "lf45");
        assertThat(cost(trochanterFirstNow, "ss45", "trochanter", "lf45")).isEqualTo(60);
        assertThat(cost(trochanterFirstNow, "ss45", "lf45", "trochanter")).isEqualTo(60);

        List<OrderItem> trochanterLastNow = List.of(
                site("lf45", SpinalLevel.L4_L5, Side.LEFT, 1), site("ss45", SpinalLevel.L4_L5, Side.MIDLINE, 2),
                site("trochanter", null, Side.LEFT, 3));
        assertThat(proposal(trochanterLastNow, DEFAULTS)).containsExactly("ss45", "lf45", "trochanter");
    }

    /**
     * With the defaults each side runs from its top (126 against 134 walking the right side back up); with
     * no reversal weight the right side is walked back up (124); with the side weight 0 only level travel
     * and reversals count: the tour runs L3/L4 → L5/S1 without regard to side.
     */
    @Test
    void theWeightsAreConfigurable() {
        List<OrderItem> items = List.of(
                site("l34", SpinalLevel.L3_L4, Side.LEFT, 1), site("r5s", SpinalLevel.L5_S1, Side.RIGHT, 2),
                site("l5s", SpinalLevel.L5_S1, Side.LEFT, 3), site("r34", SpinalLevel.L3_L4, Side.RIGHT, 4));

        assertThat(proposal(items, DEFAULTS)).containsExactly("l34", "l5s", "r34", "r5s");
        assertThat(cost(items, "l34", "l5s", "r34", "r5s")).isEqualTo(126);
        assertThat(cost(items, "l34", "l5s", "r5s", "r34")).isEqualTo(134);
        assertThat(proposal(items, DEFAULTS.withReversalWeight(0))).containsExactly("l34", "l5s", "r5s", "r34");
        assertThat(proposal(items, DEFAULTS.withSideWeight(0).withLevelWeight(1)))
                .containsExactly("l34", "r34", "r5s", "l5s");
    }

    @Test
    void everythingLockedKeepsTheCurrentOrderAndNothingGivesNothing() {
        List<OrderItem> items = List.of(
                item("x", "a", SpinalLevel.L5_S1, Side.LEFT, null, 2, true),
                item("y", "b", SpinalLevel.L3_L4, Side.RIGHT, null, 1, true));

        assertThat(proposal(items, DEFAULTS)).containsExactly("y", "x");
        assertThat(OrderProposer.propose(List.of(), DEFAULTS)).isEmpty();
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        OrderItem a = item("a", "i", null, Side.LEFT, null, 1, false);
        OrderItem b = item("b", "i", null, Side.LEFT, null, 2, false);
        OrderItem bAt1 = item("b", "i", null, Side.LEFT, null, 1, false);
        OrderItem bAt3 = item("b", "i", null, Side.LEFT, null, 3, false);

        assertThatThrownBy(() -> OrderProposer.propose(List.of(a, a), DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> OrderProposer.propose(List.of(a, bAt1), DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both at position 1");
        assertThatThrownBy(() -> OrderProposer.propose(List.of(a, bAt3), DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 3 of only 2");
        assertThatThrownBy(() -> OrderProposer.propose(null, DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderProposer.propose(List.of(a, b), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost model");
        List<OrderItem> withNull = new ArrayList<>(List.of(a));
        withNull.add(null);
        assertThatThrownBy(() -> OrderProposer.propose(withNull, DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    void anOrderItemChecksItsFields() {
        UUID id = new UUID(0, 1);
        assertThatThrownBy(() -> new OrderItem(null, "i", null, Side.LEFT, null, 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> new OrderItem(id, " ", null, Side.LEFT, null, 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOP Instance UID");
        assertThatThrownBy(() -> new OrderItem(id, "i", null, null, null, 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("side");
        assertThatThrownBy(() -> new OrderItem(id, "i", null, Side.LEFT, -1.0, 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depth");
        assertThatThrownBy(() -> new OrderItem(id, "i", null, Side.LEFT, Double.NaN, 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depth");
        assertThatThrownBy(() -> new OrderItem(id, "i", null, Side.LEFT, null, 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positions start at 1");
    }
}
