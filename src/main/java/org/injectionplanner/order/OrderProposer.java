package org.injectionplanner.order;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Proposes the order of a session's injections that needs the least repositioning of the probe under a
 * {@link CostModel} (docs/ordering.md).
 *
 * <p>The injections of an image stay together, in {@link CostModel#WITHIN_IMAGE} order, and the images
 * are ordered by the cheapest tour from the start position. A locked injection keeps its position; the
 * free injections of each image stay together in the sequence of free positions, so an image is split
 * only where a locked injection falls among its free ones, and the cost decides where that happens. The
 * tour is exact (Held–Karp) up to {@link #EXACT_GROUP_LIMIT} images with free injections and a local
 * search above. The current order is kept when the best order found is no cheaper (up to rounding), so
 * the proposal differs from the current order exactly when it costs less. Otherwise, of equally cheap
 * orders, it is the one that keeps the images closest to their current order: it compares the images'
 * first current positions, first image first.
 */
public final class OrderProposer {

    /** The largest number of images with free injections whose tour is exact. */
    public static final int EXACT_GROUP_LIMIT = 15;

    private OrderProposer() {
    }

    /**
     * The proposed order.
     *
     * @param items every injection of the session, with distinct ids and current positions 1..n in any
     *        order
     * @param model the cost model
     * @return the injection ids in the proposed order: element i is the injection at position i + 1
     * @throws IllegalArgumentException if an id repeats or the current positions are not 1..n
     */
    public static List<UUID> propose(List<OrderItem> items, CostModel model) {
        return propose(items, model, EXACT_GROUP_LIMIT, LocalSearch.WINDOW);
    }

    /**
     * The proposal with the exact tour up to {@code exactLimit} images with free injections, and above
     * that the local search polishing windows of {@code window} images.
     */
    static List<UUID> propose(List<OrderItem> items, CostModel model, int exactLimit, int window) {
        if (model == null) {
            throw new IllegalArgumentException("the order proposal needs a cost model");
        }
        validate(items);
        List<OrderItem> current = new ArrayList<>(items);
        current.sort(Comparator.comparingInt(OrderItem::currentPosition));
        List<UUID> currentIds = current.stream().map(OrderItem::id).toList();
        TourProblem problem = TourProblem.of(items, model);
        if (problem.blockCount() == 0) {
            return currentIds;
        }
        int[] tour = problem.blockCount() <= exactLimit
                ? HeldKarp.solve(problem)
                : LocalSearch.solve(problem, window);
        List<UUID> proposed = problem.order(tour);
        Map<UUID, OrderItem> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        double proposedCost = model.cost(proposed.stream().map(byId::get).toList());
        return HeldKarp.ties(model.cost(current), proposedCost) ? currentIds : proposed;
    }

    private static void validate(List<OrderItem> items) {
        if (items == null) {
            throw new IllegalArgumentException("the order proposal needs a list of injections");
        }
        int n = items.size();
        Set<UUID> ids = new HashSet<>();
        UUID[] atPosition = new UUID[n + 1];
        for (OrderItem item : items) {
            if (item == null) {
                throw new IllegalArgumentException("the list of injections to order contains null");
            }
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException("injection " + item.id() + " is listed twice");
            }
            int p = item.currentPosition();
            if (p > n) {
                throw new IllegalArgumentException("injection " + item.id() + " is at position " + p + " of only "
                        + n + " injections");
            }
            if (atPosition[p] != null) {
                throw new IllegalArgumentException("injections " + atPosition[p] + " and " + item.id()
                        + " are both at position " + p);
            }
            atPosition[p] = item.id();
        }
    }
}
