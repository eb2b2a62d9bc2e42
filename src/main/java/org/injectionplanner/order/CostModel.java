package org.injectionplanner.order;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What repositioning the probe costs, in arbitrary units (docs/ordering.md §2).
 *
 * <p>Each image has a {@link ProbePosition}. Moving the probe from image A to a different image B costs
 * <pre>
 *   imageChangeWeight
 *   + levelWeight × |level(B) − level(A)|                        (0 if either level is unknown)
 *   + sideWeight × (|side(B) − side(A)| + max(0, |side(A)| − |side(B)|)) / 2
 * </pre>
 * Levels are in vertebral segments; sides are -1 left, 0 midline, +1 right. The side term makes stepping
 * out from the midline to a side cost half a crossing, and crossing the midline, or coming back from a
 * side to the midline, a whole one. Two injections on the same image in a row cost nothing. The session
 * starts at {@link ProbePosition#start}: moving from there to the first image costs the level and side
 * terms only. The cost of an order is the start cost plus the cost of every step from one injection to
 * the next.
 *
 * <p>The injections of one image are done in the fixed order {@link #WITHIN_IMAGE}, which the proposal
 * does not optimise.
 *
 * @param levelWeight cost per vertebral segment of cranio-caudal travel, >= 0
 * @param sideWeight cost of crossing the midline (half of it for stepping out from it), >= 0
 * @param imageChangeWeight cost of every change of image, >= 0
 */
public record CostModel(double levelWeight, double sideWeight, double imageChangeWeight) {

    /**
     * The order of the injections of one image: superficial before deep (unknown depth last), then
     * cranial before caudal (unknown level last), then medial before lateral (midline before a side),
     * then the current position, then the id.
     */
    public static final Comparator<OrderItem> WITHIN_IMAGE = Comparator
            .comparing(OrderItem::depthMm, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(item -> item.level() == null ? null : ProbePosition.segments(item.level()),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingDouble(item -> Math.abs(ProbePosition.side(item.side())))
            .thenComparingInt(OrderItem::currentPosition)
            .thenComparing(OrderItem::id);

    public CostModel {
        check("level", levelWeight);
        check("side", sideWeight);
        check("image change", imageChangeWeight);
    }

    /**
     * The default weights (docs/ordering.md §2.4): 1 per vertebral segment (about 31 mm between adjacent
     * facets, docs/domain.md §2.2); 10 per midline crossing, more than the whole lumbosacral range of 8.5
     * segments, so that one side is finished before the other; 20 per image change, more than the travel
     * of any single move between images (at most 8.5 + 10), so that coming back to an image is expensive.
     */
    public static CostModel defaults() {
        return new CostModel(1, 10, 20);
    }

    /** This model with another level weight. */
    public CostModel withLevelWeight(double weight) {
        return new CostModel(weight, sideWeight, imageChangeWeight);
    }

    /** This model with another side weight. */
    public CostModel withSideWeight(double weight) {
        return new CostModel(levelWeight, weight, imageChangeWeight);
    }

    /** This model with another image change weight. */
    public CostModel withImageChangeWeight(double weight) {
        return new CostModel(levelWeight, sideWeight, weight);
    }

    /** The level and side terms of moving the probe from one position to another (no image change). */
    public double travel(ProbePosition from, ProbePosition to) {
        double level = from.level() == null || to.level() == null ? 0 : Math.abs(to.level() - from.level());
        double side = (Math.abs(to.side() - from.side()) + Math.max(0, Math.abs(from.side()) - Math.abs(to.side())))
                / 2;
        return levelWeight * level + sideWeight * side;
    }

    /** The cost of changing from the image at one position to a different image at another. */
    public double move(ProbePosition from, ProbePosition to) {
        return imageChangeWeight + travel(from, to);
    }

    /**
     * The cost of doing the injections in the given order: travel from the start position to the first
     * image, plus a {@link #move} at every change of image. Image positions are those of all the order's
     * injections on each image.
     *
     * @param order every injection of the session, in order
     */
    public double cost(List<OrderItem> order) {
        if (order.isEmpty()) {
            return 0;
        }
        Map<String, List<OrderItem>> byImage = new LinkedHashMap<>();
        for (OrderItem item : order) {
            byImage.computeIfAbsent(item.groupKey(), k -> new ArrayList<>()).add(item);
        }
        Map<String, ProbePosition> positions = new LinkedHashMap<>();
        byImage.forEach((key, items) -> positions.put(key, ProbePosition.of(items)));
        double total = travel(ProbePosition.start(order), positions.get(order.get(0).groupKey()));
        for (int i = 1; i < order.size(); i++) {
            String from = order.get(i - 1).groupKey();
            String to = order.get(i).groupKey();
            if (!from.equals(to)) {
                total += move(positions.get(from), positions.get(to));
            }
        }
        return total;
    }

    private static void check(String name, double weight) {
        if (!(Double.isFinite(weight) && weight >= 0)) {
            throw new IllegalArgumentException("the " + name + " weight must be a finite number >= 0, got " + weight);
        }
    }
}
