package org.injectionplanner.order;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.injectionplanner.plan.OrderWeights;

/**
 * What doing the injections in an order costs the physician, in arbitrary units (docs/ordering.md §2).
 *
 * <p>Each image has a {@link ProbePosition}. Moving the probe from image A to a different image B costs
 * <pre>
 *   imageChangeWeight
 *   + levelWeight × |level(B) − level(A)|                        (0 if either level is unknown)
 *   + sideWeight × (|side(B) − side(A)| + max(0, |side(A)| − |side(B)|)) / 2
 *   + orientationWeight   if A and B are one transverse, one longitudinal (0 if either is unknown)
 *   + reversalWeight      if B is cranial to A and both are on the same side (left, midline or right)
 * </pre>
 * Levels are in vertebral segments; sides are -1 left, 0 midline, +1 right, and an image is on the left
 * or right when its side is below or above 0. The side term makes stepping out from the midline to a side
 * cost half a side change, and crossing to the other side, or coming back from a side to the midline, a
 * whole one. Within an image, every step from an injection to one at a more cranial level (of those with
 * a level) costs {@code reversalWeight}; nothing else does. The session starts at
 * {@link ProbePosition#start}: moving from there to the first image costs the level and side terms only.
 * The cost of an order is the start cost, plus the cost of every step from one injection to the next on
 * another image, plus the reversals within images.
 *
 * <p>The injections of one image are proposed in the fixed order {@link #WITHIN_IMAGE}.
 *
 * @param levelWeight cost per vertebral segment of cranio-caudal travel, >= 0
 * @param sideWeight cost of a side change (half of it for stepping out from the midline), >= 0
 * @param imageChangeWeight cost of every change of image, >= 0
 * @param orientationWeight cost of turning the probe between transverse and longitudinal, >= 0
 * @param reversalWeight cost of going back up a level on the same side, >= 0
 */
public record CostModel(double levelWeight, double sideWeight, double imageChangeWeight, double orientationWeight,
        double reversalWeight) {

    /**
     * The order of the injections of one image: cranial before caudal (unknown level last), then
     * superficial before deep (unknown depth last), then medial before lateral (midline before a side),
     * then the current position, then the id.
     */
    public static final Comparator<OrderItem> WITHIN_IMAGE = Comparator
            .comparing((OrderItem item) -> item.level() == null ? null : ProbePosition.segments(item.level()),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OrderItem::depthMm, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingDouble(item -> Math.abs(ProbePosition.side(item.side())))
            .thenComparingInt(OrderItem::currentPosition)
            .thenComparing(OrderItem::id);

    /** Checks the weights as {@link OrderWeights} does. */
    public CostModel {
        new OrderWeights(levelWeight, sideWeight, imageChangeWeight, orientationWeight, reversalWeight);
    }

    /** The model with a clinic's weights. */
    public static CostModel of(OrderWeights weights) {
        return new CostModel(weights.levelWeight(), weights.sideWeight(), weights.imageChangeWeight(),
                weights.orientationWeight(), weights.reversalWeight());
    }

    /** The model with the default weights, {@link OrderWeights#defaults()} (docs/ordering.md §2.5). */
    public static CostModel defaults() {
        return of(OrderWeights.defaults());
    }

    /** This model's weights as a clinic sets them. */
    public OrderWeights weights() {
        return new OrderWeights(levelWeight, sideWeight, imageChangeWeight, orientationWeight, reversalWeight);
    }

    /** This model with another level weight. */
    public CostModel withLevelWeight(double weight) {
        return new CostModel(weight, sideWeight, imageChangeWeight, orientationWeight, reversalWeight);
    }

    /** This model with another side weight. */
    public CostModel withSideWeight(double weight) {
        return new CostModel(levelWeight, weight, imageChangeWeight, orientationWeight, reversalWeight);
    }

    /** This model with another image change weight. */
    public CostModel withImageChangeWeight(double weight) {
        return new CostModel(levelWeight, sideWeight, weight, orientationWeight, reversalWeight);
    }

    /** This model with another orientation weight. */
    public CostModel withOrientationWeight(double weight) {
        return new CostModel(levelWeight, sideWeight, imageChangeWeight, weight, reversalWeight);
    }

    /** This model with another reversal weight. */
    public CostModel withReversalWeight(double weight) {
        return new CostModel(levelWeight, sideWeight, imageChangeWeight, orientationWeight, weight);
    }

    /**
     * The level, side, orientation and reversal terms of moving the probe from one position to another
     * (no image change).
     */
    public double travel(ProbePosition from, ProbePosition to) {
        boolean levels = from.level() != null && to.level() != null;
        double level = levels ? Math.abs(to.level() - from.level()) : 0;
        double side = (Math.abs(to.side() - from.side()) + Math.max(0, Math.abs(from.side()) - Math.abs(to.side())))
                / 2;
        boolean orientation = ProbeOrientation.changes(from.orientation(), to.orientation());
        boolean reversal = levels && to.level() < from.level() && Math.signum(from.side()) == Math.signum(to.side());
        return levelWeight * level + sideWeight * side + (orientation ? orientationWeight : 0)
                + (reversal ? reversalWeight : 0);
    }

    /** The cost of changing from the image at one position to a different image at another. */
    public double move(ProbePosition from, ProbePosition to) {
        return imageChangeWeight + travel(from, to);
    }

    /**
     * The reversals within one image: {@code reversalWeight} for every step from one of its injections
     * that has a level to the next that has one, if that is more cranial.
     *
     * @param itemsOnOneImage the image's injections in the order they are done
     */
    public double withinImage(List<OrderItem> itemsOnOneImage) {
        double cost = 0;
        Double previous = null;
        for (OrderItem item : itemsOnOneImage) {
            if (item.level() != null) {
                double level = ProbePosition.segments(item.level());
                if (previous != null && level < previous) {
                    cost += reversalWeight;
                }
                previous = level;
            }
        }
        return cost;
    }

    /**
     * The cost of doing the injections in the given order: travel from the start position to the first
     * image, a {@link #move} at every change of image, and the reversals {@link #withinImage} every image.
     * Image positions are those of all the order's injections on each image.
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
        for (List<OrderItem> items : byImage.values()) {
            total += withinImage(items);
        }
        return total;
    }
}
